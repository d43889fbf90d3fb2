/**
 * What a student can change in the classroom, and how it becomes a model. Settings name a model
 * file, a master seed, an economy, a town-size factor and policy levers; `applySettings` turns a
 * validated model plus settings into a new model input, which the worker validates again with the
 * same schema before the engine runs it. Default settings change nothing, so the page's model
 * equals the command line's. Pure: runs in the browser worker, the page and the tests.
 */
import { z } from 'zod';
import type { Model, ModelInput } from '../model/schema.ts';
import type { PolicySpec } from '../policies/registry.ts';
import { ECONOMY_SCENARIOS } from '../economy/scenarios.ts';

/** A lever's new values for the policies of one type: `on: false` removes them, `on: true` adds one if the model has none. */
export const leverValuesSchema = z.record(z.string(), z.union([z.boolean(), z.number()]));

export const growthSettingSchema = z.union([
  z.literal('model'),
  z.enum(ECONOMY_SCENARIOS),
  /** Drawn by hand: annual GDP growth (%) for year 1, 2, ... of the run; the last value holds after. */
  z.strictObject({ annual: z.array(z.number().min(-10).max(10)).min(1).max(60) }),
]);

export const settingsSchema = z.strictObject({
  model: z.string(),
  /** Master seed; default the model's `run.seed` (as `tsx src/run.ts` uses). */
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  /** `model`: the model file's own growth path. */
  growth: growthSettingSchema.optional(),
  /** Town size: population, applicants, vacancies and programme places times this factor. */
  scale: z.number().min(0.05).max(20).optional(),
  /** By policy type: `{ "on": false }`, `{ "strictness": 0.5 }`, ... */
  levers: z.record(z.string(), leverValuesSchema).optional(),
});

export type GrowthSetting = z.infer<typeof growthSettingSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type LeverValues = z.infer<typeof leverValuesSchema>;

/** One numeric control of a policy type. `max` may depend on the town (see `leverRange`). */
export interface LeverField {
  field: string;
  min: number;
  max: number | ((size: number, current: number) => number);
  step: number;
}

/** Policy types with a switch in the page, their sliders, and a template for adding one (per town of `size` recipients). */
export interface LeverKind {
  type: PolicySpec['type'];
  fields: LeverField[];
  /** Present for the common policies a student may add to a model that lacks them. */
  template?: (size: number) => PolicySpec;
}

const placesField = (share: number): LeverField => ({
  field: 'places',
  min: 0,
  max: (size, current) => roundNice(Math.max(current * 2, size * share, 10)),
  step: 1,
});

/** The lever catalogue. Templates are [choice] values in the range of the seed towns' policies. */
export const LEVERS: LeverKind[] = [
  {
    type: 'strict-intake',
    fields: [{ field: 'deterredShare', min: 0, max: 0.5, step: 0.01 }],
    template: () => ({ type: 'strict-intake', label: 'strict intake', deterredShare: 0.1, costPerApplicant: 300, fixedCostPerMonth: 0 }),
  },
  {
    type: 'intensive-guidance',
    fields: [
      { field: 'caseloadPerManager', min: 5, max: 200, step: 1 },
      { field: 'caseManagers', min: 0, max: (size, current) => roundNice(Math.max(current * 3, size / 200, 5)), step: 1 },
    ],
    template: (size) => ({
      type: 'intensive-guidance', label: 'intensive guidance', target: {}, caseManagers: Math.max(1, Math.round(size / 1000)), caseloadPerManager: 50,
      contactHoursPerManagerMonth: 100, durationMonths: 12, priority: 'random', costPerManagerYear: 75_000, budgetPerParticipantMonth: 0,
    }),
  },
  {
    type: 'sanctions',
    fields: [{ field: 'strictness', min: 0, max: 1, step: 0.05 }],
    template: () => ({ type: 'sanctions', label: 'sanctions', target: {}, strictness: 0.2, endShare: 0.1, cutShare: 1, cutMonths: 1, costPerSanction: 500, fixedCostPerMonth: 0 }),
  },
  {
    type: 'tegenprestatie',
    fields: [{ field: 'goalHoursPerWeek', min: 0, max: 40, step: 1 }, placesField(0.2)],
    template: (size) => ({
      type: 'tegenprestatie', label: 'tegenprestatie', target: { minYearsOnBenefit: 5 }, places: Math.round(size * 0.07), durationMonths: 12,
      priority: 'longest-on-benefit', startHoursPerWeek: 1, goalHoursPerWeek: 20, rampMonths: 6, costPerParticipantMonth: 50, fixedCostPerMonth: 0,
    }),
  },
  {
    type: 'training',
    fields: [placesField(0.15), { field: 'intensity', min: 0, max: 1, step: 0.05 }],
    template: (size) => ({
      type: 'training', label: 'training', target: {}, places: Math.round(size * 0.04), diagnosisMonths: 1, trainingMonths: 3, intensity: 1,
      priority: 'random', costPerParticipantMonth: 450,
    }),
  },
  {
    type: 'earnings-disregard',
    fields: [{ field: 'keepShare', min: 0, max: 1, step: 0.05 }, placesField(0.2)],
    template: (size) => ({
      type: 'earnings-disregard', label: 'earnings disregard', target: {}, places: Math.round(size * 0.05), durationMonths: 12, priority: 'random',
      keepShare: 0.25, maxKeptPerMonth: 200, costPerParticipantMonth: 20,
    }),
  },
  { type: 'soft-outreach', fields: [placesField(0.2)] },
  { type: 'exemption', fields: [placesField(0.2)] },
  { type: 'employer-accounts', fields: [{ field: 'dedicatedVacanciesPerMonth', min: 0, max: (size, current) => roundNice(Math.max(current * 3, size / 100, 10)), step: 1 }] },
  { type: 'triage', fields: [] },
  { type: 'outsourcing', fields: [placesField(0.1)] },
  { type: 'debt-help', fields: [placesField(0.1)] },
  { type: 'entrepreneurship', fields: [placesField(0.05)] },
  { type: 'social-activation', fields: [placesField(0.2)] },
];

/** Policy fields that grow with the town when `scale` is set (cohorts follow everyone and are left alone). */
const SCALED_FIELDS = ['places', 'caseManagers', 'accountManagers', 'dedicatedVacanciesPerMonth', 'fixedCostPerMonth'];

/** A round upper bound for a slider: 1, 2 or 5 times a power of ten. */
function roundNice(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

export function leverKind(type: string): LeverKind | undefined {
  return LEVERS.find((l) => l.type === type);
}

/** A slider's range for a town of `size` recipients whose policy currently has `current`. */
export function leverRange(f: LeverField, size: number, current: number): { min: number; max: number; step: number } {
  const max = typeof f.max === 'function' ? f.max(size, current) : f.max;
  return { min: f.min, max: Math.max(max, current), step: f.step };
}

/** Monthly growth path from annual values, each month carrying its calendar year's value (as named paths do). */
export function monthlyFromAnnualValues(annual: readonly number[], months: number, startMonth: string): number[] {
  const monthOfYear = Number(startMonth.slice(5, 7)) - 1;
  return Array.from({ length: months }, (_, t) => annual[Math.min(annual.length - 1, Math.floor((t + monthOfYear) / 12))]);
}

/** The number of calendar years a model's run touches (the hand-drawn economy has one value per year). */
export function yearsOf(model: Pick<Model, 'startMonth' | 'horizonMonths'>): number {
  const monthOfYear = Number(model.startMonth.slice(5, 7)) - 1;
  return Math.ceil((model.horizonMonths + monthOfYear) / 12);
}

/**
 * The model with the settings applied, as model input for validation. Calibration-only fields
 * (`targets`, `free`) and the file's extra scenarios are dropped: the engine never reads them, and
 * a lever that removes a programme would otherwise orphan a target naming it.
 */
export function applySettings(model: Model, settings: Settings): ModelInput {
  const out = structuredClone(model) as Model;
  out.targets = [];
  out.free = [];
  out.scenarios = [];
  const growth = settings.growth ?? 'model';
  if (growth !== 'model') {
    out.economy.growth = typeof growth === 'string'
      ? growth
      : { monthlyPath: monthlyFromAnnualValues(growth.annual, out.horizonMonths, out.startMonth), note: 'drawn by hand in the classroom' };
  }
  const levers = settings.levers ?? {};
  let policies: PolicySpec[] = [];
  for (const p of out.policies) {
    const lever = levers[p.type];
    if (lever?.on === false) continue;
    policies.push(lever ? withValues(p, lever) : p);
  }
  for (const [type, lever] of Object.entries(levers)) {
    const kind = leverKind(type);
    if (lever.on === true && !policies.some((p) => p.type === type) && kind?.template) {
      policies.push(withValues(kind.template(out.population.size), lever));
    }
  }
  const scale = settings.scale ?? 1;
  if (scale !== 1) {
    out.population.size = Math.max(1, Math.round(out.population.size * scale));
    out.inflow.applicantsPerMonth *= scale;
    out.economy.labourForce *= scale;
    policies = policies.map((p) => (p.type === 'cohort' ? p : scaled(p, scale)));
  }
  out.policies = policies;
  return out as ModelInput;
}

/** A copy of the policy with the lever's numbers set (only fields the policy type has a slider for). */
function withValues(p: PolicySpec, lever: LeverValues): PolicySpec {
  const kind = leverKind(p.type);
  const copy = { ...p } as Record<string, unknown>;
  for (const f of kind?.fields ?? []) {
    const v = lever[f.field];
    if (typeof v === 'number') copy[f.field] = v;
  }
  return copy as PolicySpec;
}

function scaled(p: PolicySpec, scale: number): PolicySpec {
  const copy = structuredClone(p) as Record<string, unknown>;
  for (const f of SCALED_FIELDS) {
    const v = copy[f];
    if (typeof v === 'number') copy[f] = f === 'places' ? Math.round(v * scale) : v * scale;
  }
  for (const track of ['work', 'care']) {
    const t = copy[track] as { places?: number } | undefined;
    if (t && typeof t.places === 'number') t.places = Math.round(t.places * scale);
  }
  return copy as PolicySpec;
}
