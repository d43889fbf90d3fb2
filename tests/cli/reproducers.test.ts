/**
 * The reproducers of issue 12, each run as a user runs it (a child process): every one gives exit 2
 * (or its documented code) with an `error:` message naming the file or flag and the field, no stack
 * trace, and no folder that looks complete.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import small from '../fixtures/small.ts';
import trialTown from '../fixtures/trial-town.ts';
import { runMain } from '../../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STACK = /\n\s+at .+:\d+:\d+\)?/;

let tmp: string;
let cases = 0;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'uitstroom-repro-'));
  mkdirSync(join(tmp, 'models', 'experiments'), { recursive: true });
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n'); // so top-level await is allowed
  writeFileSync(join(tmp, 'models', 'small.ts'), `export default ${JSON.stringify({ ...small, name: 'small', horizonMonths: 3 })};\n`);
  writeFileSync(join(tmp, 'models', 'trial-town.ts'), `export default ${JSON.stringify(trialTown)};\n`);
  writeFileSync(join(tmp, 'models', 'profiles.ts'), 'export const national = { age: [] };\n');
  writeFileSync(join(tmp, 'a-file'), 'x\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The run command in-process (`src/cli/main.ts`, what `src/run.ts` calls), for the cases that need no process of their own. */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runMain(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(rel: string, source: string): string {
  const path = join(tmp, rel);
  writeFileSync(path, source);
  return path;
}

const experiment = (design: object) => `export default ${JSON.stringify({ kind: 'experiment', name: 'x', description: '', question: 'q', replicates: 2, seed: 1, design })};\n`;

/** Exit 2, one message naming `names`, no stack trace, no output folder. */
function refused(r: { code: number | null; stderr: string }, out: string | undefined, ...names: (string | RegExp)[]) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).not.toMatch(STACK);
  for (const n of names) expect(r.stderr).toMatch(n);
  if (out) {
    expect(existsSync(out)).toBe(false);
    expect(existsSync(out + '.incomplete')).toBe(false);
  }
}

describe('model and experiment files', () => {
  it('a top level that never settles: exit 2 saying so, not exit 0 having done nothing', () => {
    const f = file('models/never.ts', 'await new Promise(() => {});\nexport default {};\n');
    const out = join(tmp, 'o-never');
    refused(cli('src/run.ts', [f, '--out', out]), out, f, /never finished/);
  });

  it('a Proxy default export is copied as plain data and runs; a throwing getter names the field', async () => {
    const proxy = file('models/proxy.ts', "import m from './small.ts';\nexport default new Proxy(m, {});\n");
    const out = join(tmp, 'o-proxy');
    const ok = await inProcess([proxy, '--runs', '2', '--workers', '0', '--no-charts', '--quiet', '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    const getter = file('models/getter.ts', "import m from './small.ts';\nexport default { ...m, get inflow() { throw new Error('boom'); } };\n");
    refused(await inProcess([getter, '--out', join(tmp, 'o-getter')]), join(tmp, 'o-getter'), getter, /at inflow: could not be read: boom/);
  });

  it.each([
    ['a misspelt lhs path', { kind: 'lhs', base: 'small', samples: 4, parameters: [{ name: 'a', path: 'inflow.applicantsPerMonthh', min: 1, max: 2 }] }, /at design\.parameters\[0\]\.path: 'inflow\.applicantsPerMonthh' is not a number/],
    ['a path into a policy the base model lacks', { kind: 'sobol', base: 'small', samples: 8, parameters: [{ name: 'a', path: 'policies.9.places', min: 1, max: 2 }] }, /at design\.parameters\[0\]\.path: 'policies\.9\.places'/],
    ['__proto__ in a path', { kind: 'lhs', base: 'small', samples: 4, parameters: [{ name: 'a', path: '__proto__.growth', min: 1, max: 2 }] }, /at design\.parameters\[0\]\.path: .*'__proto__'/],
    ['min > max', { kind: 'lhs', base: 'small', samples: 4, parameters: [{ name: 'a', path: 'growthPct', min: 3, max: 2 }] }, /at design\.parameters\[0\]: expected min < max/],
    ['a value outside the model schema', { kind: 'lhs', base: 'small', samples: 4, parameters: [{ name: 'a', path: 'population.size', min: -5, max: 2 }] }, /at design\.parameters\[0\]\.min: -5 is not a valid value/],
    ['an unknown trial control', { kind: 'trial', base: 'trial-town', control: 'contrl', arms: ['guidance'], measureAtMonth: 12 }, /at design\.control: the model 'trial-town' has no policy labelled 'contrl'/],
    ['an unknown trial arm', { kind: 'trial', base: 'trial-town', control: 'control', arms: ['nope'], measureAtMonth: 12 }, /at design\.arms\[0\]/],
    ['measureAtMonth beyond the horizon', { kind: 'trial', base: 'trial-town', control: 'control', arms: ['guidance'], measureAtMonth: 1200 }, /at design\.measureAtMonth: expected at most the 24 months/],
    ['a numeric policy level name', { kind: 'factorial', base: 'small', factors: [{ kind: 'policies', levels: [{ name: 5, from: 'small' }] }] }, /at design\.factors\[0\]\.levels\[0\]\.name: expected string, found number 5/],
    ['a base that is not a model', { kind: 'factorial', base: 'profiles', factors: [{ kind: 'economy', levels: [{ name: 'flat', growth: 'flat' }] }] }, /at design\.base: 'profiles' is not a usable model/],
  ])('%s: exit 2 naming the experiment file and field, nothing written', async (_, design, message) => {
    const k = ++cases;
    const f = file(`models/experiments/e-${k}.ts`, experiment(design));
    const out = join(tmp, `o-experiment-${k}`);
    refused(await inProcess([f, '--workers', '0', '--out', out]), out, f, message);
  });
});

describe('command lines and folders', () => {
  it.each([
    ['under a file', () => join(tmp, 'a-file', 'run'), /--out .*a-file\/run: the folder cannot be created there \(a part of the path is a file/],
    ['a name too long', () => join(tmp, 'x'.repeat(300)), /ENAMETOOLONG/],
    ['/proc/x', () => '/proc/x', /--out \/proc\/x: the folder cannot be created/],
    ['/proc/x/y (found by the fuzz test: node\'s recursive mkdir loops for ever there)', () => '/proc/x/y', /--out \/proc\/x\/y: the folder cannot be created/],
  ])('run --out %s: exit 2 naming --out', (_, out, message) => {
    refused(cli('src/run.ts', ['tests/fixtures/small.ts', '--runs', '1', '--out', out()]), undefined, message);
  });

  it('--workers above the cap is refused, naming the flag', () => {
    refused(cli('src/run.ts', ['tests/fixtures/small.ts', '--workers', '256']), undefined, /option --workers: expected an integer from 0 to 32, found '256'/);
  });

  it('calibrate --out <file>, compare --out <existing folder> or <file>, classroom --build <file> or \'\', --port \'\'', () => {
    const f = join(tmp, 'a-file');
    refused(cli('src/calibrate.ts', ['tests/fixtures/small.ts', '--check', '--out', f]), undefined, /option --out: .*a-file is a file, not a folder/);
    const taken = join(tmp, 'taken');
    mkdirSync(taken, { recursive: true });
    writeFileSync(join(taken, 'keep.txt'), 'mine');
    const run = join(tmp, 'o-proxy'); // a finished run from above, or made here
    if (!existsSync(join(run, 'manifest.json'))) cli('src/run.ts', ['tests/fixtures/small.ts', '--runs', '2', '--workers', '0', '--no-charts', '--quiet', '--out', run]);
    refused(cli('src/compare.ts', [run, run, '--out', taken]), undefined, /option --out: .*taken exists already and is not empty/);
    expect(readFileSync(join(taken, 'keep.txt'), 'utf8')).toBe('mine');
    refused(cli('src/compare.ts', [run, run, '--out', f]), undefined, /is a file, not a folder/);
    refused(cli('src/classroom.ts', ['--build', '']), undefined, /option --build: expected a folder path, found ''/);
    refused(cli('src/classroom.ts', ['--build', join(f, 'site')]), undefined, /option --build: the folder .* cannot be created/);
    refused(cli('src/classroom.ts', ['--port', '']), undefined, /option --port: expected an integer from 0 to 65535, found ''/);
  });

  it('bench --help explains itself; a bad --replicates and an unknown flag are refused', () => {
    const help = cli('bench/bench.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--replicates');
    expect(help.stdout).toContain('--json');
    refused(cli('bench/bench.ts', ['--replicates', '0']), undefined, /option --replicates/);
    refused(cli('bench/bench.ts', ['--threads', '0']), undefined, /--threads/);
  });

  it('report on a manifest with months 1e9, or without months: exit 2 naming the file and field', () => {
    const run = join(tmp, 'o-proxy');
    if (!existsSync(join(run, 'manifest.json'))) cli('src/run.ts', ['tests/fixtures/small.ts', '--runs', '2', '--workers', '0', '--no-charts', '--quiet', '--out', run]);
    for (const [name, edit] of [['huge', (m: Record<string, unknown>) => (m.months = 1e9)], ['none', (m: Record<string, unknown>) => delete m.months]] as const) {
      const copy = join(tmp, `report-${name}`);
      cpSync(run, copy, { recursive: true });
      const m = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      edit(m);
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(m));
      refused(cli('src/report.ts', [copy]), undefined, join(copy, 'manifest.json'), /at months: expected/);
      expect(existsSync(join(copy, 'report.html'))).toBe(false);
    }
  });
});
