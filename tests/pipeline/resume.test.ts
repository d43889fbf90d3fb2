/**
 * --resume: a run killed with SIGKILL at about half way leaves an unfinished folder (no
 * manifest); resumed, it keeps the finished replicates, runs the rest and equals an uninterrupted
 * run byte for byte. A resume refuses a changed option and a folder that is not an unfinished run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBytes, RESULTS_FILE } from '../../src/batch/checkpoint.ts';
import { shardMsg } from '../../src/batch/messages.ts';
import { InputError } from '../../src/model/load.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 40;
const MONTHS = 24;
const SEED = 5;
const TASKS = RUNS * 2; // two scenarios
const DATA_FILES = ['series.csv', 'replicates.csv', 'summary.json'];

let base: string;
let killedAt = 0;
let resumed: PipelineResult;

/** Starts a run in a child process and SIGKILLs it once about half of its results are logged. */
async function killHalfWay(out: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/run.ts', 'tests/fixtures/small.ts', '--runs', String(RUNS), '--months', String(MONTHS), '--seed', String(SEED), '--workers', '1', '--quiet', '--no-charts', '--out', out], { cwd: ROOT, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const log = join(out + '.incomplete', RESULTS_FILE);
  let records = 0;
  for (;;) {
    records = existsSync(log) ? Math.floor(statSync(log).size / recordBytes(MONTHS)) : 0;
    if (records >= TASKS / 2 || child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  await exited;
  return records;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-resume-'));
  await runPipeline({ modelFile: join(ROOT, 'tests/fixtures/small.ts'), runs: RUNS, seed: SEED, months: MONTHS, workers: 2, out: join(base, 'whole') });
  killedAt = await killHalfWay(join(base, 'killed'));
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('resume after SIGKILL', () => {
  it('the killed run was stopped part way and left only an unfinished folder without a manifest', () => {
    expect(killedAt).toBeGreaterThanOrEqual(TASKS / 2);
    expect(killedAt).toBeLessThan(TASKS);
    expect(existsSync(join(base, 'killed'))).toBe(false);
    expect(readdirSync(join(base, 'killed.incomplete'))).not.toContain('manifest.json');
  });

  it('refuses a different seed or replicate count, and a folder that is not an unfinished run', async () => {
    const dir = join(base, 'killed.incomplete');
    await expect(runPipeline({ modelFile: '', resume: dir, seed: SEED + 1, workers: 0 })).rejects.toThrow(shardMsg.resumeConflict(dir, '--seed', SEED, SEED + 1));
    await expect(runPipeline({ modelFile: '', resume: dir, runs: RUNS + 1, workers: 0 })).rejects.toThrow(InputError);
    await expect(runPipeline({ modelFile: '', resume: join(base, 'whole'), workers: 0 })).rejects.toThrow(shardMsg.resumeNotIncomplete(join(base, 'whole')));
  });

  it.each(DATA_FILES)('%s of the resumed run equals the uninterrupted run byte for byte', async (name) => {
    resumed ??= await runPipeline({ modelFile: '', resume: join(base, 'killed.incomplete'), workers: 1 });
    expect(resumed.resumedResults).toBeGreaterThanOrEqual(killedAt - 1); // a record cut by the kill is run again
    expect(resumed.dir).toBe(join(base, 'killed'));
    const whole = readFileSync(join(base, 'whole', name));
    expect(whole.length).toBeGreaterThan(100);
    expect(readFileSync(join(resumed.dir, name)).equals(whole)).toBe(true);
  });

  it('the resumed folder has exactly the files of a run (the log and key are gone)', () => {
    expect(readdirSync(resumed.dir).sort()).toEqual(['manifest.json', 'replicates.csv', 'series.csv', 'summary.json']);
    expect(existsSync(join(base, 'killed.incomplete'))).toBe(false);
  });
});
