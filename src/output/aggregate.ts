/**
 * Aggregation across replicates, fed one replicate at a time in task order. Keeps, per scenario,
 * each replicate's monthly values (for exact percentiles) and headline figures (for paired
 * contrasts): months x metrics x 8 bytes per replicate and scenario (10 KB for 60 months), never
 * the agents themselves.
 */
import { METRIC_COUNT, METRICS } from '../engine/metrics.ts';
import { HEADLINE_COUNT, HEADLINES, headlinesOf } from './headline.ts';
import { quantileSorted, summarise, type Summary } from './stats.ts';
import { uncertaintyOf, type Uncertainty } from './uncertainty.ts';

export interface SeriesRow {
  scenario: string;
  month: number;
  metric: string;
  mean: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
}

export class Aggregator {
  /** [scenario] -> values at ((month * METRIC_COUNT + metric) * runs + replicate). */
  private readonly values: Float64Array[];
  private readonly headlines: Float64Array[];

  /** `sets`: parameter sets the replicates are spread over (replicate r runs set r mod sets; 1 = the fitted point). */
  constructor(readonly scenarios: string[], readonly runs: number, readonly months: number, readonly sets = 1) {
    this.values = scenarios.map(() => new Float64Array(months * METRIC_COUNT * runs));
    this.headlines = scenarios.map(() => new Float64Array(HEADLINE_COUNT * runs));
  }

  add(scenarioIndex: number, replicate: number, series: Float64Array): void {
    const v = this.values[scenarioIndex];
    const R = this.runs;
    for (let k = 0; k < this.months * METRIC_COUNT; k++) v[k * R + replicate] = series[k];
    this.headlines[scenarioIndex].set(headlinesOf(series, this.months), replicate * HEADLINE_COUNT);
  }

  /** Tidy rows: scenario, month, metric, mean, sd, p05, p50, p95. */
  *seriesRows(): Generator<SeriesRow> {
    const R = this.runs;
    const sorted = new Float64Array(R);
    for (let s = 0; s < this.scenarios.length; s++) {
      const v = this.values[s];
      for (let t = 0; t < this.months; t++) {
        for (let m = 0; m < METRIC_COUNT; m++) {
          const off = (t * METRIC_COUNT + m) * R;
          let sum = 0;
          for (let r = 0; r < R; r++) sum += (sorted[r] = v[off + r]);
          const mean = sum / R;
          let ss = 0;
          for (let r = 0; r < R; r++) ss += (sorted[r] - mean) ** 2;
          sorted.sort();
          yield {
            scenario: this.scenarios[s], month: t, metric: METRICS[m], mean,
            sd: R > 1 ? Math.sqrt(ss / (R - 1)) : NaN, // one replicate: no spread to report (NA)
            p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95),
          };
        }
      }
    }
  }

  /** One headline's values across replicates for a scenario. */
  headline(scenarioIndex: number, h: number): Float64Array {
    const out = new Float64Array(this.runs);
    for (let r = 0; r < this.runs; r++) out[r] = this.headlines[scenarioIndex][r * HEADLINE_COUNT + h];
    return out;
  }

  /** Summaries of every headline per scenario. */
  headlineSummaries(): Record<string, Record<string, Summary>> {
    return Object.fromEntries(
      this.scenarios.map((name, s) => [name, Object.fromEntries(HEADLINES.map((h, k) => [h.key, summarise(this.headline(s, k))]))]),
    );
  }

  /**
   * Paired contrast of a headline between scenario `b` and scenario `a` (b - a per replicate).
   * With common random numbers the pairs share their people and luck, so the paired standard
   * error is much smaller than the one two independent samples would give; both are reported.
   */
  contrast(a: number, b: number, h: number): Summary & { independentSe: number } {
    const x = this.headline(a, h);
    const y = this.headline(b, h);
    const d = y.map((v, r) => v - x[r]);
    const sx = summarise(x);
    const sy = summarise(y);
    return { ...summarise(d), independentSe: Math.sqrt((sx.sd ** 2 + sy.sd ** 2) / this.runs) };
  }

  /** Over an ensemble: a headline's interval with parameters and chance, and how much is which. */
  uncertainty(scenarioIndex: number, h: number): Uncertainty {
    return uncertaintyOf(this.headline(scenarioIndex, h), this.sets);
  }

  /** The same for a paired contrast (b - a per replicate; each pair shares its parameter set). */
  contrastUncertainty(a: number, b: number, h: number): Uncertainty {
    const x = this.headline(a, h);
    return uncertaintyOf(this.headline(b, h).map((v, r) => v - x[r]), this.sets);
  }
}
