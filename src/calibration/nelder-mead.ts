/**
 * Nelder-Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * reflection 1, expansion 2, contraction 0.5, shrink 0.5; Lagarias et al. 1998) on an unbounded
 * space. Bounds are handled by the caller's transform (`toBounded`): a logistic map from R to
 * [min, max]. Deterministic: the objective is seeded (common random numbers), so the same start
 * gives the same path.
 */

export interface NelderMeadOptions {
  /** Initial step in each coordinate. */
  step: number;
  maxEvaluations: number;
  /** Stop when the simplex's objective values span less than this. */
  tolerance: number;
  onEvaluation?: (count: number, value: number, best: number) => void;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

export async function nelderMead(f: (x: number[]) => Promise<number>, start: number[], o: NelderMeadOptions): Promise<NelderMeadResult> {
  const n = start.length;
  let evaluations = 0;
  let best = Infinity;
  const evaluate = async (x: number[]) => {
    const v = await f(x);
    evaluations++;
    const value = Number.isFinite(v) ? v : Number.MAX_VALUE;
    best = Math.min(best, value);
    o.onEvaluation?.(evaluations, value, best);
    return value;
  };
  const simplex: { x: number[]; v: number }[] = [{ x: start.slice(), v: await evaluate(start) }];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] += o.step;
    simplex.push({ x, v: await evaluate(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  let converged = false;
  while (evaluations < o.maxEvaluations) {
    simplex.sort((p, q) => p.v - q.v);
    if (simplex[n].v - simplex[0].v < o.tolerance) { converged = true; break; }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k].x[i] / n;
    const worst = simplex[n];
    const xr = combine(centroid, worst.x, -1);
    const vr = await evaluate(xr);
    if (vr < simplex[0].v) {
      const xe = combine(centroid, worst.x, -2);
      const ve = await evaluate(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      const outside = vr < worst.v;
      const xc = outside ? combine(centroid, xr, 0.5) : combine(centroid, worst.x, 0.5);
      const vc = await evaluate(xc);
      if (vc < (outside ? vr : worst.v)) {
        simplex[n] = { x: xc, v: vc };
      } else {
        for (let k = 1; k <= n; k++) {
          const xs = combine(simplex[0].x, simplex[k].x, 0.5);
          simplex[k] = { x: xs, v: await evaluate(xs) };
        }
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations, converged };
}

/** R -> [min, max], logistic. */
export function toBounded(z: number, min: number, max: number): number {
  return min + (max - min) / (1 + Math.exp(-z));
}

/** [min, max] -> R, the inverse of `toBounded` (values at the bounds are pulled 0.1% inside). */
export function toUnbounded(x: number, min: number, max: number): number {
  const u = Math.min(0.999, Math.max(0.001, (x - min) / (max - min)));
  return Math.log(u / (1 - u));
}
