/**
 * The calibration's companion file, `fitted.json` beside the model files: the jointly fitted
 * shared behavioural parameters and each model's fitted local parameters, as dotted paths. Loading
 * a model applies it (a model's own `behaviour` overrides still win: they are sensitivity runs), and
 * the run's manifest records what was applied. Written by `src/calibrate.ts`; reviewable as a diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const fittedSchema = z.strictObject({
  method: z.string(),
  fittedAt: z.string(),
  /** Objective (sum of squared target misses in tolerance units) at the fitted values. */
  objective: z.number(),
  replicates: z.number().int(),
  seed: z.number().int(),
  /** Shared behavioural parameters: path inside `behaviour` -> value. */
  behaviour: z.record(z.string(), z.number()),
  /** Local parameters by model name: path inside the model -> value. */
  models: z.record(z.string(), z.record(z.string(), z.number())),
  /**
   * What each model file said for its fitted paths when the fit ran. Loading warns when the file
   * now says something else: the edit is overridden by the fitted value until the next fit.
   */
  fileValues: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});

export type Fitted = z.output<typeof fittedSchema>;

export interface FittedFile {
  file: string;
  hash: string;
  fitted: Fitted;
}

/** The companion file of a model file, if there is one. */
export function fittedFileFor(modelFile: string): string {
  return join(dirname(modelFile), 'fitted.json');
}

/**
 * A calibration companion file (fitted.json, ensemble.json): parsed, checked against its schema and
 * hashed; undefined when it does not exist. Errors name the file and each field (`at` before it).
 */
export function readCompanion<S extends z.ZodType>(file: string, schema: S, at = ''): { hash: string; data: z.output<S> } | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${at}${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { hash: createHash('sha256').update(text).digest('hex'), data: r.data };
}

export function readFitted(file: string): FittedFile | undefined {
  const read = readCompanion(file, fittedSchema);
  return read && { file, hash: read.hash, fitted: read.data };
}
