/**
 * Loading a model file: import it, validate its default export with zod, and turn every problem
 * into a line naming the file, the field path, what was expected and what was found.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { msg } from '../messages.ts';
import { modelSchema, type Model } from './schema.ts';

/** A problem with a user's input; the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface LoadedModel {
  model: Model;
  file: string;
  /** sha256 of the model file's bytes. */
  hash: string;
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

/** Formats one zod issue as "expected ..., found ...". */
export function describeIssue(issue: z.core.$ZodIssue): string {
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
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} (expected none; check the spelling)`;
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator' || (issue as { discriminator?: string }).discriminator) {
        return `expected a known type, found ${found}`;
      }
      return `expected ${issue.message.replace(/^Invalid input:?\s*/, '') || 'one of the allowed forms'}, found ${found}`;
    case 'invalid_format':
      return `expected ${issue.message.replace(/^Invalid string: /, '')}, found ${found}`;
    default:
      return issue.message;
  }
}

/** Dotted path with [i] for list items, e.g. policies[1].caseloadPerManager. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

/** Validates a model object; throws InputError listing every problem. */
export function validateModel(data: unknown, file: string): Model {
  const result = modelSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => msg.modelIssue(formatPath(i.path), describeIssue(i)));
  throw new InputError([msg.modelInvalid(file, lines.length), ...lines].join('\n'));
}

/** Imports, validates and hashes a model file. */
export async function loadModel(file: string): Promise<LoadedModel> {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new InputError(msg.modelNotFound(file));
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(abs).href);
  } catch (e) {
    throw new InputError(msg.modelImportFailed(file, e instanceof Error ? e.message : String(e)));
  }
  if (mod.default === undefined) throw new InputError(msg.modelNoDefault(file));
  const model = validateModel(mod.default, file);
  const hash = createHash('sha256').update(readFileSync(abs)).digest('hex');
  return { model, file, hash };
}
