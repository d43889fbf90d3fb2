/**
 * Figures derived from a run for charts and captions alike, so a caption always states what its
 * chart shows: bands across replicates (series.csv has the 90% band, not the middle 50%), the
 * caseload path, cumulative costs and the paired cumulative saving with its payback month.
 */
import { quantileSorted } from '../output/stats.ts';
import type { RunData } from './data.ts';

/** Statistics across replicates at one point in time. */
export interface Band {
  mean: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Mean and percentiles (type 7, as series.csv) of each column of `perReplicate[replicate][t]`. */
export function bands(perReplicate: number[][]): Band[] {
  const n = perReplicate.length;
  const length = perReplicate[0]?.length ?? 0;
  const sorted = new Float64Array(n);
  return Array.from({ length }, (_, t) => {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += (sorted[r] = perReplicate[r][t]);
    sorted.sort();
    const q = (p: number) => quantileSorted(sorted, p);
    return { mean: sum / n, p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
  });
}

/**
 * Caseload on the first of each month, months + 1 points: the start of month 0, then the end of
 * each month (which is the start of the next). Per replicate.
 */
export function caseloadPaths(run: RunData, scenario: string): number[][] {
  const start = run.replicates(scenario, 'caseload');
  const end = run.replicates(scenario, 'caseloadEnd');
  return start.map((s, r) => [s[0], ...end[r]]);
}

const cumulate = (xs: number[], scale = 1) => {
  let sum = 0;
  return xs.map((x) => (sum += x * scale));
};

/** Cumulative cost (EUR million) to the end of each month, per replicate. */
export function cumulativeCosts(run: RunData, scenario: string, part: 'benefit' | 'programme' | 'total'): number[][] {
  const benefit = run.replicates(scenario, 'benefitCost');
  const programme = run.replicates(scenario, 'programmeCost');
  return benefit.map((b, r) => {
    const monthly = part === 'benefit' ? b : part === 'programme' ? programme[r] : b.map((x, t) => x + programme[r][t]);
    return cumulate(monthly, 1e-6);
  });
}

export interface Saving {
  /** The scenario the first ("as-is") is compared with. */
  against: string;
  /** Cumulative cost of `against` minus that of the first scenario, per month (EUR million), paired per replicate. */
  bands: Band[];
  /** First month whose mean cumulative saving is positive, or null if none. */
  paybackMonth: number | null;
  /** Whether the mean cumulative saving stays positive from the payback month to the end. */
  staysPositive: boolean;
}

/** The first scenario's cumulative saving against every other scenario (positive: it costs less). */
export function savings(run: RunData): Saving[] {
  const [first, ...others] = run.scenarios;
  const base = cumulativeCosts(run, first, 'total');
  return others.map((against) => {
    const other = cumulativeCosts(run, against, 'total');
    const b = bands(other.map((path, r) => path.map((x, t) => x - base[r][t])));
    const k = b.findIndex((x) => x.mean > 0);
    return {
      against,
      bands: b,
      paybackMonth: k < 0 ? null : k,
      staysPositive: k >= 0 && b.slice(k).every((x) => x.mean > 0),
    };
  });
}
