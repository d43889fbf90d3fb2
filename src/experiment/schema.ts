/**
 * An experiment file: `models/experiments/<name>.ts` default-exports `defineExperiment({...})`.
 * It names the models, the policy sets and the economic scenarios to cross (or continuous
 * parameters to sample), the outcomes to compare, replicates and seed. Validated with zod like a
 * model file. Models are referred to by name: `rotterdam` is `models/rotterdam.ts`.
 */
import { z } from 'zod';
import { ECONOMY_SCENARIOS } from '../economy/scenarios.ts';
import { policySchema } from '../policies/registry.ts';
import { ALTERNATIVE_NAMES } from './alternatives.ts';

export const OUTCOMES = [
  'caseload-change', // end-of-horizon caseload minus the starting caseload (people)
  'caseload-change-pct', // the same, relative to the start (%)
  'caseload-end', // caseload at the end of the horizon
  'exits-to-work', // exits to work over the horizon
  'exits-to-work-per-100', // exits to work over the horizon per 100 recipients at the start (towns of any size)
  'reentries', // returns to benefit after leaving by any route, over the horizon
  'share-45-plus-end', // share 45+ of the caseload at the end (%)
  'share-5y-plus-end', // share on benefit 5+ years at the end (%)
  'employability-end', // mean employability of the caseload at the end
  'benefit-cost', // EUR over the horizon
  'programme-cost', // EUR over the horizon
  'total-cost', // benefit plus programme cost, EUR over the horizon
] as const;

export type Outcome = (typeof OUTCOMES)[number];

const modelName = z.string().regex(/^[a-z0-9-]+$/, 'a model name such as rotterdam (models/rotterdam.ts)');
const levelName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase name with dashes');

/** A policy set: another model's policies (scaled to the population by default), or a list. */
const policyLevel = z.union([
  z.strictObject({
    name: levelName,
    from: modelName,
    /** Scale capacities (places, staff, fixed budgets) by population size, target / source (default true). */
    perCapita: z.boolean().default(true),
  }),
  z.strictObject({ name: levelName, policies: z.array(policySchema) }),
]);

/** An economy: a growth path (named or historical) and optionally the regional demand. */
const economyLevel = z.strictObject({
  name: levelName,
  growth: z.union([z.enum(ECONOMY_SCENARIOS), z.strictObject({ constantPct: z.number().min(-10).max(10) })]),
  regionalFactor: z.number().positive().max(5).optional(),
});

/** A town: its population, inflow, exits and economy (policies come from the policy factor, if any). */
const modelLevel = z.strictObject({ name: levelName, from: modelName });

const factor = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('policies'), name: z.string().default('policy'), levels: z.array(policyLevel).min(1) }),
  z.strictObject({ kind: z.literal('economy'), name: z.string().default('economy'), levels: z.array(economyLevel).min(1) }),
  z.strictObject({ kind: z.literal('model'), name: z.string().default('town'), levels: z.array(modelLevel).min(1) }),
]);

export type Factor = z.output<typeof factor>;
export type PolicyLevel = z.output<typeof policyLevel>;
export type EconomyLevel = z.output<typeof economyLevel>;

/** A continuous parameter for sampling designs: a dotted path into the model, or a constant annual growth. */
const parameter = z.strictObject({
  name: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
  /** `growthPct` (constant annual growth), or a dotted path into the model such as `policies.1.caseloadPerManager`. */
  path: z.string(),
  min: z.number(),
  max: z.number(),
  log: z.boolean().default(false),
});

export type Parameter = z.output<typeof parameter>;

/** A parameter of a grid: its `values`, or `start`, `step` and `end` (inclusive). */
const gridParameter = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
    /** `growthPct` (constant annual growth), or a dotted path to a number in the model such as `policies.1.caseManagers`. */
    path: z.string(),
    values: z.array(z.number()).min(1).optional(),
    start: z.number().optional(),
    step: z.number().positive().optional(),
    end: z.number().optional(),
  })
  .refine((p) => (p.values !== undefined) !== (p.start !== undefined && p.step !== undefined && p.end !== undefined), {
    message: 'expected either values: [...] or start, step and end',
  })
  .refine((p) => p.values !== undefined || (p.end! >= p.start! && (p.end! - p.start!) / p.step! <= 10_000), {
    message: 'expected end >= start and at most 10,000 steps',
  });

export type GridParameter = z.output<typeof gridParameter>;

const design = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('factorial'),
    /** The base model every cell starts from (a `model` factor replaces it per level). */
    base: modelName,
    factors: z.array(factor).min(1).max(3),
    /** The level each factor's effects are measured against (default: the first level of the policy factor). */
    baseline: z.record(z.string(), z.string()).optional(),
  }),
  z.strictObject({ kind: z.literal('lhs'), base: modelName, parameters: z.array(parameter).min(1), samples: z.number().int().min(2).max(100_000) }),
  z.strictObject({ kind: z.literal('grid'), base: modelName, parameters: z.array(gridParameter).min(1) }),
  z.strictObject({ kind: z.literal('sobol'), base: modelName, parameters: z.array(parameter).min(1), samples: z.number().int().min(8).max(100_000) }),
  z.strictObject({
    kind: z.literal('trial'),
    /** A model whose policies include a control cohort and arms with `lottery` targets (e.g. wageningen). */
    base: modelName,
    control: z.string(),
    arms: z.array(z.string()).min(1),
    /** Months after which outflow is measured (the evaluators' reporting point). */
    measureAtMonth: z.number().int().min(1),
    /** Also run a design where volunteers choose their arm (the evaluators' claim). */
    selfSelection: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('displacement'),
    /** The town whose job market is used; its own policies are switched off. */
    base: modelName,
    /** Who is in the group (a policy target: age, years on benefit, rung...); a lottery splits it in two halves. */
    group: z.record(z.string(), z.unknown()).default({}),
    /** Guidance for the treated half: case managers and their caseload (enough for the whole half). */
    caseManagers: z.number().positive().max(1e5),
    caseloadPerManager: z.number().int().min(1).max(1000),
    /** Month the halves are drawn (enrolment in that month only), and how long the effects are followed. */
    startMonth: z.number().int().min(0).max(1200),
    followMonths: z.number().int().min(1).max(240),
    /** The markets: vacancies x factor (regionalFactor), from weak to tight. */
    markets: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9-]*$/), vacancyFactor: z.number().positive().max(10) })).min(1),
  }),
]);

export type Design = z.output<typeof design>;

export const experimentSchema = z.strictObject({
  kind: z.literal('experiment'),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase name with dashes'),
  description: z.string(),
  /** What question the experiment answers, in words (printed above the verdict). */
  question: z.string(),
  design,
  outcomes: z.array(z.enum(OUTCOMES)).min(1).default(['caseload-change']),
  /** Months to simulate (default: the base model's horizon). */
  months: z.number().int().min(1).max(600).optional(),
  replicates: z.number().int().min(1).max(100_000),
  seed: z.number().int().min(0).max(2 ** 31),
  /** Investment pattern for the payback figure: EUR per year for the first years, then per year after. */
  investment: z.strictObject({ perYear: z.array(z.number().min(0)), thenPerYear: z.number().min(0) }).optional(),
  /**
   * Structural sensitivity (factorial designs): re-run the headline contrast under named structural
   * alternatives (src/experiment/alternatives.ts) and say whether the verdict holds. `true` runs
   * every alternative with 10 replicates per cell; or name them and the replicates.
   */
  sensitivity: z
    .union([
      // the object first: a wrong field inside it is reported as such, not as "expected boolean"
      z.strictObject({
        alternatives: z.array(z.enum(ALTERNATIVE_NAMES)).min(1).optional(),
        replicates: z.number().int().min(2).max(1000).default(10),
      }),
      z.boolean(),
    ])
    .optional(),
});

export type ExperimentInput = z.input<typeof experimentSchema>;
export type Experiment = z.output<typeof experimentSchema>;

/** What an experiment file default-exports: the data, marked as an experiment. */
export function defineExperiment(e: Omit<ExperimentInput, 'kind'>): ExperimentInput {
  return { kind: 'experiment', ...e };
}
