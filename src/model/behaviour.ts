/**
 * Behavioural parameters: how traits, duration, the economy and policies change a person's chances.
 *
 * These are meant to be **one shared set for every municipality** (the calibration issue fits them
 * jointly to all seed targets). A model may override them only for sensitivity analysis; the
 * override is recorded in the run's manifest.
 */
import { z } from 'zod';
import { defaultPolicyEffects, mergePolicyEffects, policyEffectsOverrideSchema, policyEffectsSchema } from '../policies/effects.ts';

const coef = (min: number, max: number) => z.number().min(min).max(max);

export const behaviourSchema = z.strictObject({
  /** Employability index: log-linear in the traits (see `src/engine/employability.ts`). */
  employability: z.strictObject({
    skills: coef(0, 10).describe('log-employability per unit of skills (0-1 scale)'),
    motivation: coef(0, 10).describe('log-employability per unit of motivation (0-1 scale)'),
    multiProblem: coef(0, 10).describe('log-employability lost by a multi-problem (poor health) person'),
    rung: coef(0, 3).describe('log-employability per participation-ladder rung above 3'),
    agePer10YearsOver45: coef(0, 5).describe('log-employability lost per 10 years of age over 45 (productivity)'),
    scarringPerLogYear: coef(0, 5).describe('log-employability lost per unit of ln(1 + years on benefit)'),
    frailtySd: coef(0, 3).describe('sd of the unobserved log-frailty drawn at entry (dynamic selection)'),
  }),
  /** Search effort: s = base + slope * motivation, times policy multipliers. */
  search: z.strictObject({
    base: coef(0, 2),
    motivationSlope: coef(0, 5),
  }),
  /**
   * The regional job market (urn-ball matching): hires M = phi V (1 - exp(-mu U / (phi V))), with
   * V the open vacancies and U the search units of every jobseeker, recipients and the region's
   * other unemployed alike. Recipients get the share of M their units hold.
   */
  matching: z.strictObject({
    efficiency: coef(0, 5).describe('mu: hires per search unit per month when vacancies are plentiful'),
    fillsPerVacancy: coef(0.05, 10).describe('phi: most hires per open vacancy per month (vacancies are filled and reopened)'),
    outsideSearch: coef(0, 10).describe('search units of one unemployed person outside bijstand'),
    /** Employers' preference against age: log-weight lost per 10 years over 45 (discrimination). */
    ageDiscriminationPer10Years: coef(0, 5),
  }),
  /** How the economy turns growth into labour demand and applicants. */
  economy: z.strictObject({
    referenceGrowthPct: coef(-5, 10).describe('annual growth at which demand is at its reference level'),
    demandPerGrowthPoint: coef(0, 2).describe('long-run log-demand per point of growth above reference'),
    lagMonths: coef(1, 60).describe('months for demand to close 63% of the gap to its long-run level'),
    inflowElasticity: coef(0, 5).describe('elasticity of new applicants to the national unemployment rate'),
  }),
  /** Exits other than to work: hazards for a newcomer, falling with the years on benefit. */
  exits: z.strictObject({
    schoolOrRemovedPerYear: coef(0, 1).describe('yearly hazard of school or removal (enforcement) in the first year on benefit'),
    nonInfluenceablePerYear: coef(0, 1).describe('yearly hazard of moving, cohabiting or other income in the first year on benefit'),
    durationElasticity: coef(0, 3).describe('both hazards scale with (1 + years on benefit)^(-elasticity)'),
    youthSchoolFactor: coef(1, 10).describe('school/removal hazard multiplier under age 27'),
  }),
  /** Slow trait changes while on benefit (per month). */
  dynamics: z.strictObject({
    motivationDecayPerMonth: coef(0, 0.1).describe('motivation lost per month on benefit (discouragement)'),
    motivationFloor: coef(0, 1),
    skillDecayPerMonth: coef(0, 0.05).describe('skills lost per month on benefit (depreciation)'),
  }),
  /** The revolving door: jobs found from bijstand can end and bring people back. */
  revolvingDoor: z.strictObject({
    jobLossPerMonthFirstYear: coef(0, 0.5),
    jobLossPerMonthSecondYear: coef(0, 0.5),
    /** Share of job losers who return to bijstand (the rest go to WW or other income first). */
    returnShare: coef(0, 1),
    /** After this many months in work a job counts as durable and the person leaves the model. */
    durableAfterMonths: z.number().int().min(1).max(120),
    /** Monthly return hazard in the first month after leaving for school or by removal, decaying by `returnDecayPerMonth`. */
    returnAfterSchoolPerMonth: coef(0, 1),
    /** The same after leaving by moving, cohabiting or other income. */
    returnAfterNonPerMonth: coef(0, 1),
    returnDecayPerMonth: coef(0, 1),
    /** Monthly hazard that a deterred applicant applies again (same decay). */
    reapplyPerMonth: coef(0, 1),
    /** Leavers are followed this many months for a return, then leave the model. */
    returnWindowMonths: z.number().int().min(1).max(120),
  }),
  /** How strongly each kind of policy acts: shared by every municipality that runs it (one group per policy type). */
  policyEffects: policyEffectsSchema,
});

export type Behaviour = z.infer<typeof behaviourSchema>;

/**
 * Default behaviour, before joint calibration. Orders of magnitude from labour economics:
 * scarring and dynamic selection as in duration-dependence studies (Van den Berg & Van Ours 1996
 * find most observed duration dependence is selection), matching elasticity 0.5 (Petrongolo &
 * Pissarides 2001), job loss in the first year after leaving welfare of roughly a third
 * (the revolving door the seed-002 readers describe), durable after two years (Almere, seed 004:
 * "people fired after two years").
 */
export const defaultBehaviour: Behaviour = {
  employability: {
    skills: 1.6,
    motivation: 1.2,
    multiProblem: 1.0,
    rung: 0.25,
    agePer10YearsOver45: 0.35,
    scarringPerLogYear: 0.45,
    frailtySd: 0.6,
  },
  search: { base: 0.3, motivationSlope: 1.0 },
  matching: { efficiency: 0.035, fillsPerVacancy: 1, outsideSearch: 4, ageDiscriminationPer10Years: 0.45 },
  exits: { schoolOrRemovedPerYear: 0.08, nonInfluenceablePerYear: 0.14, durationElasticity: 0.5, youthSchoolFactor: 2.5 },
  economy: { referenceGrowthPct: 1.5, demandPerGrowthPoint: 0.3, lagMonths: 24, inflowElasticity: 1.2 },
  dynamics: { motivationDecayPerMonth: 0.004, motivationFloor: 0.1, skillDecayPerMonth: 0.0015 },
  revolvingDoor: {
    jobLossPerMonthFirstYear: 0.03,
    jobLossPerMonthSecondYear: 0.012,
    returnShare: 0.6,
    durableAfterMonths: 24,
    returnAfterSchoolPerMonth: 0.06,
    returnAfterNonPerMonth: 0.04,
    returnDecayPerMonth: 0.9,
    reapplyPerMonth: 0.05,
    returnWindowMonths: 36,
  },
  policyEffects: defaultPolicyEffects,
};

const S = behaviourSchema.shape;

/** A partial behaviour: any group, any field. Merged over the defaults by `resolveBehaviour`. */
export const behaviourOverrideSchema = z.strictObject({
  employability: S.employability.partial().optional(),
  search: S.search.partial().optional(),
  matching: S.matching.partial().optional(),
  economy: S.economy.partial().optional(),
  exits: S.exits.partial().optional(),
  dynamics: S.dynamics.partial().optional(),
  revolvingDoor: S.revolvingDoor.partial().optional(),
  policyEffects: policyEffectsOverrideSchema.optional(),
});

export type BehaviourOverride = z.infer<typeof behaviourOverrideSchema>;

/** The defaults with a model's overrides merged in, group by group. */
export function resolveBehaviour(o: BehaviourOverride = {}, base: Behaviour = defaultBehaviour): Behaviour {
  return {
    employability: { ...base.employability, ...o.employability },
    search: { ...base.search, ...o.search },
    matching: { ...base.matching, ...o.matching },
    economy: { ...base.economy, ...o.economy },
    exits: { ...base.exits, ...o.exits },
    dynamics: { ...base.dynamics, ...o.dynamics },
    revolvingDoor: { ...base.revolvingDoor, ...o.revolvingDoor },
    policyEffects: mergePolicyEffects(base.policyEffects, o.policyEffects),
  };
}
