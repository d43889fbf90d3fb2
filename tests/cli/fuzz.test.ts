/**
 * Property-based fuzzing of everything a user hands the `run` command (fast-check, seeded):
 * mutated model files, generated experiment files and generated command lines, run in-process
 * through `runMain` exactly as `src/run.ts` runs them. For every input:
 *
 *   - exit 0: a complete folder (manifest.json, no `.incomplete`), outputs with the right shape;
 *   - exit 2: one `error:` message naming the file or the flag and a field, no stack trace, and no
 *     folder (complete or not) at the output path;
 *   - nothing else (no exit 1, no exception escaping, no hang).
 *
 * The seed is fixed (FUZZ_SEED overrides it) and printed with any failure, together with the
 * shrunk input, so a failure can be replayed: `FUZZ_SEED=<seed> npx vitest run tests/cli/fuzz.test.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import small from '../fixtures/small.ts';
import trialTown from '../fixtures/trial-town.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = { models: 120, experiments: 60, commands: 150 };

let root: string;
let counter = 0;
/** The base models as plain data (what a model file written by hand would export). */
const SMALL = JSON.parse(JSON.stringify(small)) as Record<string, unknown>;
const TRIAL_TOWN = JSON.parse(JSON.stringify(trialTown)) as Record<string, unknown>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'uitstroom-fuzz-'));
  mkdirSync(join(root, 'models', 'experiments'), { recursive: true });
  // the models experiments name live in the folder above experiments/
  writeFileSync(join(root, 'models', 'small.ts'), `export default ${JSON.stringify({ ...SMALL, name: 'small' })};\n`);
  writeFileSync(join(root, 'models', 'trial-town.ts'), `export default ${JSON.stringify(TRIAL_TOWN)};\n`);
  writeFileSync(join(root, 'a-file'), 'not a folder\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
}

/** Runs the command in-process with a fresh output path (unless the arguments name their own). */
async function run(args: string[]): Promise<Outcome> {
  const out = join(root, 'out', `run-${++counter}`);
  let stdout = '';
  let stderr = '';
  const own = args.some((a) => a === '--out' || a.startsWith('--out='));
  const code = await runMain(['--quiet', '--no-charts', ...(own ? [] : ['--out', out]), ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, out };
}

/** Writes a model or experiment file that default-exports `data` (JS source, so NaN and Infinity survive). */
function writeSource(dir: string, data: unknown): string {
  const file = join(root, dir, `fuzz-${++counter}.ts`);
  writeFileSync(file, `export default ${toSource(data)};\n`);
  return file;
}

function toSource(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v);
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(toSource).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${toSource(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

const STACK = /\n\s+at .+:\d+:\d+\)?/;

/** The checks every outcome must pass; `names` are what a refusal must mention (any of them). */
function checkOutcome(r: Outcome, names: string[], context: unknown): void {
  const where = `${JSON.stringify(context).slice(0, 400)}\n-> exit ${r.code}\n${r.stderr}`;
  expect([0, 2], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(STACK);
  if (r.code === 0) {
    expect(existsSync(join(r.out, 'manifest.json')), where).toBe(true);
    expect(existsSync(r.out + '.incomplete'), where).toBe(false);
    const manifest = JSON.parse(readFileSync(join(r.out, 'manifest.json'), 'utf8')) as { files: string[] };
    for (const f of manifest.files) expect(existsSync(join(r.out, f)), `${where}\n(missing ${f})`).toBe(true);
  } else {
    expect(r.stderr, where).toMatch(/^error: /);
    expect(names.some((n) => r.stderr.includes(n)), `${where}\n(expected it to name one of ${names.join(', ')})`).toBe(true);
    expect(existsSync(r.out), where).toBe(false);
    expect(existsSync(r.out + '.incomplete'), where).toBe(false);
  }
}

/** Every path to a leaf (and to each object) of a plain value. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

function mutate(base: unknown, path: (string | number)[], how: { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown } | { kind: 'rename'; key: string }): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (how.kind === 'set') parent[last] = how.value;
  else if (how.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (how.kind === 'add') {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[how.key] = how.value;
    else parent[last] = { [how.key]: how.value };
  } else if (!Array.isArray(parent)) {
    parent[how.key] = parent[last];
    delete parent[last];
  }
  return copy;
}

const awkward = fc.oneof(
  fc.constantFrom<unknown>(null, true, '', 'flat', 'x', -1, 0, 0.5, 1, 2, 1e9, -1e9, Number.NaN, Infinity, [], {}, [1, 2], { a: 1 }),
  fc.integer({ min: -100, max: 10_000 }),
  fc.double({ min: -1e4, max: 1e4 }), // with NaN; kept small so a valid mutation runs in a moment
  fc.string({ maxLength: 12 }),
);

const modelMutation = fc.record({
  pathIndex: fc.nat(),
  how: fc.oneof(
    fc.record({ kind: fc.constant('set' as const), value: awkward }),
    fc.record({ kind: fc.constant('delete' as const) }),
    fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('extra', 'nmae', 'sizee', '__proto__', 'constructor', 'toString'), value: awkward }),
    fc.record({ kind: fc.constant('rename' as const), key: fc.constantFrom('nme', 'Size', 'polices', 'growht', 'replicate') }),
  ),
});

describe(`fuzz (seed ${SEED}): every input a clean exit 2 naming file and field, or a complete run`, () => {
  const smallPaths = pathsOf(SMALL);
  const tally = { models: { ok: 0, refused: 0 }, experiments: { ok: 0, refused: 0 }, commands: { ok: 0, refused: 0 } };

  it(`${RUNS.models} mutated model files`, async () => {
    await fc.assert(
      fc.asyncProperty(modelMutation, async ({ pathIndex, how }) => {
        const path = smallPaths[pathIndex % smallPaths.length];
        const data = mutate({ ...SMALL, horizonMonths: 3 }, path, how);
        const file = writeSource('models', data);
        const r = await run([file, '--runs', '2', '--months', '2', '--workers', '0']);
        // a refusal names the file; it names a field by its path, or the file as a whole
        checkOutcome(r, [file], { path, how });
        // what must be refused whatever else holds: an unknown or misspelt field, a number made not a number
        const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], SMALL);
        const mustRefuse =
          (how.kind === 'add' && (original === null || typeof original !== 'object' || Array.isArray(original) || how.key !== '__proto__')) ||
          (how.kind === 'rename' && typeof path[path.length - 1] === 'string') ||
          (how.kind === 'set' && typeof original === 'number' && typeof how.value !== 'number') ||
          (how.kind === 'set' && typeof original === 'number' && !Number.isFinite(how.value as number));
        if (mustRefuse) expect(r.code, `${JSON.stringify({ path, how })}\n${r.stderr}`).toBe(2);
        if (r.code === 2) expect(r.stderr, r.stderr).toMatch(/at [\w[\].]+|\(top level\)|the file must default-export/);
        tally.models[r.code === 0 ? 'ok' : 'refused']++;
      }),
      { seed: SEED, numRuns: RUNS.models, endOnFailure: true },
    );
  });

  const name = fc.oneof(fc.constantFrom('policy', 'economy', 'town', 'a', '=cmd()', '+1', '-x', '@sum', 'a,b', 'a"b'), fc.string({ maxLength: 8 }));
  const paths = fc.constantFrom(
    'growthPct', 'inflow.applicantsPerMonth', 'inflow.applicantsPerMonthh', 'policies.1.caseloadPerManager', 'policies.7.caseManagers',
    '__proto__.growth', 'constructor.prototype.x', 'economy.vacanciesPerMonth', 'economy.growth', 'population.size', 'policies', '',
  );
  // bounds stay small enough that a valid design runs in a moment (1e6 applicants a month is valid, and slow)
  const bound = fc.oneof(fc.constantFrom(-5, 0, 0.5, 1, 2, 5, 40, 100), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
  const design = fc.oneof(
    fc.record({
      kind: fc.constant('factorial'),
      base: fc.constantFrom('small', 'smal', 'profiles', 'trial-town'),
      factors: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('economy'), name, levels: fc.array(fc.record({ name: fc.constantFrom('flat', 'boom', 'recession', 'x', 'Bad Name', '=1'), growth: fc.constantFrom('flat', 'boom', 'recession', 'nope') }), { minLength: 1, maxLength: 2 }) }),
          fc.record({ kind: fc.constant('policies'), name, levels: fc.array(fc.oneof(fc.record({ name: fc.constantFrom('none', 'own', 5 as unknown as string), policies: fc.constant([]) }), fc.record({ name: fc.constantFrom('own', 'trial'), from: fc.constantFrom('small', 'trial-town', 'nothere') })), { minLength: 1, maxLength: 2 }) }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    fc.record({
      kind: fc.constantFrom('lhs', 'sobol'),
      base: fc.constant('small'),
      samples: fc.constantFrom(2, 3, 8),
      parameters: fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'growth'), path: paths, min: bound, max: bound }), { minLength: 1, maxLength: 2 }),
    }),
    fc.record({
      kind: fc.constant('trial'),
      base: fc.constantFrom('trial-town', 'small'),
      control: fc.constantFrom('control', 'contrl', '=evil', ''),
      arms: fc.array(fc.constantFrom('guidance', 'exemption', 'control', 'nope', '@arm'), { minLength: 1, maxLength: 2 }),
      measureAtMonth: fc.constantFrom(1, 2, 3, 12, 25, 2000),
      selfSelection: fc.boolean(),
    }),
  );

  type Design = { kind: string; base: string; parameters?: { name: string; path: string; min: number; max: number }[]; control?: string; arms?: string[]; measureAtMonth?: number };
  /** Inputs an experiment must refuse (the oracle): the classes that used to run with exit 0 or fail late. */
  const mustRefuseExperiment = (d: Design, months: number): string | undefined => {
    const numbers = ['growthPct', 'inflow.applicantsPerMonth', 'policies.1.caseloadPerManager', 'economy.vacanciesPerMonth', 'population.size'];
    for (const p of d.parameters ?? []) {
      if (!numbers.includes(p.path)) return `parameter path '${p.path}' is not a number in the base model`;
      if (!(p.min < p.max)) return 'min >= max';
    }
    if (d.parameters && new Set(d.parameters.map((p) => p.name)).size < d.parameters.length) return 'a parameter name used twice';
    if (d.kind === 'trial') {
      const labels = d.base === 'trial-town' ? ['control', 'guidance', 'exemption'] : [];
      const groups = [d.control!, ...d.arms!];
      if (groups.some((g) => !labels.includes(g))) return 'an unknown control or arm label';
      if (new Set(groups).size < groups.length) return 'a group named twice';
      if (d.measureAtMonth! > months) return 'measureAtMonth beyond the months simulated';
    }
    return undefined;
  };

  // designs that are mostly valid, so complete runs are checked as often as refusals
  const validPath = fc.constantFrom('growthPct', 'inflow.applicantsPerMonth', 'policies.1.caseloadPerManager', 'economy.vacanciesPerMonth');
  const validish = fc.oneof(
    fc.record({
      kind: fc.constant('factorial'),
      base: fc.constant('small'),
      factors: fc.constantFrom(
        [{ kind: 'economy', name: '=economy', levels: [{ name: 'flat', growth: 'flat' }, { name: 'boom', growth: 'boom' }] }],
        [{ kind: 'policies', name: '@policy', levels: [{ name: 'none', policies: [] }, { name: 'own', from: 'small' }] }, { kind: 'economy', name: '-economy', levels: [{ name: 'recession', growth: 'recession' }] }],
      ),
    }),
    fc.record({
      kind: fc.constantFrom('lhs', 'sobol'),
      base: fc.constant('small'),
      samples: fc.constant(8),
      parameters: fc.tuple(validPath, fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true })).map(([path, lo, width]) => [{ name: 'a', path, min: lo, max: lo + width }]),
    }),
    fc.record({ kind: fc.constant('trial'), base: fc.constant('trial-town'), control: fc.constant('control'), arms: fc.constantFrom(['guidance'], ['exemption'], ['guidance', 'exemption']), measureAtMonth: fc.constantFrom(1, 2), selfSelection: fc.boolean() }),
  );

  it(`${RUNS.experiments} generated experiment files`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: design, weight: 3 }, { arbitrary: validish, weight: 2 }), fc.constantFrom(2, 3), async (d, months) => {
        const e = { kind: 'experiment', name: 'fuzz', description: 'fuzz', question: 'q?', design: d, months, replicates: 2, seed: 7 };
        const file = writeSource(join('models', 'experiments'), e);
        const r = await run([file, '--workers', '0']);
        checkOutcome(r, [file], e);
        if (r.code === 2) expect(r.stderr, r.stderr).toMatch(/at [\w[\].]+/);
        const reason = mustRefuseExperiment(e.design as Design, months);
        if (reason) expect(r.code, `${reason}: ${JSON.stringify(e)}\n${r.stderr}`).toBe(2);
        if (r.code === 0) {
          // text fields a spreadsheet would run as formulas are neutralised in every CSV
          for (const f of readdirSync(r.out).filter((x) => x.endsWith('.csv'))) {
            const cells = readFileSync(join(r.out, f), 'utf8').split(/[,\n]/);
            expect(cells.filter((c) => /^"?[=+@]/.test(c)), `${f}: ${JSON.stringify(e)}`).toEqual([]);
          }
        }
        tally.experiments[r.code === 0 ? 'ok' : 'refused']++;
      }),
      { seed: SEED, numRuns: RUNS.experiments, endOnFailure: true },
    );
  });

  const flagValue = (flag: string, values: string[]) => fc.tuple(fc.constant(flag), fc.constantFrom(...values));
  const token = fc.oneof(
    flagValue('--runs', ['1', '2', '0', '-1', '1000001', 'x', '', '1.5', '1e3', '0x2']),
    flagValue('--seed', ['0', '7', '-3', '2147483649', 'abc', '']),
    flagValue('--months', ['1', '2', '0', '601', 'two', '']),
    flagValue('--workers', ['0', '1', '33', '256', '-1', 'all']),
    flagValue('--out', ['', '__FILE__/sub', '/proc/uitstroom-fuzz/x']),
    fc.constantFrom<[string]>(['--quiet'], ['--no-charts'], ['--bogus'], ['-x'], ['--runs'], ['--quiet=yes'], ['extra-positional'], ['--runs=2'], ['--months=1']),
  );
  const modelArg = fc.constantFrom('tests/fixtures/small.ts', 'tests/fixtures/nothere.ts', 'tests/fixtures', 'package.json', 'tests/fixtures/invalid-policy.ts');

  it(`${RUNS.commands} generated command lines`, async () => {
    await fc.assert(
      fc.asyncProperty(modelArg, fc.array(token, { maxLength: 4 }), async (model, tokens) => {
        const given = tokens.flat().map((t) => t.replace('__FILE__', join(root, 'a-file')));
        const has = (flag: string) => given.some((t) => t === flag || t.startsWith(`${flag}=`));
        // small defaults for what the generated tokens leave out (a valued flag given twice is refused)
        const defaults = [['--runs', '1'], ['--months', '1'], ['--workers', '0']].filter(([f]) => !has(f)).flat();
        const argv = [model, ...defaults, ...given];
        const r = await run(argv);
        checkOutcome(r, ['option', 'option --', '--out', model, 'model file', 'expected one model file'], argv);
        const valid: Record<string, string[]> = { '--runs': ['1', '2'], '--seed': ['0', '7'], '--months': ['1', '2'], '--workers': ['0', '1'] };
        const valued = tokens.map((t) => (t.length === 2 ? t[0] : t[0].startsWith('--runs=') ? '--runs' : t[0].startsWith('--months=') ? '--months' : '')).filter(Boolean);
        const repeated = valued.some((f, i) => valued.indexOf(f) !== i);
        const bad = repeated || model !== 'tests/fixtures/small.ts' || tokens.some((t) => (t.length === 2 ? !valid[t[0]]?.includes(t[1]) : !['--quiet', '--no-charts', '--runs=2', '--months=1'].includes(t[0])));
        expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(bad ? 2 : 0);
        if (r.code === 2) expect(r.stderr.split('\n')[0], r.stderr).toMatch(/--[a-z-]+|tests\/fixtures|package\.json|model file/);
        tally.commands[r.code === 0 ? 'ok' : 'refused']++;
      }),
      { seed: SEED, numRuns: RUNS.commands, endOnFailure: true },
    );
  });

  afterAll(() => {
    process.stdout.write(`fuzz seed ${SEED}: ${JSON.stringify(tally)}\n`);
  });
});
