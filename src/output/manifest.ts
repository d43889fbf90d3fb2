/** manifest.json: what the run was, so it can be repeated and cited. Written last. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Behaviour } from '../model/behaviour.ts';
import type { Model } from '../model/schema.ts';

export const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export function gitCommit(): { commit: string; dirty: boolean } | null {
  try {
    const opts = { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], opts).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], opts).toString().trim() !== '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

export interface ManifestInput {
  model: Model;
  modelFile: string;
  modelHash: string;
  /** The calibration companion applied, if any. */
  fitted?: { file: string; hash: string; applied: Record<string, number> };
  behaviour: Behaviour;
  scenarios: string[];
  masterSeed: number;
  runs: number;
  months: number;
  workers: number;
  economyNotes: Record<string, string>;
  startedAt: Date;
  files: string[];
  /** The language of the report and table (`--lang`). */
  lang?: string;
}

export function buildManifest(m: ManifestInput) {
  return {
    tool: { name: pkg.name, version: pkg.version },
    node: process.version,
    git: gitCommit(),
    model: { name: m.model.name, file: m.modelFile, sha256: m.modelHash },
    calibration: m.fitted ? { file: m.fitted.file, sha256: m.fitted.hash, applied: m.fitted.applied } : null,
    masterSeed: m.masterSeed,
    runs: m.runs,
    months: m.months,
    workers: m.workers,
    scenarios: m.scenarios,
    economy: m.economyNotes,
    startedAt: m.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    files: m.files,
    lang: m.lang ?? 'en',
    parameters: { model: m.model, behaviour: m.behaviour },
    reproduce: `npx tsx src/run.ts ${m.modelFile} --runs ${m.runs} --seed ${m.masterSeed} --months ${m.months}${m.lang ? ` --lang ${m.lang}` : ''}`,
  };
}
