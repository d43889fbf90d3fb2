/** A small seeded run for the report tests: the small fixture, few replicates, in the main thread. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../../src/pipeline.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MODEL_FILE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));

/** Runs the small fixture (2 scenarios, 24 months) into a fresh temporary folder; returns the run folder. */
export async function smallRun(o: { runs?: number; seed?: number; base?: string } = {}): Promise<string> {
  const base = o.base ?? mkdtempSync(join(tmpdir(), 'uitstroom-report-'));
  const seed = o.seed ?? 42;
  const r = await runPipeline({ modelFile: MODEL_FILE, runs: o.runs ?? 4, seed, workers: 0, out: join(base, `small-seed${seed}`) });
  return r.dir;
}
