/**
 * The cells of a factorial experiment: one model per combination of factor levels. A `model`
 * level supplies the town (population, inflow, exits, economy, and its own policies unless a
 * policy factor overrides them); a `policies` level supplies the policy set, scaled per capita
 * to the town by default; an `economy` level supplies the growth path and optionally the
 * regional demand. Observation cohorts are not carried from one town into another.
 */
import type { LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import type { PolicySpec } from '../policies/registry.ts';
import type { EconomyLevel, Experiment, Factor, PolicyLevel } from './schema.ts';

export interface Cell {
  index: number;
  /** Factor name -> level name. */
  levels: Record<string, string>;
  model: Model;
}

/** Capacity-like fields scaled per capita when a policy set moves to a town of another size. */
const CAPACITY = ['places', 'caseManagers', 'accountManagers', 'fixedCostPerMonth', 'dedicatedVacanciesPerMonth'];

export function scalePolicies(policies: readonly PolicySpec[], factor: number): PolicySpec[] {
  const scale = (o: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...o };
    for (const [k, v] of Object.entries(o)) {
      if (CAPACITY.includes(k) && typeof v === 'number') out[k] = k === 'places' ? Math.round(v * factor) : v * factor;
      else if (typeof v === 'object' && v !== null && !Array.isArray(v) && k !== 'target') out[k] = scale(v as Record<string, unknown>);
    }
    return out;
  };
  return policies.filter((p) => p.type !== 'cohort').map((p) => scale(p as unknown as Record<string, unknown>) as unknown as PolicySpec);
}

export function applyPolicyLevel(town: Model, level: PolicyLevel, models: ReadonlyMap<string, LoadedModel>): Model {
  if ('policies' in level) return { ...town, policies: level.policies };
  const source = models.get(level.from)!.model;
  const factor = level.perCapita ? town.population.size / source.population.size : 1;
  return { ...town, policies: scalePolicies(source.policies, factor) };
}

export function applyEconomyLevel(town: Model, level: EconomyLevel, months: number): Model {
  const growth = typeof level.growth === 'string' ? level.growth : { monthlyPath: new Array<number>(months).fill(level.growth.constantPct), note: `constant ${level.growth.constantPct}% a year` };
  return { ...town, economy: { ...town.economy, growth, regionalFactor: level.regionalFactor ?? town.economy.regionalFactor } };
}

/** Strips what an experiment cell does not use: extra scenarios, targets, free parameters. */
function bare(m: Model, months: number): Model {
  return { ...m, scenarios: [], targets: [], free: [], horizonMonths: months };
}

export function factorialCells(e: Experiment, models: ReadonlyMap<string, LoadedModel>, months: number): Cell[] {
  if (e.design.kind !== 'factorial') throw new Error('not a factorial design');
  const factors: Factor[] = e.design.factors;
  // the model factor first, so policy and economy levels apply to the chosen town
  const order = [...factors].sort((a, b) => (a.kind === 'model' ? -1 : 0) - (b.kind === 'model' ? -1 : 0));
  const base = models.get(e.design.base)!.model;
  const cells: Cell[] = [];
  const sizes = factors.map((f) => f.levels.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  for (let index = 0; index < total; index++) {
    // row-major over the factors as declared: the last factor varies fastest
    const picks: number[] = [];
    let rest = index;
    for (let k = factors.length - 1; k >= 0; k--) { picks[k] = rest % sizes[k]; rest = Math.floor(rest / sizes[k]); }
    const levels: Record<string, string> = {};
    let model = bare(base, months);
    for (const f of order) {
      const level = f.levels[picks[factors.indexOf(f)]];
      levels[f.name] = level.name;
      if (f.kind === 'model') model = bare({ ...models.get((level as { from: string }).from)!.model, policies: models.get((level as { from: string }).from)!.model.policies.filter((p) => p.type !== 'cohort') }, months);
      else if (f.kind === 'policies') model = applyPolicyLevel(model, level as PolicyLevel, models);
      else model = applyEconomyLevel(model, level as EconomyLevel, months);
    }
    cells.push({ index, levels: Object.fromEntries(factors.map((f) => [f.name, levels[f.name]])), model });
  }
  return cells;
}
