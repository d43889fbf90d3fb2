/**
 * The manifest of an experiment run (written by src/experiment/pipeline.ts), and how to tell an
 * experiment folder from a plain run folder: its manifest has an `experiment` entry.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment } from '../experiment/schema.ts';
import { InputError } from '../model/load.ts';
import { reportMsg } from './messages.ts';
import { checkJson, experimentManifestSchema } from './manifest-schema.ts';

export interface ExperimentManifest {
  tool: { name: string; version: string };
  node: string;
  git: { commit: string; dirty: boolean } | null;
  experiment: { name: string; file: string; sha256: string; design: Experiment['design']['kind'] };
  /** Every model the experiment used, with the calibration applied when it was loaded. */
  models: Record<string, { file: string; sha256: string; calibration: { file: string; hash: string; applied: Record<string, number> } | null }>;
  seed: number;
  replicates: number;
  months: number;
  workers: number;
  startedAt: string;
  finishedAt: string;
  files: string[];
  parameters: { experiment: Experiment };
  reproduce: string;
  /** The report's language (`--lang`); absent in runs made before it existed. */
  lang?: string;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(reportMsg.badJson(file, (e as Error).message));
  }
}

/** True when `dir` holds a manifest.json naming an experiment (a malformed manifest is not one). */
export function isExperimentFolder(dir: string): boolean {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return false;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { experiment?: unknown };
    return typeof m === 'object' && m !== null && typeof m.experiment === 'object' && m.experiment !== null;
  } catch {
    return false;
  }
}

/** Throws an InputError unless `dir` is a finished experiment folder with every file its manifest lists. */
export function checkExperimentFolder(dir: string): void {
  if (!existsSync(dir)) throw new InputError(reportMsg.folderMissing(dir));
  if (!statSync(dir).isDirectory()) throw new InputError(reportMsg.notAFolder(dir));
  if (!existsSync(join(dir, 'manifest.json'))) throw new InputError(reportMsg.incomplete(dir));
  const m = readManifest(dir);
  for (const f of m.files ?? []) if (!existsSync(join(dir, f))) throw new InputError(reportMsg.fileMissing(dir, f));
}

export function readManifest(dir: string): ExperimentManifest {
  const file = join(dir, 'manifest.json');
  return checkJson(experimentManifestSchema, readJson(file), file) as unknown as ExperimentManifest;
}
