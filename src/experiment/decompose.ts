/**
 * Variance decomposition of a balanced full-factorial experiment: how much of the variation in an
 * outcome is due to each factor, to their interactions and to chance. This is the number behind
 * "is it the policy or the economy?".
 *
 * Design: k factors (k ≥ 1) with L_1 … L_k levels, every combination (cell) run with the same R
 * replicates. Cells are numbered row-major, the last factor fastest: for two factors A (a levels)
 * and B (b levels) cell (i, j) is `i * b + j`. `y[cell][r]` is the outcome of replicate r in that
 * cell.
 *
 * Terms (classic balanced ANOVA sums of squares around the grand mean; they add up to the total):
 * - one **main effect** per factor;
 * - one **two-way interaction** per pair of factors;
 * - for k ≥ 3, the **higher-order** interactions together (cells minus mains minus two-ways);
 * - **chance**: by default everything within cells (SS_within), i.e. replicate noise including
 *   the common randomness that replicate r shares across cells. With `blockReplicates`, that
 *   common part is split out as a **replicate** block term (SS of the replicate means across
 *   cells), and chance is the remainder (replicate × cell residual).
 *
 * Intervals: bootstrap over replicates. Each draw resamples replicate indices with replacement
 * once, jointly for all cells, so the common-random-number pairing is kept; the 95% interval of
 * each share is the 2.5-97.5th percentile of the draws (type 7). The stream is
 * `openStream(['decompose', seed])`, so the same seed gives the same intervals.
 */
import { quantileSorted } from '../output/stats.ts';
import { openStream } from '../random/streams.ts';

/** A factor of the design: its name (also the default label) and number of levels (≥ 1). */
export interface Factor {
  name: string;
  levels: number;
}

export type TermKind = 'main' | 'interaction' | 'higher-order' | 'replicate' | 'chance';

/** One term of the decomposition. */
export interface Term {
  /** `policy`, `policy×economy`, `higher-order`, `replicate` or `chance`. */
  key: string;
  kind: TermKind;
  /** Factor names involved (all factors for higher-order; none for replicate and chance). */
  factors: string[];
  /** Sum of squares. */
  ss: number;
  /** Degrees of freedom. */
  df: number;
  /** ss / total; the shares of all terms sum to 1. */
  share: number;
  /** Bootstrap 95% percentile interval of the share ([share, share] when bootstrap is 0). */
  ci95: [number, number];
}

export interface DecomposeOptions {
  /** Split the replicate (common randomness) block out of chance. Default false. */
  blockReplicates?: boolean;
  /** Bootstrap draws; 0 skips the intervals. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap stream. Default 0. */
  seed?: string | number;
}

export interface Decomposition {
  factors: Factor[];
  cells: number;
  replicates: number;
  /** Total sum of squares around the grand mean, over all cells and replicates. */
  totalSS: number;
  /** Mains in factor order, then two-way interactions (pairs in order), higher-order, replicate, chance. */
  terms: Term[];
  /** What chance contains: all within-cell variation, or what is left after the replicate block. */
  chance: 'within-cells' | 'within-cells-minus-replicate-block';
  bootstrap: number;
  seed: string | number;
}

/** Decomposes the variation of `y[cell][replicate]` over a full factorial of `factors`. */
export function decompose(y: readonly ArrayLike<number>[], factors: readonly Factor[], options: DecomposeOptions = {}): Decomposition {
  const { blockReplicates = false, bootstrap = 1000, seed = 0 } = options;
  const design = layout(y, factors);
  const identity = Int32Array.from({ length: design.R }, (_, r) => r);
  const ss = sumsOfSquares(y, design, identity, blockReplicates);
  const totalSS = sum(ss);
  if (!(totalSS > 0)) throw new Error('decompose: the outcome does not vary; there is nothing to decompose');

  const keys = termsOf(design, blockReplicates);
  const draws = keys.map(() => new Float64Array(bootstrap));
  const u = openStream(['decompose', seed]);
  const idx = new Int32Array(design.R);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < design.R; r++) idx[r] = Math.floor(u() * design.R);
    const s = sumsOfSquares(y, design, idx, blockReplicates);
    const t = sum(s);
    // A resample with no variation at all (every index equal, no factor effect) has no shares.
    for (let k = 0; k < s.length; k++) draws[k][b] = t > 0 ? s[k] / t : NaN;
  }

  const terms = keys.map((term, k): Term => {
    const share = ss[k] / totalSS;
    return { ...term, ss: ss[k], share, ci95: bootstrap > 0 ? percentile95(draws[k]) : [share, share] };
  });
  return {
    factors: factors.map((f) => ({ ...f })),
    cells: design.C,
    replicates: design.R,
    totalSS,
    terms,
    chance: blockReplicates ? 'within-cells-minus-replicate-block' : 'within-cells',
    bootstrap,
    seed,
  };
}

/** Labels for the verdict sentence. */
export interface VerdictLabels {
  /** What was measured, e.g. 'caseload change'. */
  outcome: string;
  /** Factor name → phrase, e.g. `{ economy: 'the economy' }`; defaults to the name. */
  factors?: Record<string, string>;
  /** Name of the single interaction of a two-factor design. Default 'interaction'. */
  interaction?: string;
  /** Default 'chance'. */
  chance?: string;
}

/**
 * Renders the decomposition as one sentence, every number read from `d`, e.g. "In this
 * experiment, the economy explains 71% (95% CI 66-75%) of the variation in caseload change,
 * policy 18% (15-22%), interaction 4% (2-6%), chance 7% (5-9%)." Main effects come first, largest
 * first; then the other terms in result order. Percentages are rounded to whole numbers.
 */
export function verdict(d: Decomposition, labels: VerdictLabels): string {
  const name = (f: string) => labels.factors?.[f] ?? f;
  const label = (t: Term): string => {
    switch (t.kind) {
      case 'main': return name(t.factors[0]);
      case 'interaction': return d.factors.length === 2 ? labels.interaction ?? 'interaction' : `the ${t.factors.map(name).join('-')} interaction`;
      case 'higher-order': return 'higher-order interactions';
      case 'replicate': return 'common randomness (replicate)';
      case 'chance': return labels.chance ?? 'chance';
    }
  };
  const mains = d.terms.filter((t) => t.kind === 'main').sort((p, q) => q.share - p.share);
  const ordered = [...mains, ...d.terms.filter((t) => t.kind !== 'main')];
  const ci = (t: Term, prefix: string) => (d.bootstrap > 0 ? ` (${prefix}${percent(t.ci95[0])}-${percent(t.ci95[1])}%)` : '');
  const [first, ...rest] = ordered;
  const head = `In this experiment, ${label(first)} explains ${percent(first.share)}%${ci(first, '95% CI ')} of the variation in ${labels.outcome}`;
  return [head, ...rest.map((t) => `${label(t)} ${percent(t.share)}%${ci(t, '')}`)].join(', ') + '.';
}

/** A share as a whole-number percentage, the form the verdict prints. */
export function percent(share: number): string {
  return String(Math.round(share * 100) + 0); // + 0 turns -0 into 0
}

// ---------------------------------------------------------------------------------------------

interface Layout {
  names: string[];
  levels: number[];
  /** Cells and replicates per cell. */
  C: number;
  R: number;
  /** levelOf[f][cell]: the level of factor f in that cell. */
  levelOf: Int32Array[];
}

function layout(y: readonly ArrayLike<number>[], factors: readonly Factor[]): Layout {
  if (factors.length === 0) throw new Error('decompose: at least one factor is needed');
  for (const f of factors) {
    // One level is allowed (its terms are 0 with 0 df), so a factor held fixed needs no special case.
    if (!Number.isInteger(f.levels) || f.levels < 1) throw new Error(`decompose: factor '${f.name}' needs a positive integer number of levels, found ${f.levels}`);
  }
  const levels = factors.map((f) => f.levels);
  const C = levels.reduce((p, l) => p * l, 1);
  if (y.length !== C) throw new Error(`decompose: expected ${C} cells (${levels.join(' × ')}), found ${y.length}`);
  const R = y[0].length;
  if (R < 2) throw new Error(`decompose: at least 2 replicates per cell are needed, found ${R}`);
  y.forEach((row, c) => {
    if (row.length !== R) throw new Error(`decompose: cell ${c} has ${row.length} replicates, cell 0 has ${R} (the design must be balanced)`);
    for (let r = 0; r < R; r++) if (!Number.isFinite(row[r])) throw new Error(`decompose: cell ${c}, replicate ${r} is not a finite number (${row[r]})`);
  });
  const levelOf = levels.map((L, f) => {
    const stride = levels.slice(f + 1).reduce((p, l) => p * l, 1);
    return Int32Array.from({ length: C }, (_, c) => Math.floor(c / stride) % L);
  });
  return { names: factors.map((f) => f.name), levels, C, R, levelOf };
}

/** The terms without their numbers, in the order `sumsOfSquares` returns them. */
function termsOf({ names, levels, C, R }: Layout, blockReplicates: boolean): Omit<Term, 'ss' | 'share' | 'ci95'>[] {
  const k = names.length;
  const terms: Omit<Term, 'ss' | 'share' | 'ci95'>[] = [];
  for (let f = 0; f < k; f++) terms.push({ key: names[f], kind: 'main', factors: [names[f]], df: levels[f] - 1 });
  for (let f = 0; f < k; f++) {
    for (let g = f + 1; g < k; g++) {
      terms.push({ key: `${names[f]}×${names[g]}`, kind: 'interaction', factors: [names[f], names[g]], df: (levels[f] - 1) * (levels[g] - 1) });
    }
  }
  if (k >= 3) terms.push({ key: 'higher-order', kind: 'higher-order', factors: [...names], df: C - 1 - terms.reduce((p, t) => p + t.df, 0) });
  if (blockReplicates) terms.push({ key: 'replicate', kind: 'replicate', factors: [], df: R - 1 });
  terms.push({ key: 'chance', kind: 'chance', factors: [], df: blockReplicates ? (C - 1) * (R - 1) : C * (R - 1) });
  return terms;
}

/**
 * Sums of squares of every term for the replicates `idx` (the identity, or a bootstrap resample).
 * Balanced design, so every marginal mean is a plain mean of cell means.
 */
function sumsOfSquares(y: readonly ArrayLike<number>[], { levels, C, R, levelOf }: Layout, idx: Int32Array, blockReplicates: boolean): Float64Array {
  const k = levels.length;
  const cellMean = new Float64Array(C);
  let within = 0;
  for (let c = 0; c < C; c++) {
    const row = y[c];
    let s = 0;
    for (let r = 0; r < R; r++) s += row[idx[r]];
    const m = s / R;
    cellMean[c] = m;
    for (let r = 0; r < R; r++) within += (row[idx[r]] - m) ** 2;
  }
  const grand = sum(cellMean) / C;
  let cellsSS = 0;
  for (let c = 0; c < C; c++) cellsSS += (cellMean[c] - grand) ** 2;
  cellsSS *= R;

  const out: number[] = [];
  const marginal = levels.map((L, f) => {
    const m = new Float64Array(L);
    for (let c = 0; c < C; c++) m[levelOf[f][c]] += cellMean[c];
    for (let l = 0; l < L; l++) m[l] /= C / L;
    let ss = 0;
    for (let l = 0; l < L; l++) ss += (m[l] - grand) ** 2;
    out.push(ss * R * (C / L));
    return m;
  });
  for (let f = 0; f < k; f++) {
    for (let g = f + 1; g < k; g++) {
      const Lf = levels[f], Lg = levels[g];
      const m = new Float64Array(Lf * Lg);
      for (let c = 0; c < C; c++) m[levelOf[f][c] * Lg + levelOf[g][c]] += cellMean[c];
      let ss = 0;
      for (let i = 0; i < Lf; i++) {
        for (let j = 0; j < Lg; j++) ss += (m[i * Lg + j] / (C / (Lf * Lg)) - marginal[f][i] - marginal[g][j] + grand) ** 2;
      }
      out.push(ss * R * (C / (Lf * Lg)));
    }
  }
  // Rounding can leave a tiny negative remainder where the true value is 0.
  if (k >= 3) out.push(Math.max(0, cellsSS - out.reduce((p, s) => p + s, 0)));
  if (blockReplicates) {
    let block = 0;
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (let c = 0; c < C; c++) s += y[c][idx[r]];
      block += (s / C - grand) ** 2;
    }
    block *= C;
    out.push(block, Math.max(0, within - block));
  } else {
    out.push(within);
  }
  return Float64Array.from(out);
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** 2.5th and 97.5th percentiles (type 7) of the finite draws. */
function percentile95(draws: Float64Array): [number, number] {
  const sorted = draws.filter(Number.isFinite).sort();
  return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
}
