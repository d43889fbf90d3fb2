/**
 * One replicate's state: the population, the policies, the economy path, tables and luck.
 * Built from a validated model, a scenario and a replicate index; nothing global.
 */
import { Agents } from '../agents/columns.ts';
import { compileTraits, synthesiseStock, type TraitSampler } from '../agents/synthesise.ts';
import { buildEconomy, type EconomyPath } from '../economy/path.ts';
import { resolveBehaviour, type Behaviour } from '../model/behaviour.ts';
import type { Model, Scenario } from '../model/schema.ts';
import { buildPolicies } from '../policies/registry.ts';
import { HAZARD_COLUMNS, type HazardColumn, type Intervention } from '../policies/types.ts';
import { deriveSeed32, openStream, type StreamKey } from '../random/streams.ts';
import { buildTables, computeEmployability, type EmployabilityTables } from './employability.ts';
import { ROUTES } from '../agents/columns.ts';

export interface Sim {
  model: Model;
  behaviour: Behaviour;
  policies: Intervention[];
  economy: EconomyPath;
  agents: Agents;
  tables: EmployabilityTables;
  /** The applicants' trait distributions, compiled. */
  applicants: TraitSampler;
  /** 32-bit seed of this replicate's per-person luck. */
  seed: number;
  /** Stream key prefix for this replicate's sequential streams. */
  streamKey: StreamKey;
  months: number;
  /** This month's jobs per unit of weight: person i's work hazard is workHazard[i] * workScale. */
  workScale: number;
  /** Recipients at the start of the current month (the previous month's counted end). */
  caseload: number;
  /**
   * Which hazard columns some policy writes (`Intervention.writes`). The others are 1 (multipliers)
   * or 0 (additive hazards) for everyone: the engine neither resets nor reads them.
   */
  hazards: Record<HazardColumn, boolean>;
  /**
   * Which of them a policy wrote this month (or, at the start of a month, since they were last
   * reset): the others hold 1 or 0 in every slot, and the month's passes do not read them. A
   * programme with no participants writes nothing (`Intervention.wroteThisMonth`).
   */
  hazardsNow: Record<HazardColumn, boolean>;
  /** The policies that change vacancies, and the vacancies after their changes this month. */
  vacancyPolicies: Intervention[];
  vacanciesThisMonth: number;
  /** Monthly school/removal and non-influenceable hazards of a newcomer (the town's factor included). */
  baseSchool: number;
  baseNon: number;
  /** (1 + years on benefit)^(-elasticity) by months on benefit. */
  durationFactor: Float64Array;
  /** Monthly return hazard by route (Route) and months since leaving: route * (window + 1) + months. */
  returnHazard: Float64Array;
  /** Exits by month and route, and returns by exit month, route and months since exit. */
  reentry: ReentryLog;
  /** This month's regional market: all hires, the share of vacancy capacity filled, recipients' jobs. */
  market: { hires: number; fill: number; jobs: number };
  /**
   * This month's slots with a removal hazard, in slot order, each once, ending with `NO_SLOT`, when
   * every policy that wrote it this month said where (`Intervention.removals`); else just `NO_SLOT`
   * (then, if a policy wrote it, the exits pass reads the column for everyone).
   */
  removalSlots: Int32Array;
  /** The share of gone slots at which a month ends with a compaction (`compactIfSparse`; tests lower it to compact often). */
  compactAt: number;
  /** The multiplier columns are 1 in slots below this, but for those in `hazardsNow` (reset at the month's start). */
  multipliersSetTo: number;
}

/** (1 + years)^(-elasticity) for whole months on benefit, tabulated once per replicate. */
export function durationTable(elasticity: number, months = 12 * 60): Float64Array {
  const out = new Float64Array(months + 1);
  for (let m = 0; m <= months; m++) out[m] = Math.pow(1 + m / 12, -elasticity);
  return out;
}

/** Exits and returns by cohort: what the Divosa re-entry figures are measured on. */
export interface ReentryLog {
  window: number;
  months: number;
  /** exits[month * ROUTES + route] */
  exits: Float64Array;
  /** returns[(exitMonth * ROUTES + route) * (window + 1) + monthsSinceExit] */
  returns: Float64Array;
}

/** The return hazards of every route and month since leaving, from the shared behaviour. */
export function returnHazards(b: Behaviour): Float64Array {
  const rd = b.revolvingDoor;
  const w = rd.returnWindowMonths;
  const out = new Float64Array(4 * (w + 1));
  const levels = [0, rd.returnAfterSchoolPerMonth, rd.returnAfterNonPerMonth, rd.reapplyPerMonth];
  for (let r = 1; r < 4; r++) {
    // months since leaving m >= 1 at the first chance; the hazard fades by the decay each month
    for (let m = 0; m <= w; m++) out[r * (w + 1) + m] = -Math.expm1(-levels[r] * Math.pow(rd.returnDecayPerMonth, Math.max(0, m - 1)));
  }
  return out;
}

/** The scenario "as-is": the model as written. Other scenarios override policies or growth. */
export const AS_IS: Scenario = { name: 'as-is', commonRandomNumbers: true };

/** Scenarios a model runs, "as-is" first. */
export function scenariosOf(model: Model): Scenario[] {
  return [AS_IS, ...model.scenarios];
}

/** Past every slot: the end of a list of slots in slot order. */
export const NO_SLOT = 0x7fffffff;

/** The share of gone slots at which the population is compacted, unless its columns are nearly full (`compactIfSparse`). */
export const COMPACT_AT = 0.5;

/** Key for the person keys of applicants: month * stride + index (stock keys are below the stride's first month). */
export const APPLICANT_KEY_BASE = 2_000_000;
export const APPLICANT_KEY_STRIDE = 1 << 20;

/**
 * Which hazard columns the policies write: those they declare, or all five for a policy with
 * `applyEffects` that declares none; and the search multiplier for a policy with a factor on
 * everyone's search (`searchFactor`).
 */
export function hazardsWritten(policies: readonly Intervention[]): Record<HazardColumn, boolean> {
  const out = Object.fromEntries(HAZARD_COLUMNS.map((c) => [c, false])) as Record<HazardColumn, boolean>;
  for (const p of policies) if (p.applyEffects) for (const c of p.writes ?? HAZARD_COLUMNS) out[c] = true;
  if (policies.some((p) => p.searchFactor)) out.searchMult = true;
  return out;
}

/**
 * Builds a replicate's state. `economy` may be passed in when it was built already (the batch
 * builds each scenario's economy once, in the main thread, and sends it to the workers).
 */
export function createSim(model: Model, scenario: Scenario, replicate: number, masterSeed: number, months: number, economy?: EconomyPath): Sim {
  const behaviour = resolveBehaviour(model.behaviour);
  const crn = scenario.commonRandomNumbers ? 'crn' : `scenario:${scenario.name}`;
  const streamKey: StreamKey = [masterSeed, crn, replicate];
  const seed = deriveSeed32([...streamKey, 'luck']);
  const agents = synthesiseStock(model.population.size, model.population.traits, openStream([...streamKey, 'population']), behaviour.employability.frailtySd, seed);
  const policies = buildPolicies(scenario.policies ?? model.policies, behaviour);
  for (const p of policies) p.init?.(agents, months);
  const tables = buildTables(behaviour);
  computeEmployability(agents, behaviour, tables, agents.employability);
  const perMonth = (perYear: number) => -Math.log(1 - Math.min(perYear, 0.999)) / 12;
  return {
    model,
    behaviour,
    policies,
    economy: economy ?? buildEconomy(model, scenario.growth ?? model.economy.growth, months, behaviour),
    agents,
    tables,
    applicants: compileTraits(model.inflow.traits),
    seed,
    streamKey,
    months,
    caseload: agents.size,
    workScale: 0,
    hazards: hazardsWritten(policies),
    hazardsNow: Object.fromEntries(HAZARD_COLUMNS.map((c) => [c, false])) as Record<HazardColumn, boolean>,
    vacancyPolicies: policies.filter((p) => p.vacancyChange !== undefined),
    vacanciesThisMonth: 0,
    baseSchool: perMonth(behaviour.exits.schoolOrRemovedPerYear) * model.exits.schoolOrRemovedFactor,
    baseNon: perMonth(behaviour.exits.nonInfluenceablePerYear) * model.exits.nonInfluenceableFactor,
    durationFactor: durationTable(behaviour.exits.durationElasticity),
    returnHazard: returnHazards(behaviour),
    reentry: {
      window: behaviour.revolvingDoor.returnWindowMonths, months,
      exits: new Float64Array(months * ROUTES),
      returns: new Float64Array(months * ROUTES * (behaviour.revolvingDoor.returnWindowMonths + 1)),
    },
    market: { hires: 0, fill: 0, jobs: 0 },
    compactAt: COMPACT_AT,
    removalSlots: Int32Array.of(NO_SLOT),
    multipliersSetTo: 0,
  };
}

