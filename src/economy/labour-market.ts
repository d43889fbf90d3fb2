/**
 * The national labour market month by month: the unemployment rate u (%) and the tightness
 * theta (open vacancies per unemployed person), so the vacancy rate is theta * u / 100.
 *
 * - The `historical` economy uses what CBS observed (data/nl-economy.csv, data/nl-tightness.csv;
 *   interpolated linearly between dated points, and 2019-2020 unemployment, which the data lack,
 *   interpolated between 2018 and 2021 - said in the run's economy note).
 * - Every other growth path (named scenarios, a model's own path) moves u and theta through labour
 *   demand D (src/economy/path.ts) by a relation estimated here from the national series:
 *   ln u = a_u - b_u ln D and ln theta = a_t + b_t ln D, OLS over the observed points 2013-2024 with
 *   D computed from CBS GDP growth by the same lag. The path starts at the observed u and theta of
 *   its first month and moves with D from there, so "the economy" means the same variables
 *   whether it is observed or assumed.
 */
import type { Behaviour } from '../model/behaviour.ts';
import { interpolate, tightnessPoints, unemploymentPoints } from '../data/cbs.ts';
import { loadGrowthByYear } from './historical.ts';

/** Unemployment rate (%) at which applicants are at their stated level: 2015, data/nl-economy.csv. */
export const REFERENCE_UNEMPLOYMENT_PCT = 6.9;

export interface Relation {
  /** Slope of ln u on ln D (negative: more demand, less unemployment). */
  unemploymentSlope: number;
  /** Slope of ln theta on ln D. */
  tightnessSlope: number;
  r2Unemployment: number;
  r2Tightness: number;
  points: number;
}

/** ln D by calendar month (year * 12 + month) from CBS GDP growth, 2010-01 to 2024-12. */
export function historicalLogDemand(behaviour: Behaviour): Map<number, number> {
  const rows = loadGrowthByYear();
  const growthOf = (y: number) => rows[Math.max(0, Math.min(rows.length - 1, y - rows[0].year))].gdpGrowthPct;
  const { referenceGrowthPct, demandPerGrowthPoint, lagMonths } = behaviour.economy;
  const out = new Map<number, number>();
  const first = rows[0].year;
  let logD = demandPerGrowthPoint * (growthOf(first) - referenceGrowthPct);
  for (let c = first * 12; c < 2025 * 12; c++) {
    logD += (demandPerGrowthPoint * (growthOf(Math.floor(c / 12)) - referenceGrowthPct) - logD) / lagMonths;
    out.set(c, logD);
  }
  return out;
}

function ols(x: number[], y: number[]): { slope: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = 0; k < n; k++) { sxy += (x[k] - mx) * (y[k] - my); sxx += (x[k] - mx) ** 2; syy += (y[k] - my) ** 2; }
  const slope = sxy / sxx;
  return { slope, r2: syy > 0 ? (slope * sxy) / syy : 0 };
}

const cache = new Map<string, Relation>();

/** The relation of u and theta to labour demand, estimated from the national series (cached per economy behaviour). */
export function estimateRelation(behaviour: Behaviour): Relation {
  const key = JSON.stringify(behaviour.economy);
  const hit = cache.get(key);
  if (hit) return hit;
  const logD = historicalLogDemand(behaviour);
  const fitOf = (points: readonly { at: number; value: number }[]) => {
    const use = points.filter((p) => logD.has(p.at));
    return { ...ols(use.map((p) => logD.get(p.at)!), use.map((p) => Math.log(p.value))), n: use.length };
  };
  const u = fitOf(unemploymentPoints());
  const th = fitOf(tightnessPoints());
  const r: Relation = { unemploymentSlope: u.slope, tightnessSlope: th.slope, r2Unemployment: u.r2, r2Tightness: th.r2, points: u.n + th.n };
  cache.set(key, r);
  return r;
}

/** Observed national unemployment (%) and tightness at a calendar month. */
export function observedAt(calendarMonth: number): { unemploymentPct: number; tightness: number } {
  return { unemploymentPct: interpolate(unemploymentPoints(), calendarMonth), tightness: interpolate(tightnessPoints(), calendarMonth) };
}
