/**
 * The `grid` design: BehaviorSpace's `["param" start step end]` and Mesa's `batch_run` parameter
 * dictionary. Each parameter lists its `values` or gives `start`, `step` and `end` (inclusive);
 * the parameters are crossed (the last varies fastest), and every point runs `replicates` times
 * with common random numbers.
 */
import { getPath, InputError, setPath, validateModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import type { GridParameter } from './schema.ts';

/** The values of one grid parameter, in order. `start/step/end` values are computed, not summed, so 0.1 steps stay exact. */
export function gridValues(p: GridParameter): number[] {
  if (p.values) return p.values;
  const { start, step, end } = p as Required<Pick<GridParameter, 'start' | 'step' | 'end'>>;
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => Number((start + k * step).toPrecision(12)));
}

/** Every combination of the parameters' values, the last parameter varying fastest. */
export function gridPoints(params: readonly GridParameter[]): number[][] {
  return params.reduce<number[][]>((points, p) => points.flatMap((x) => gridValues(p).map((v) => [...x, v])), [[]]);
}

/**
 * The model at one point. A path must name a number the base model has (a misspelt path would
 * otherwise add a field and change nothing); the result is validated like a model file, so a value
 * out of a field's bounds is reported with its path.
 */
export function gridModel(base: Model, params: readonly GridParameter[], point: readonly number[], months: number, file: string): Model {
  let m = base;
  params.forEach((p, i) => {
    if (p.path === 'growthPct') {
      m = { ...m, economy: { ...m.economy, growth: { monthlyPath: new Array<number>(months).fill(point[i]), note: `constant ${point[i]}% a year` } } };
      return;
    }
    if (typeof getPath(base, p.path) !== 'number') throw new InputError(`${file}: at design.parameters (${p.name}).path: expected a numeric field of the base model, found '${p.path}'`);
    m = setPath(m, p.path, point[i]);
  });
  return validateModel(m, `${file} (grid point ${params.map((p, i) => `${p.name}=${point[i]}`).join(', ')})`);
}
