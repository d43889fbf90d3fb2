/**
 * From growth to labour demand. Each month has an annual growth rate g (%); labour demand D
 * (1 = reference) adjusts towards its long-run level exp(eta * (g - g*)) with a lag:
 *
 *     ln D(t) = ln D(t-1) + (eta * (g(t) - g*) - ln D(t-1)) / lag
 *
 * Demand sets the suitable vacancies recipients can reach, V(t) = V0 * regional * D(t), and the
 * applicants, A(t) = A0 * D(t)^(-elasticity). The two years before the start warm the lag up.
 */
import type { Behaviour } from '../model/behaviour.ts';
import type { Model } from '../model/schema.ts';
import { NAMED_PATHS, type AnnualPath } from './scenarios.ts';
import { historicalPath } from './historical.ts';
import { estimateRelation, historicalLogDemand, observedAt, REFERENCE_UNEMPLOYMENT_PCT } from './labour-market.ts';
import { aowAgeMonths } from '../data/cbs.ts';
import { seasonality } from './seasonality.ts';

export interface EconomyPath {
  /** Annual growth (%) per simulated month. */
  growth: Float64Array;
  /** Labour demand index per month (1 = reference). */
  demand: Float64Array;
  /** National unemployment rate (%) per month. */
  unemploymentPct: Float64Array;
  /** National tightness: open vacancies per unemployed person. */
  tightness: Float64Array;
  /** Open vacancies in the town's slice of its regional market. */
  vacancies: Float64Array;
  /** Unemployed people outside bijstand competing for them. */
  otherJobseekers: Float64Array;
  /** Mean applicants per month. */
  applicants: Float64Array;
  /** Pension (AOW) age in months, per month. */
  pensionMonths: Float64Array;
  /** Factor on exit hazards other than to work (1 without seasons). */
  nonWorkExitFactor: Float64Array;
  note: string;
}

/**
 * Monthly growth from annual values: each month carries its calendar year's growth (month 0 is
 * `startMonthOfYear` of year 1). A step, not an interpolation, so a coming recession does not leak
 * into the months before it; the demand lag does the smoothing.
 */
export function monthlyFromAnnual(path: AnnualPath, months: number, startMonthOfYear: number): Float64Array {
  const annual = [...path.before, ...path.years];
  const out = new Float64Array(months + 24);
  for (let t = -24; t < months; t++) {
    const year = Math.floor((t + 24 + startMonthOfYear) / 12);
    out[t + 24] = annual[Math.min(annual.length - 1, year)];
  }
  return out;
}

/** Builds the economy of a model (or of a scenario's growth override) over `months` months. */
export function buildEconomy(model: Model, growth: Model['economy']['growth'], months: number, behaviour: Behaviour): EconomyPath {
  const [startYear, startMonth] = model.startMonth.split('-').map(Number);
  const years = Math.ceil((months + startMonth - 1) / 12) + 1;
  let withHistory: Float64Array;
  let note: string;
  if (typeof growth === 'string') {
    const annual = growth === 'historical' ? historicalPath(startYear, years) : NAMED_PATHS[growth];
    withHistory = monthlyFromAnnual(annual, months, startMonth - 1);
    note = `${growth}: ${annual.note}`;
  } else {
    const p = growth.monthlyPath;
    withHistory = new Float64Array(months + 24);
    for (let t = -24; t < months; t++) withHistory[t + 24] = p[Math.max(0, Math.min(p.length - 1, t))];
    note = growth.note ?? 'a month-by-month growth path from the model file';
  }
  const { referenceGrowthPct, demandPerGrowthPoint, lagMonths } = behaviour.economy;
  const demand = new Float64Array(months);
  const first = startYear * 12 + startMonth - 1;
  // Every path starts where the real economy stood: the demand of the month before the start as
  // CBS growth gives it (when the start lies in the data's years); the path's own growth moves it
  // from there. So two scenarios share a starting point and differ in their future.
  const history = historicalLogDemand(behaviour);
  const observedStart = history.get(first - 1);
  let logD = observedStart ?? demandPerGrowthPoint * (withHistory[0] - referenceGrowthPct);
  for (let t = observedStart === undefined ? -24 : 0; t < months; t++) {
    const target = demandPerGrowthPoint * (withHistory[t + 24] - referenceGrowthPct);
    logD += (target - logD) / lagMonths;
    if (t >= 0) demand[t] = Math.exp(logD);
  }
  const logDStart = observedStart ?? Math.log(demand[0]);
  const unemploymentPct = new Float64Array(months);
  const tightness = new Float64Array(months);
  if (growth === 'historical') {
    for (let t = 0; t < months; t++) {
      const o = observedAt(first + t);
      unemploymentPct[t] = o.unemploymentPct;
      tightness[t] = o.tightness;
    }
    note += '; unemployment and tightness as observed by CBS (data/nl-economy.csv, data/nl-tightness.csv; 2019-2020 unemployment interpolated)';
  } else {
    const rel = estimateRelation(behaviour);
    const o = observedAt(first);
    for (let t = 0; t < months; t++) {
      const dd = Math.log(demand[t]) - logDStart;
      unemploymentPct[t] = o.unemploymentPct * Math.exp(rel.unemploymentSlope * dd);
      tightness[t] = o.tightness * Math.exp(rel.tightnessSlope * dd);
    }
    note += `; demand, unemployment and tightness start where CBS observed them in ${model.startMonth} and move with this path's growth (slopes ${rel.unemploymentSlope.toFixed(2)} and ${rel.tightnessSlope.toFixed(2)}, estimated from CBS 2013-2024)`;
  }
  const { labourForce, unemploymentRatio, regionalFactor } = model.economy;
  const pensionMonths = new Float64Array(months);
  const season = model.economy.seasonal ? seasonality() : undefined;
  const calendar = (t: number) => (first + t) % 12;
  if (season) note += `; ${season.note}`;
  for (let t = 0; t < months; t++) pensionMonths[t] = model.exits.pensionAge !== undefined ? Math.round(model.exits.pensionAge * 12) : aowAgeMonths(Math.floor((first + t) / 12));
  return {
    growth: withHistory.slice(24),
    demand,
    unemploymentPct,
    tightness,
    vacancies: tightness.map((th, t) => (th * unemploymentPct[t] / 100) * labourForce * regionalFactor),
    otherJobseekers: unemploymentPct.map((u) => (u / 100) * unemploymentRatio * labourForce),
    applicants: unemploymentPct.map((u, t) =>
      model.inflow.applicantsPerMonth * Math.pow(u / REFERENCE_UNEMPLOYMENT_PCT, model.inflow.unemploymentElasticity ?? behaviour.economy.inflowElasticity) * (season ? season.inflowFactor[calendar(t)] : 1)),
    pensionMonths,
    nonWorkExitFactor: Float64Array.from({ length: months }, (_, t) => (season ? season.nonWorkExitFactor[calendar(t)] : 1)),
    note,
  };
}
