/**
 * The model file's schema. A model is data: who is on benefit, who applies, the economy, the
 * policies in force and the run defaults. Everything is validated here, once, at load; the engine
 * trusts the types afterwards. Objects are strict: an unknown field is an error, not ignored.
 */
import { z } from 'zod';
import { behaviourOverrideSchema } from './behaviour.ts';
import { targetSchema } from '../calibration/targets.ts';

/** A free parameter: a dotted path to a number in the model file, and the bounds to search. */
const freeParameterSchema = z.strictObject({
  path: z.string().regex(/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/, 'a dotted path such as economy.regionalFactor'),
  min: z.number(),
  max: z.number(),
  /** Why it is free and what bounds it. */
  note: z.string().optional(),
  /** Round to whole numbers (places, people per month). */
  integer: z.boolean().default(false),
});
import { policySchema } from '../policies/registry.ts';
import { ECONOMY_SCENARIOS } from '../economy/scenarios.ts';

const share = z.number().min(0).max(1);

/** A band of a distribution: from (inclusive) to (exclusive), and its share of people. */
const band = z.strictObject({ from: z.number().min(0), to: z.number().min(0), share });

/** Bands must be ordered, non-empty and their shares must add up to 1 (within 0.005). */
const bands = (lo: number, hi: number) =>
  z.array(band).min(1).superRefine((bs, ctx) => {
    bs.forEach((b, k) => {
      if (!(b.to > b.from)) ctx.addIssue({ code: 'custom', path: [k, 'to'], message: `expected 'to' above 'from' (${b.from}), found ${b.to}` });
      if (b.from < lo || b.to > hi) ctx.addIssue({ code: 'custom', path: [k], message: `expected a band within ${lo}-${hi}, found ${b.from}-${b.to}` });
    });
    checkSum(bs.map((b) => b.share), ctx);
  });

function checkSum(shares: number[], ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 0.005) ctx.addIssue({ code: 'custom', path, message: `expected shares adding up to 1, found ${+sum.toFixed(4)}` });
}

const sharesOf = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, share])) as Record<K, typeof share>).superRefine((o, ctx) =>
    checkSum(Object.values(o) as number[], ctx),
  );

/** Distributions of the traits of a group of people (recipients or applicants). */
const traitsShape = {
  /** Age in years. 45+ is a group of its own in every output. */
  age: bands(15, 67),
  /** Education: sets the mean of skills (low 0.3, medium 0.55, high 0.8 on a 0-1 scale). */
  education: sharesOf(['low', 'medium', 'high'] as const),
  /** Motivation on a 0-1 scale. */
  motivation: z.strictObject({ mean: share, sd: z.number().min(0).max(0.5) }),
  /** Share with multiple problems (health, debts, care): far from the labour market. */
  multiProblemShare: share,
  /** Participation-ladder rungs 1 (isolated) to 6 (paid work), shares in that order. */
  ladder: z.array(share).length(6).superRefine((s, ctx) => checkSum(s, ctx)),
  household: sharesOf(['single', 'singleParent', 'couple'] as const),
  /**
   * 0-1: how strongly disadvantages cluster in the same people (low skills, low motivation,
   * multi-problem, low rung, long duration). 0 = independent traits.
   */
  clustering: share,
};

export const traitsSchema = z.strictObject(traitsShape);
export const stockTraitsSchema = z.strictObject({ ...traitsShape, yearsOnBenefit: bands(0, 50) });

export const economySchema = z.strictObject({
  /** A named scenario, or a month-by-month path of annual GDP growth (%), one value per month. */
  growth: z.union([
    z.enum(ECONOMY_SCENARIOS),
    z.strictObject({ monthlyPath: z.array(z.number().min(-20).max(20)).min(1), note: z.string().optional() }),
  ]),
  /**
   * The town's labour force (persons), the slice of its region's job market its recipients reach:
   * vacancies V = national vacancy rate x labour force x regionalFactor, other jobseekers =
   * regional unemployment rate x labour force (src/economy/labour-market.ts). From data/cbs.
   */
  labourForce: z.number().positive().max(2e7),
  /** Regional unemployment rate over the national one (labour-market region, CBS). */
  unemploymentRatio: z.number().positive().max(5),
  /** Regional vacancy rate over the national one: 1 = national average, below 1 a weak region. */
  regionalFactor: z.number().positive().max(5),
  /**
   * The bijstand year's seasons (src/economy/seasonality.ts, estimated from CBS's monthly counts):
   * more applicants in winter, more exits other than to work in late summer. Off by default: the
   * municipal targets are yearly, and the seasons were added with the national quarterly series.
   */
  seasonal: z.boolean().default(false),
});

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase name with dashes'),
  description: z.string().optional(),
  /** Replaces the model's policies in this scenario; [] = no policy. */
  policies: z.array(policySchema).optional(),
  /** Replaces the model's economy growth path in this scenario. */
  growth: economySchema.shape.growth.optional(),
  /** false: this scenario draws its own luck instead of sharing common random numbers. */
  commonRandomNumbers: z.boolean().default(true),
});

export const modelSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase name with dashes, e.g. "rotterdam"'),
  description: z.string().min(1),
  /** Where each number comes from: the seed figure or other source. */
  sources: z.array(z.strictObject({ figure: z.string(), source: z.string() })).min(1),
  /** First simulated month, "YYYY-MM". */
  startMonth: z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'a month as "YYYY-MM"'),
  horizonMonths: z.number().int().min(1).max(600),
  population: z.strictObject({ size: z.number().int().min(1).max(2_000_000), traits: stockTraitsSchema }),
  inflow: z.strictObject({
    /** Applicants per month when national unemployment is at its reference rate (6.9%, 2015). */
    applicantsPerMonth: z.number().min(0).max(1e6),
    /**
     * Applicants scale with (unemployment / reference)^elasticity: fewer when jobs are plentiful.
     * Default: the shared `behaviour.economy.inflowElasticity`, fitted to every town's CBS inflow.
     */
    unemploymentElasticity: z.number().min(0).max(5).optional(),
    traits: traitsSchema,
  }),
  /** Town multipliers on the shared exit hazards (behaviour.exits); 1 = the shared rate. */
  exits: z.strictObject({
    schoolOrRemovedFactor: z.number().min(0).max(10).default(1),
    nonInfluenceableFactor: z.number().min(0).max(10).default(1),
    /** A fixed pension age (years) instead of the AOW age by law month by month (data/cbs/aow_age.csv). */
    pensionAge: z.number().min(60).max(70).optional(),
  }).default({ schoolOrRemovedFactor: 1, nonInfluenceableFactor: 1 }),
  economy: economySchema,
  policies: z.array(policySchema),
  /** Extra scenarios run beside the model as written (named "as-is"), sharing its population. */
  scenarios: z.array(scenarioSchema).default([]),
  costs: z.strictObject({
    /** EUR per recipient-month: benefit plus execution, the municipality's all-in figure. */
    benefitPerRecipientMonth: z.number().min(0).max(1e5),
  }),
  run: z.strictObject({
    replicates: z.number().int().min(1).max(1_000_000),
    seed: z.number().int().min(0).max(2 ** 31),
  }),
  /** Overrides of the shared behavioural parameters, for sensitivity analysis only. */
  behaviour: behaviourOverrideSchema.optional(),
  /** The figures the seeds report for this municipality, and how to measure them (see src/calibration/targets.ts). */
  targets: z.array(targetSchema).default([]),
  /**
   * This model's own free parameters for calibration: local facts the seeds do not give (e.g. the
   * vacancies its recipients can reach). Behavioural parameters are shared and fitted jointly;
   * they are not declared here.
   */
  free: z.array(freeParameterSchema).default([]),
});


export type ModelInput = z.input<typeof modelSchema>;
export type Model = z.output<typeof modelSchema>;
export type Traits = z.output<typeof traitsSchema>;
export type StockTraits = z.output<typeof stockTraitsSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
