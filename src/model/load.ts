/**
 * Loading a model file: import it, validate its default export with zod (`validate.ts`), and apply
 * the calibration companion `fitted.json` beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { msg } from '../messages.ts';
import type { Model } from './schema.ts';
import { fittedFileFor, readFitted, type FittedFile } from '../calibration/fitted.ts';
import { applyFitted, InputError, validateModel } from './validate.ts';
import { toPlainData } from './plain.ts';

export {
  InputError,
  describeFound,
  knownKeys,
  describeIssue,
  formatPath,
  flattenIssues,
  programmeLabels,
  getPath,
  setPath,
  FORBIDDEN_KEYS,
  validateModel,
  applyFitted,
} from './validate.ts';

export interface LoadedModel {
  model: Model;
  file: string;
  /** sha256 of the model file's bytes. */
  hash: string;
  /** The calibration companion applied (`fitted.json` beside the model), with what it set. */
  fitted?: { file: string; hash: string; applied: Record<string, number> };
}

/**
 * Imports a model, experiment or lesson-model file and returns its default export as plain data.
 * The file runs as code with the user's rights (it is a script, to be trusted like one); what it
 * exports is then copied and checked, so a Proxy, a throwing getter or a class instance is a
 * message naming the field, never a crash later.
 */
export async function importDefault(file: string): Promise<unknown> {
  const abs = resolve(file);
  if (!existsSync(abs)) throw new InputError(msg.modelNotFound(file));
  if (!statSync(abs).isFile()) throw new InputError(msg.modelNotAFile(file));
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(abs).href);
  } catch (e) {
    const text = e instanceof Error ? e.message.split('\n').filter(Boolean).slice(0, 3).join(' ') : String(e);
    throw new InputError(msg.modelImportFailed(file, text));
  }
  let raw: unknown;
  try {
    raw = mod.default;
  } catch (e) {
    throw new InputError(msg.modelImportFailed(file, e instanceof Error ? e.message.split('\n')[0] : String(e)));
  }
  if (raw === undefined) throw new InputError(msg.modelNoDefault(file));
  return toPlainData(raw, file);
}

/** Imports, validates and hashes a model file, and applies its calibration companion. */
export async function loadModel(file: string, options: { useFitted?: boolean } = {}): Promise<LoadedModel> {
  const abs = resolve(file);
  const input = await importDefault(file);
  const model = validateModel(input, file);
  const hash = createHash('sha256').update(readFileSync(abs)).digest('hex');
  const { useFitted = true } = options;
  let companion: FittedFile | undefined;
  try {
    companion = useFitted ? readFitted(fittedFileFor(abs)) : undefined;
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
  if (!companion) return { model, file, hash };
  const { model: fittedModel, applied, warnings } = applyFitted(input, model, companion.fitted);
  for (const w of warnings) console.error(w);
  return { model: validateModel(fittedModel, `${file} with ${companion.file}`), file, hash, fitted: { file: companion.file, hash: companion.hash, applied } };
}
