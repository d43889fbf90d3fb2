/**
 * The CLI as a user runs it (`node --import tsx src/run.ts ...` in a child process): exit codes,
 * messages on stderr, what lands on disk, progress on a non-terminal, and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/args.ts';
import { msg } from '../../src/messages.ts';
import { HEADLINES } from '../../src/output/headline.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `done` settles when the process has exited. */
function start(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/run.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderr: () => stderr };
}

const run = (args: string[]) => start(args).done;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'uitstroom-cli-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('CLI: bad input exits with code 2 and writes nothing', () => {
  it('an --out folder that exists already: exit 2, a clear message, the folder untouched', async () => {
    const out = join(tmp, 'taken');
    mkdirSync(out);
    const r = await run(['tests/fixtures/small.ts', '--runs', '1', '--quiet', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${msg.outExists(out)}\n`);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(out + '.incomplete')).toBe(false);
  });

  it('an unknown flag: names it and points to --help', async () => {
    const r = await run(['tests/fixtures/small.ts', '--rusn', '2', '--out', join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${msg.unknownFlag('--rusn')} ${msg.seeHelp}\n`);
    expect(r.stderr).toContain('--help');
    expect(r.stdout).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a bad flag value: names flag, expected and found', async () => {
    const r = await run(['tests/fixtures/small.ts', '--runs', '0', '--out', join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${msg.badFlagValue('runs', 'an integer from 1 to 1000000', '0')} ${msg.seeHelp}\n`);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('no model file', async () => {
    const r = await run(['--runs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${msg.noModel} ${msg.seeHelp}\n`);
  });

  it('a model file that does not exist', async () => {
    const r = await run(['models/atlantis.ts', '--out', join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${msg.modelNotFound('models/atlantis.ts')}\n`);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.each([
    ['tests/fixtures/invalid-unknown-field.ts', 2, ['  at population.traits.age: expected array, found nothing', "  at population.traits: unknown field 'agee'"]],
    ['tests/fixtures/invalid-policy.ts', 2, ['  at policies[1].caseloadPerManager: expected number, found nothing', "  at policies[1]: unknown field 'caseloadPerManger'"]],
  ])('an invalid model file %s: exit 2, the problems on stderr, no run folder', async (file, count, lines) => {
    const out = join(tmp, 'sub', 'run');
    const r = await run([file, '--runs', '1', '--workers', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const err = r.stderr.split('\n');
    expect(err[0]).toBe(`error: ${msg.modelInvalid(file, count)}`);
    for (const l of lines) expect(err.some((e) => e.startsWith(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.ts:\d+:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(existsSync(out + '.incomplete')).toBe(false);
    expect(existsSync(join(tmp, 'sub'))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('CLI: --help', () => {
  it('prints the usage and option list on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(HELP + '\n');
    expect(r.stdout.startsWith(msg.usage)).toBe(true);
    expect(r.stderr).toBe('');
  });
});

describe('CLI: a normal run', () => {
  it('--no-charts: the data files only', async () => {
    const out = join(tmp, 'bare');
    const r = await run(['tests/fixtures/small.ts', '--runs', '2', '--workers', '0', '--quiet', '--no-charts', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'replicates.csv', 'series.csv', 'summary.json']);
  });

  it('--quiet: exit 0, only "wrote <dir>" on stdout, nothing on stderr, a complete folder', async () => {
    const out = join(tmp, 'run');
    const r = await run(['tests/fixtures/small.ts', '--runs', '2', '--workers', '1', '--quiet', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(msg.wrote(out) + '\n');
    expect(readdirSync(out).sort()).toEqual(['charts', 'manifest.json', 'replicates.csv', 'report.html', 'series.csv', 'summary.json']);
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(readdirSync(join(out, 'charts')).some((f) => f.endsWith('.png'))).toBe(true);
    expect(readdirSync(tmp)).toEqual(['run']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ runs: 2, workers: 1, masterSeed: 42, months: 24, model: { name: 'small-town', file: 'tests/fixtures/small.ts' } });
    // 2 replicates x 2 scenarios x 24 months + header
    expect(readFileSync(join(out, 'replicates.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2 * 2 * 24 + 1);
  });

  it('flags override the model: --seed and --months reach the files', async () => {
    const out = join(tmp, 'run');
    const r = await run(['tests/fixtures/small.ts', '--runs', '1', '--seed', '7', '--months', '3', '--workers', '0', '--quiet', '--out', out]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ runs: 1, masterSeed: 7, months: 3, workers: 0 });
    const lines = readFileSync(join(out, 'replicates.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 * 2 * 3 + 1);
    expect(lines[1].split(',')[4]).toBe('7');
  });

  it('without --quiet on a non-terminal: plain progress lines on stderr, the headline table on stdout', async () => {
    const out = join(tmp, 'run');
    const r = await run(['tests/fixtures/small.ts', '--runs', '2', '--workers', '1', '--out', out]);
    expect(r.code).toBe(0);
    // progress: whole lines, no carriage returns or bar drawing
    expect(r.stderr).not.toContain('\r');
    const progress = r.stderr.trimEnd().split('\n');
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const line of progress) expect(line).toMatch(/^tests\/fixtures\/small\.ts: \d+\/4 replicates \(\d+%\), [\d.]+ s elapsed/);
    expect(progress.at(-1)).toMatch(/: 4\/4 replicates \(100%\)/);
    // the table
    expect(r.stdout).toContain('small-town: 2 replicates x 2 scenarios, 24 months from 2015-01, master seed 42, 1 workers');
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => l.includes('as-is: mean [95% range]') && l.includes('no-policy: mean [95% range]'))).toBe(true);
    for (const h of HEADLINES) expect(lines.some((l) => l.startsWith(`${h.label} (${h.unit})`))).toBe(true);
    expect(r.stdout).toContain('Paired differences (common random numbers):');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(msg.wrote(out));
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});

describe('CLI: Ctrl-C', () => {
  it.each([['1'], ['0']])('SIGINT during a long run with --workers %s: exit 130 within seconds, only <out>.incomplete without a manifest', async (workers) => {
    const out = join(tmp, `x${workers}`);
    const p = start(['models/rotterdam.ts', '--runs', '50', '--workers', workers, '--out', out]);
    // Wait until the batch is under way: the first progress line comes after the first replicate
    // (by then the run folder exists and the worker is busy), or 4 s at the least.
    const t0 = Date.now();
    while (!/replicates/.test(p.stderr()) || Date.now() - t0 < 4000) {
      if (Date.now() - t0 > 60_000) throw new Error(`no progress after 60 s; stderr: ${p.stderr()}`);
      if (p.child.exitCode !== null) throw new Error(`exited early with ${p.child.exitCode}; stderr: ${p.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(existsSync(out + '.incomplete')).toBe(true);
    const sent = Date.now();
    p.child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      p.done,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          p.child.kill('SIGKILL');
          reject(new Error('the CLI did not exit within 15 s of SIGINT'));
        }, 15_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const took = Date.now() - sent;
    expect(r.code).toBe(130);
    expect(took).toBeLessThan(15_000);
    expect(r.stderr).toContain(msg.interrupted(out + '.incomplete'));
    expect(r.stdout).not.toContain('wrote');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp)).toContain(`x${workers}.incomplete`);
    expect(readdirSync(tmp)).not.toContain(`x${workers}`);
    expect(readdirSync(out + '.incomplete')).not.toContain('manifest.json');
  });
});
