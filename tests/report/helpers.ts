/** Small seeded runs for the report tests (the small fixtures, few replicates, in the main thread) and spec helpers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExperiment } from '../../src/experiment/pipeline.ts';
import { runPipeline } from '../../src/pipeline.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MODEL_FILE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
export const FACTORIAL_FILE = fileURLToPath(new URL('../fixtures/experiments/small-factorial.ts', import.meta.url));
export const TRIAL_FILE = fileURLToPath(new URL('../fixtures/experiments/small-trial.ts', import.meta.url));

/** Runs the small fixture (2 scenarios, 24 months) into a fresh temporary folder; returns the run folder. */
export async function smallRun(o: { runs?: number; seed?: number; base?: string } = {}): Promise<string> {
  const base = o.base ?? mkdtempSync(join(tmpdir(), 'uitstroom-report-'));
  const seed = o.seed ?? 42;
  const r = await runPipeline({ modelFile: MODEL_FILE, runs: o.runs ?? 4, seed, workers: 0, out: join(base, `small-seed${seed}`) });
  return r.dir;
}

/**
 * Runs an experiment fixture (or `data`, an experiment in place of the file's, whose models are
 * looked up beside the fixtures) into `<base>/<name>`, in the main thread; returns the folder.
 */
export async function experimentRun(o: { file?: string; data?: unknown; runs?: number; base: string; name: string }): Promise<string> {
  const r = await runExperiment({ file: o.file ?? FACTORIAL_FILE, workers: 0, runs: o.runs, out: join(o.base, o.name) }, o.data);
  return r.dir;
}

/** A spec with every inline data array replaced by its row count and fields (config left out): for snapshots. */
export function specStructure(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(specStructure);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x).filter(([k]) => k !== 'config').map(([k, v]) =>
        k === 'values' && Array.isArray(v) ? [k, { rows: v.length, fields: Object.keys(v[0] ?? {}) }] : [k, specStructure(v)],
      ),
    );
  }
  return x;
}

/** Every `data.values` array of a spec, in order. */
export function dataOf(x: unknown, out: Record<string, unknown>[][] = []): Record<string, unknown>[][] {
  if (Array.isArray(x)) x.forEach((v) => dataOf(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'values' && Array.isArray(v)) out.push(v as Record<string, unknown>[]);
      else dataOf(v, out);
    }
  }
  return out;
}
