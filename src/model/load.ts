/**
 * Loading a model file: import it, validate its default export with zod (`validate.ts`), and apply
 * the calibration companion `fitted.json` beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { msg } from '../messages.ts';
import type { Model } from './schema.ts';
import { fittedFileFor, readFitted, type FittedFile } from '../calibration/fitted.ts';
import { applyFitted, InputError, validateModel } from './validate.ts';

export {
  InputError,
  describeFound,
  knownKeys,
  describeIssue,
  formatPath,
  programmeLabels,
  getPath,
  setPath,
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

/** Imports, validates and hashes a model file, and applies its calibration companion. */
export async function loadModel(file: string, options: { useFitted?: boolean } = {}): Promise<LoadedModel> {
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
  const { useFitted = true } = options;
  let companion: FittedFile | undefined;
  try {
    companion = useFitted ? readFitted(fittedFileFor(abs)) : undefined;
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
  if (!companion) return { model, file, hash };
  const { model: fittedModel, applied, warnings } = applyFitted(mod.default, model, companion.fitted);
  for (const w of warnings) console.error(w);
  return { model: validateModel(fittedModel, `${file} with ${companion.file}`), file, hash, fitted: { file: companion.file, hash: companion.hash, applied } };
}
