/** manifest.json: what the run was, so it can be repeated and cited. Written last. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A path as the manifest records it: relative to the project root when inside it (portable), else absolute. */
export function recordedPath(file: string): string {
  const abs = resolve(file);
  const rel = relative(ROOT, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
}

/**
 * A file's own state in git: `committed` (tracked, as in HEAD), `modified` (tracked, changed),
 * `untracked`, `ignored`, `outside the repository`, or null when git cannot tell. The tree's
 * `dirty` flag ignores untracked files, so a model file never committed needs this to show it.
 */
export function gitFileStatus(file: string): string | null {
  const abs = resolve(file);
  const rel = relative(ROOT, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return 'outside the repository';
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--ignored', '--', rel], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const code = out.slice(0, 2);
    if (out.trim() === '') return 'committed';
    if (code === '??') return 'untracked';
    if (code === '!!') return 'ignored';
    return 'modified';
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
  /** The ensemble of parameter sets the replicates were spread over (none: the fitted point). */
  ensemble?: { file: string; sha256: string; sets: number } | null;
}

export function buildManifest(m: ManifestInput) {
  return {
    tool: { name: pkg.name, version: pkg.version },
    node: process.version,
    git: gitCommit(),
    model: { name: m.model.name, file: recordedPath(m.modelFile), sha256: m.modelHash, git: gitFileStatus(m.modelFile) },
    calibration: m.fitted ? { file: recordedPath(m.fitted.file), sha256: m.fitted.hash, git: gitFileStatus(m.fitted.file), applied: m.fitted.applied } : null,
    ensemble: m.ensemble ? { file: recordedPath(m.ensemble.file), sha256: m.ensemble.sha256, git: gitFileStatus(m.ensemble.file), sets: m.ensemble.sets } : null,
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
    reproduce: `npx tsx src/run.ts ${m.modelFile} --runs ${m.runs} --seed ${m.masterSeed} --months ${m.months}${m.lang ? ` --lang ${m.lang}` : ''}${m.ensemble ? '' : ' --no-ensemble'}`,
  };
}
