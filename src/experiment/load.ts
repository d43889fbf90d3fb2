/**
 * Loading an experiment file and the models it names. A wrong field stops with the file, the
 * field path, what was expected and what was found (exit code 2), like a model file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { msg } from '../messages.ts';
import { describeIssue, flattenIssues, formatPath, importDefault, InputError, loadModel, type LoadedModel } from '../model/load.ts';
import { toPlainData } from '../model/plain.ts';
import { experimentSchema, type Experiment } from './schema.ts';

export interface LoadedExperiment {
  experiment: Experiment;
  file: string;
  hash: string;
  /** Every model the experiment names, loaded (with the calibration applied), by name. */
  models: Map<string, LoadedModel>;
}

/** True when a module's default export says it is an experiment (rather than a model). */
export function isExperiment(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'experiment';
}

export function validateExperiment(input: unknown, file: string): Experiment {
  const data = toPlainData(input, file);
  let r;
  try {
    r = experimentSchema.safeParse(data, { reportInput: true });
  } catch (e) {
    throw new InputError(`${file}: the experiment could not be checked: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (r.success) return r.data;
  const lines = flattenIssues(r.error.issues).map((i) => msg.modelIssue(formatPath(i.path), describeIssue(i, data, experimentSchema)));
  throw new InputError([msg.modelInvalid(file, lines.length, 'experiment file'), ...lines].join('\n'));
}

/** The model names an experiment refers to. */
export function modelNames(e: Experiment): string[] {
  return [...new Set(modelRefs(e).map((r) => r.name))];
}

/** Each model name the experiment refers to, with the field that names it (first mention). */
export function modelRefs(e: Experiment): { name: string; path: string }[] {
  const refs: { name: string; path: string }[] = [{ name: e.design.base, path: 'design.base' }];
  if (e.design.kind === 'factorial') {
    e.design.factors.forEach((f, i) => {
      if (f.kind === 'model') f.levels.forEach((l, j) => refs.push({ name: l.from, path: `design.factors[${i}].levels[${j}].from` }));
      if (f.kind === 'policies') f.levels.forEach((l, j) => { if ('from' in l) refs.push({ name: l.from, path: `design.factors[${i}].levels[${j}].from` }); });
    });
  }
  return refs.filter((r, k) => refs.findIndex((x) => x.name === r.name) === k);
}

export async function loadExperiment(file: string, data?: unknown): Promise<LoadedExperiment> {
  const abs = resolve(file);
  if (data === undefined) {
    if (!existsSync(abs)) throw new InputError(msg.modelNotFound(file));
    data = await importDefault(file);
  }
  const experiment = validateExperiment(data, file);
  // models live in the folder above models/experiments/
  const modelDir = join(dirname(abs), '..');
  const models = new Map<string, LoadedModel>();
  for (const { name, path: field } of modelRefs(experiment)) {
    const path = join(modelDir, `${name}.ts`);
    if (!existsSync(path)) throw new InputError(`${file}: at ${field}: names the model '${name}', but ${path} does not exist`);
    try {
      models.set(name, await loadModel(path));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(`${file}: at ${field}: '${name}' is not a usable model (${path}):\n${e.message}`);
    }
  }
  return { experiment, file, hash: createHash('sha256').update(readFileSync(abs)).digest('hex'), models };
}
