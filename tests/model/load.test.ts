/**
 * Loading and validating model files: good models load; every kind of mistake gives an InputError
 * that names the file, the field path, what was expected and what was found.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import small from '../fixtures/small.ts';
import { msg } from '../../src/messages.ts';
import { describeFound, formatPath, InputError, loadModel, validateModel } from '../../src/model/load.ts';
import { POLICY_TYPES } from '../../src/policies/registry.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const FILE = 'models/some-town.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** A deep copy of the fixture's data with one change applied. */
function broken(change: (m: Loose) => void): Loose {
  const m = structuredClone(small) as Loose;
  change(m);
  return m;
}

/** The InputError message validateModel gives for `data` (fails the test if it does not throw one). */
function problems(data: unknown, file = FILE): string {
  try {
    validateModel(data, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected validateModel to throw');
}

/** The "  at <path>: <message>" lines of an InputError message. */
const issueLines = (message: string) => message.split('\n').slice(1);

describe('validateModel: valid models', () => {
  it('accepts the small fixture and fills in defaults', () => {
    const model = validateModel(small, FILE);
    expect(model.name).toBe('small-town');
    expect(model.population.size).toBe(2000);
    // defaults from the schema
    expect(model.scenarios[0].commonRandomNumbers).toBe(true);
    const guidance = model.policies[1];
    expect(guidance.type).toBe('intensive-guidance');
    if (guidance.type !== 'intensive-guidance') throw new Error('unreachable');
    expect(guidance.contactHoursPerManagerMonth).toBe(100);
    expect(guidance.budgetPerParticipantMonth).toBe(0);
    const intake = model.policies[0];
    if (intake.type !== 'strict-intake') throw new Error('expected strict-intake first');
    expect(intake.fixedCostPerMonth).toBe(0);
  });

  it('defaults scenarios to [] when a model has none', () => {
    const model = validateModel(broken((m) => delete m.scenarios), FILE);
    expect(model.scenarios).toEqual([]);
  });
});

describe('validateModel: each kind of mistake names file, path, expected and found', () => {
  it('an unknown field: names the object, the misspelt key and asks to check the spelling', () => {
    const text = problems(broken((m) => (m.population.traits.agee = m.population.traits.age)));
    expect(text.split('\n')[0]).toBe(msg.modelInvalid(FILE, 1));
    const lines = issueLines(text);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    // the object holding the field, then the misspelt key
    expect(line.startsWith("  at population.traits: unknown field 'agee'")).toBe(true);
    // what was expected: the fields a stock's traits may have, and the closest one
    for (const k of ['age', 'education', 'motivation', 'multiProblemShare', 'ladder', 'household', 'clustering', 'yearsOnBenefit']) {
      expect(line).toContain(`'${k}'`);
    }
    expect(line).toContain("did you mean 'age'?");
  });

  it('a renamed field reports both the missing field and the unknown one', () => {
    const text = problems(
      broken((m) => {
        m.population.traits.agee = m.population.traits.age;
        delete m.population.traits.age;
      }),
    );
    expect(text.split('\n')[0]).toBe(msg.modelInvalid(FILE, 2));
    const lines = issueLines(text);
    expect(lines).toContain(msg.modelIssue('population.traits.age', 'expected array, found nothing'));
    expect(lines.some((l) => l.startsWith('  at population.traits: ') && l.includes("'agee'"))).toBe(true);
  });

  it('a wrong type: population.size "many"', () => {
    const text = problems(broken((m) => (m.population.size = 'many')));
    expect(text).toBe([msg.modelInvalid(FILE, 1), msg.modelIssue('population.size', 'expected number, found the string "many"')].join('\n'));
  });

  it('an out-of-range value: inflow.traits.motivation.mean 1.5', () => {
    const text = problems(broken((m) => (m.inflow.traits.motivation.mean = 1.5)));
    expect(issueLines(text)).toEqual([msg.modelIssue('inflow.traits.motivation.mean', 'expected <= 1, found number 1.5')]);
  });

  it('a value below its minimum: population.size 0, and a non-integer', () => {
    expect(issueLines(problems(broken((m) => (m.population.size = 0))))).toEqual([
      msg.modelIssue('population.size', 'expected >= 1, found number 0'),
    ]);
    const frac = issueLines(problems(broken((m) => (m.population.size = 10.5))));
    expect(frac).toHaveLength(1);
    expect(frac[0]).toMatch(/^ {2}at population\.size: expected .*int.*, found number 10\.5$/);
  });

  it('shares not adding to 1, in an object of shares, a ladder and a list of bands', () => {
    expect(issueLines(problems(broken((m) => (m.population.traits.education.high = 0.25))))).toEqual([
      msg.modelIssue('population.traits.education', 'expected shares adding up to 1, found 1.1'),
    ]);
    expect(issueLines(problems(broken((m) => (m.inflow.traits.ladder[0] = 0.45))))).toEqual([
      msg.modelIssue('inflow.traits.ladder', 'expected shares adding up to 1, found 1.4'),
    ]);
    expect(issueLines(problems(broken((m) => (m.population.traits.yearsOnBenefit[2].share = 0.3))))).toEqual([
      msg.modelIssue('population.traits.yearsOnBenefit', 'expected shares adding up to 1, found 0.9'),
    ]);
  });

  it('shares within the 0.005 tolerance are accepted', () => {
    expect(() => validateModel(broken((m) => (m.population.traits.education.high = 0.154)), FILE)).not.toThrow();
    expect(() => validateModel(broken((m) => (m.population.traits.education.high = 0.156)), FILE)).toThrow(InputError);
  });

  it('a band whose end is not above its start names the band field', () => {
    const lines = issueLines(problems(broken((m) => (m.population.traits.age[1].to = 27))));
    expect(lines).toContain(msg.modelIssue('population.traits.age[1].to', "expected 'to' above 'from' (27), found 27"));
  });

  it('a policy type that does not exist: policies[0].type "magic" lists the known types', () => {
    const lines = issueLines(problems(broken((m) => (m.policies[0].type = 'magic'))));
    const known = POLICY_TYPES.map((t) => `"${t}"`).join(', ');
    expect(POLICY_TYPES).toContain('tegenprestatie');
    expect(lines).toEqual([msg.modelIssue('policies[0].type', `expected one of ${known}, found the string "magic"`)]);
  });

  it('a policy without a type', () => {
    const lines = issueLines(problems(broken((m) => delete m.policies[0].type)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}at policies\[0\]\.type: expected one of "strict-intake", "intensive-guidance", .*"cohort", found nothing$/);
  });

  it('a misspelt field inside a policy: policies[1].caseloadPerManger', () => {
    const text = problems(
      broken((m) => {
        m.policies[1].caseloadPerManger = m.policies[1].caseloadPerManager;
        delete m.policies[1].caseloadPerManager;
      }),
    );
    expect(text.split('\n')[0]).toBe(msg.modelInvalid(FILE, 2));
    const lines = issueLines(text);
    expect(lines).toContain(msg.modelIssue('policies[1].caseloadPerManager', 'expected number, found nothing'));
    const unknown = lines.find((l) => l.startsWith("  at policies[1]: unknown field 'caseloadPerManger'"));
    expect(unknown).toBeDefined();
    // the fields of *this* policy type (intensive-guidance), not of strict-intake
    expect(unknown).toContain("'caseManagers'");
    expect(unknown).not.toContain("'deterredShare'");
    expect(unknown).toContain("did you mean 'caseloadPerManager'?");
  });

  it('a wrong value inside a scenario policy names the nested list path', () => {
    const text = problems(broken((m) => (m.scenarios[0].policies = [{ type: 'strict-intake', deterredShare: 2, costPerApplicant: 1 }])));
    expect(issueLines(text)).toEqual([msg.modelIssue('scenarios[0].policies[0].deterredShare', 'expected <= 0.9, found number 2')]);
  });

  it('a bad startMonth: month 13, a number, a bad scenario name', () => {
    expect(issueLines(problems(broken((m) => (m.startMonth = '2015-13'))))).toEqual([
      msg.modelIssue('startMonth', 'expected a month as "YYYY-MM", found the string "2015-13"'),
    ]);
    expect(issueLines(problems(broken((m) => (m.startMonth = 201501))))).toEqual([
      msg.modelIssue('startMonth', 'expected string, found number 201501'),
    ]);
    expect(issueLines(problems(broken((m) => (m.scenarios[0].name = 'No Policy'))))).toEqual([
      msg.modelIssue('scenarios[0].name', 'expected a lowercase name with dashes, found the string "No Policy"'),
    ]);
  });

  it('an unknown economy scenario lists the allowed names', () => {
    const lines = issueLines(problems(broken((m) => (m.economy.growth = 'boomm'))));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}at economy\.growth: expected .*found the string "boomm"$/);
  });

  it('lists every problem, counted in the first line', () => {
    const text = problems(
      broken((m) => {
        m.population.size = 'many';
        m.startMonth = '2015-13';
        m.inflow.traits.motivation.mean = 1.5;
      }),
    );
    const [head, ...lines] = text.split('\n');
    expect(head).toBe(msg.modelInvalid(FILE, 3));
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['  at inflow.traits.motivation.mean', '  at population.size', '  at startMonth']);
  });

  it('something that is not a model at all: top-level path', () => {
    const text = problems(42);
    expect(issueLines(text)).toEqual([msg.modelIssue('', 'expected object, found number 42')]);
    expect(text).toContain('at (top level)');
  });
});

describe('formatPath and describeFound', () => {
  it('formats dotted paths with [i] for list items', () => {
    expect(formatPath(['policies', 1, 'caseloadPerManager'])).toBe('policies[1].caseloadPerManager');
    expect(formatPath(['scenarios', 0, 'policies', 2, 'target', 'rungs', 3])).toBe('scenarios[0].policies[2].target.rungs[3]');
    expect(formatPath(['population', 'traits', 'agee'])).toBe('population.traits.agee');
    expect(formatPath([])).toBe('');
  });

  it('describes found values briefly', () => {
    expect(describeFound(undefined)).toBe('nothing');
    expect(describeFound(null)).toBe('null');
    expect(describeFound('x')).toBe('the string "x"');
    expect(describeFound(3)).toBe('number 3');
    expect(describeFound(true)).toBe('boolean true');
    expect(describeFound([1, 2])).toBe('a list of 2');
    expect(describeFound({})).toBe('object');
    const long = describeFound('a'.repeat(100));
    expect(long).toBe(`the string "${'a'.repeat(40)}…"`);
  });
});

describe('loadModel', () => {
  it('loads the fixture, and hashes the file bytes', async () => {
    const file = fixture('small.ts');
    const loaded = await loadModel(file);
    expect(loaded.model.name).toBe('small-town');
    expect(loaded.file).toBe(file);
    expect(loaded.hash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('loads every model under models/ (each with a name matching its file and at least one target)', async () => {
    const files = readdirSync(`${root}models`).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const { model } = await loadModel(`${root}models/${f}`);
      expect(model.name).toBe(f.replace(/\.ts$/, ''));
      expect(model.targets.length).toBeGreaterThan(0);
    }
  });

  it('loads models/rotterdam.ts', async () => {
    const file = `${root}models/rotterdam.ts`;
    const loaded = await loadModel(file);
    expect(loaded.model.name).toBe('rotterdam');
    expect(loaded.model.policies.map((p) => p.type)).toEqual(['strict-intake', 'tegenprestatie', 'sanctions', 'exemption']);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.hash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('an invalid model file: the message names the file as given and the field', async () => {
    const file = fixture('invalid-unknown-field.ts');
    const err = await loadModel(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const text = (err as Error).message;
    expect(text.split('\n')[0]).toBe(msg.modelInvalid(file, 2));
    expect(text).toContain(msg.modelIssue('population.traits.age', 'expected array, found nothing'));
    expect(text).toContain("unknown field 'agee'");
  });

  it('an invalid policy in a model file', async () => {
    const file = fixture('invalid-policy.ts');
    await expect(loadModel(file)).rejects.toThrow(msg.modelInvalid(file, 2));
    await expect(loadModel(file)).rejects.toThrow(msg.modelIssue('policies[1].caseloadPerManager', 'expected number, found nothing'));
    await expect(loadModel(file)).rejects.toThrow(/at policies\[1\]: unknown field 'caseloadPerManger'.*did you mean 'caseloadPerManager'\?/);
    await expect(loadModel(file)).rejects.toBeInstanceOf(InputError);
  });

  it('a missing file', async () => {
    const file = 'models/no-such-town.ts';
    const p = loadModel(file);
    await expect(p).rejects.toBeInstanceOf(InputError);
    await expect(loadModel(file)).rejects.toThrow(msg.modelNotFound(file));
  });

  it('a file without a default export', async () => {
    const file = fixture('invalid-no-default.ts');
    await expect(loadModel(file)).rejects.toThrow(msg.modelNoDefault(file));
    await expect(loadModel(file)).rejects.toBeInstanceOf(InputError);
  });

  it('a file that throws while importing', async () => {
    const file = fixture('throwing-import.ts');
    const err = await loadModel(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(msg.modelImportFailed(file, 'boom while importing the model file'));
  });
});
