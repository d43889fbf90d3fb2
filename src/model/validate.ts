/**
 * Validating a model: the zod schema check, the semantic checks (free parameters, targets), and
 * every problem turned into a line naming the field path, what was expected and what was found.
 * Also applying a calibration companion. Pure (no Node modules), so the classroom page's worker
 * validates models exactly as the command line does; `load.ts` adds the file handling.
 */
import { z } from 'zod';
import { msg } from '../messages.ts';
import { modelSchema, type Model } from './schema.ts';
import { resolveBehaviour } from './behaviour.ts';
import { buildPolicies } from '../policies/registry.ts';
import { targetProblems } from '../calibration/targets.ts';
import type { Fitted } from '../calibration/fitted.ts';
import { toPlainData } from './plain.ts';

/** A problem with a user's input; the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}


/** Renders a value found in the input, short. */
export function describeFound(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return `the string ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)}`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${input}`;
  if (Array.isArray(input)) return `a list of ${input.length}`;
  if (input === null) return 'null';
  return typeof input;
}

/** Unwraps optional/default/pipe wrappers to the inner schema. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema as z.core.$ZodType & { def?: { innerType?: z.core.$ZodType; in?: z.core.$ZodType } };
  for (let k = 0; k < 10; k++) {
    const def = (s as { _zod: { def: { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType } } })._zod.def;
    if (def.innerType) s = def.innerType as typeof s;
    else if (def.type === 'pipe' && def.in) s = def.in as typeof s;
    else break;
  }
  return s;
}

/** The field names the schema allows at `path` (best effort; [] when it cannot tell). */
export function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  let s = unwrap(schema);
  let value = input;
  const resolveUnion = () => {
    const def = (s as { _zod: { def: { type: string; options?: z.core.$ZodType[]; discriminator?: string } } })._zod.def;
    if (def.type === 'union' && def.options) {
      const disc = def.discriminator;
      const v = value as Record<string, unknown> | undefined;
      const match = def.options.find((o) => {
        const shape = (unwrap(o) as { _zod: { def: { shape?: Record<string, z.core.$ZodType> } } })._zod.def.shape;
        if (!shape) return false;
        if (!disc) return typeof v === 'object';
        const lit = (shape[disc] as { _zod: { def: { values?: unknown[] } } })._zod.def.values;
        return lit?.includes(v?.[disc]);
      });
      if (match) s = unwrap(match);
    }
  };
  for (const key of path) {
    resolveUnion();
    const def = (s as { _zod: { def: { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } } })._zod.def;
    if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) s = unwrap(def.shape[key]);
    else if (def.type === 'array' && def.element) s = unwrap(def.element);
    else return [];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  resolveUnion();
  const shape = (s as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  return shape ? Object.keys(shape) : [];
}

/** The known key closest to a misspelt one (edit distance at most 3), if any. */
function closest(word: string, known: string[]): string | undefined {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    return d[a.length][b.length];
  };
  let best: string | undefined;
  let bestD = 4;
  for (const k of known) {
    const dk = dist(word, k);
    if (dk < bestD) [best, bestD] = [k, dk];
  }
  return best;
}

/** Formats one zod issue as "expected ..., found ...". `root` is the whole model (for field hints). */
export function describeIssue(issue: z.core.$ZodIssue, root?: unknown, schema: z.core.$ZodType = modelSchema): string {
  const found = describeFound((issue as { input?: unknown }).input);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, found ${found}`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least ' + issue.minimum + ' items' : (issue.inclusive ? '>= ' : '> ') + issue.minimum}, found ${found}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'at most ' + issue.maximum + ' items' : (issue.inclusive ? '<= ' : '< ') + issue.maximum}, found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}`;
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path, root);
      const hint = issue.keys.map((k) => closest(k, known)).filter(Boolean);
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}; expected one of ${known.map((k) => `'${k}'`).join(', ')}${hint.length ? ` (did you mean ${hint.map((h) => `'${h}'`).join(', ')}?)` : ''}`;
    }
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[]; input?: unknown; errors: z.core.$ZodIssue[][] };
      if (u.discriminator && u.options) {
        const value = typeof u.input === 'object' && u.input !== null ? (u.input as Record<string, unknown>)[u.discriminator] : u.input;
        return `expected one of ${u.options.map((o) => JSON.stringify(o)).join(', ')}, found ${describeFound(value)}`;
      }
      // a plain union: say what each alternative would have accepted
      const forms = u.errors.map((branch) => {
        const first = branch[0];
        if (!first) return 'another form';
        if (first.code === 'invalid_value') return first.values.map((v) => JSON.stringify(v)).join(', ');
        if (first.code === 'invalid_type') return `a${/^[aeiou]/.test(first.expected) ? 'n' : ''} ${first.expected}`;
        return describeIssue(first, root, schema).replace(/^expected /, '').replace(/, found .*$/, '');
      });
      return `expected one of ${forms.join(', or ')}, found ${found}`;
    }
    case 'invalid_format':
      return `expected ${issue.message.replace(/^Invalid string: /, '')}, found ${found}`;
    default:
      return issue.message;
  }
}

/**
 * Zod issues with plain unions of objects opened up: when the input is an object and every form
 * fails, the form it comes closest to (fewest problems) speaks, with full paths, so a policy level
 * `{ name: 5, from: 'x' }` reads "at ...levels[0].name: expected string, found number 5" rather
 * than "expected one of a string, or a string".
 */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const u = issue as { code: string; discriminator?: string; errors?: z.core.$ZodIssue[][]; input?: unknown };
    const isObject = typeof u.input === 'object' && u.input !== null && !Array.isArray(u.input);
    if (u.code === 'invalid_union' && !u.discriminator && isObject && u.errors && u.errors.length > 0 && u.errors.every((b) => b.length > 0)) {
      const best = [...u.errors].sort((a, b) => a.length - b.length)[0];
      out.push(...flattenIssues(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue)));
    } else out.push(issue);
  }
  return out;
}

/** Dotted path with [i] for list items, e.g. policies[1].caseloadPerManager. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** The labels of every programme the model's policies run (what targets may refer to). */
export function programmeLabels(model: Model): string[] {
  const out: string[] = [];
  for (const scenario of [{ policies: model.policies }, ...model.scenarios]) {
    for (const p of buildPolicies(scenario.policies ?? [], resolveBehaviour(model.behaviour))) {
      for (const g of p.programmes ?? []) if (!out.includes(g.label)) out.push(g.label);
    }
  }
  return out;
}

/** Free parameters must name a number in the model and have min < max around it. */
function freeProblems(model: Model): string[] {
  const out: string[] = [];
  for (const [k, f] of model.free.entries()) {
    const v = getPath(model, f.path);
    if (typeof v !== 'number') out.push(`free[${k}].path: '${f.path}' is not a number in the model (found ${v === undefined ? 'nothing' : typeof v})`);
    else if (!(f.min < f.max)) out.push(`free[${k}]: min ${f.min} must be below max ${f.max}`);
    else if (v < f.min || v > f.max) out.push(`free[${k}]: the model's value ${v} of '${f.path}' lies outside [${f.min}, ${f.max}]`);
  }
  return out;
}

/** The value at a dotted path (array indices as numbers), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined; // own fields only: never Object.prototype
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Path segments that would reach into prototypes rather than the data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/** A deep copy of `obj` with the number at `path` replaced (intermediate objects created as needed). */
export function setPath<T>(obj: T, path: string, value: number): T {
  const keys = path.split('.');
  const bad = keys.find((k) => FORBIDDEN_KEYS.has(k) || k === '');
  if (bad !== undefined) throw new InputError(`the path '${path}' has a part '${bad}' that is not a field name`);
  const copy = structuredClone(obj) as Record<string, unknown>;
  let cur = copy;
  for (const key of keys.slice(0, -1)) {
    if (cur[key] === undefined || cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
  return copy as T;
}

/** Validates a model object; throws InputError listing every problem. */
export function validateModel(input: unknown, file: string): Model {
  const data = toPlainData(input, file);
  let result;
  try {
    result = modelSchema.safeParse(data, { reportInput: true });
  } catch (e) {
    throw new InputError(`${file}: the model could not be checked: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (result.success) {
    const problems = [...freeProblems(result.data), ...targetProblems(result.data.targets, result.data.horizonMonths, programmeLabels(result.data))];
    if (problems.length === 0) return result.data;
    const lines = problems.map((p) => `  at ${p}`);
    throw new InputError([msg.modelInvalid(file, lines.length), ...lines].join('\n'));
  }
  const lines = flattenIssues(result.error.issues).map((i) => msg.modelIssue(formatPath(i.path), describeIssue(i, data)));
  throw new InputError([msg.modelInvalid(file, lines.length), ...lines].join('\n'));
}

/**
 * The model input with a calibration applied: shared behaviour values (unless the model overrides
 * the same parameter itself) and the model's own fitted local values.
 */
export function applyFitted(input: unknown, model: Model, fitted: Fitted): { model: unknown; applied: Record<string, number>; warnings: string[] } {
  let out = input;
  const applied: Record<string, number> = {};
  const warnings: string[] = [];
  for (const [path, value] of Object.entries(fitted.behaviour)) {
    if (getPath(model.behaviour ?? {}, path) !== undefined) continue; // the model's own override wins
    out = setPath(out, `behaviour.${path}`, value);
    applied[`behaviour.${path}`] = value;
  }
  for (const [path, value] of Object.entries(fitted.models[model.name] ?? {})) {
    const atFit = fitted.fileValues?.[model.name]?.[path];
    const now = getPath(model, path);
    if (atFit !== undefined && typeof now === 'number' && now !== atFit) {
      warnings.push(`warning: ${model.name}: ${path} is ${now} in the model file (it was ${atFit} when fitted), but fitted.json sets ${value}, which is used; refit (npx tsx src/calibrate.ts) or remove the entry from fitted.json to use the file's value`);
    }
    out = setPath(out, path, value);
    applied[path] = value;
  }
  return { model: out, applied, warnings };
}
