/**
 * Loading an experiment file and the models it names. A wrong field stops with the file, the
 * field path, what was expected and what was found (exit code 2), like a model file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { msg } from '../messages.ts';
import { describeIssue, formatPath, InputError, loadModel, type LoadedModel } from '../model/load.ts';
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

export function validateExperiment(data: unknown, file: string): Experiment {
  const r = experimentSchema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => msg.modelIssue(formatPath(i.path), describeIssue(i, data, experimentSchema)));
  throw new InputError([msg.modelInvalid(file, lines.length), ...lines].join('\n'));
}

/** The model names an experiment refers to. */
export function modelNames(e: Experiment): string[] {
  const names = new Set<string>([e.design.base]);
  if (e.design.kind === 'factorial') {
    for (const f of e.design.factors) {
      if (f.kind === 'model') for (const l of f.levels) names.add(l.from);
      if (f.kind === 'policies') for (const l of f.levels) if ('from' in l) names.add(l.from);
    }
  }
  return [...names];
}

export async function loadExperiment(file: string, data?: unknown): Promise<LoadedExperiment> {
  const abs = resolve(file);
  if (data === undefined) {
    if (!existsSync(abs)) throw new InputError(msg.modelNotFound(file));
    data = (await import(pathToFileURL(abs).href)).default;
  }
  const experiment = validateExperiment(data, file);
  // models live in the folder above models/experiments/
  const modelDir = join(dirname(abs), '..');
  const models = new Map<string, LoadedModel>();
  for (const name of modelNames(experiment)) {
    const path = join(modelDir, `${name}.ts`);
    if (!existsSync(path)) throw new InputError(`${file}: names the model '${name}', but ${path} does not exist`);
    models.set(name, await loadModel(path));
  }
  return { experiment, file, hash: createHash('sha256').update(readFileSync(abs)).digest('hex'), models };
}
