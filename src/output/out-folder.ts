/**
 * Checking an output folder named on the command line (`--out`, `--build`) before any work: it
 * must be a non-empty path, not a file, creatable (not under a file, not read-only, not a name
 * too long) and, where a command never overwrites, not there yet. Every failure is an InputError
 * naming the flag and the path.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../model/validate.ts';

export interface OutFolderOptions {
  /** Refuse a folder that exists and is not empty (a command that never overwrites). */
  mustBeNew?: boolean;
  /** Create it now (otherwise it is created and removed again, to prove it can be). */
  create?: boolean;
}

/**
 * `mkdir -p`, one level at a time from the deepest folder that exists. (Node's own
 * `mkdirSync(path, { recursive: true })` loops for ever under /proc, e.g. `--out /proc/x/y`.)
 */
export function makeDirs(path: string): void {
  const missing: string[] = [];
  let cur = resolve(path);
  while (!existsSync(cur)) {
    missing.push(cur);
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const dir of missing.reverse()) mkdirSync(dir);
}

const why = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** Checks (and optionally creates) the folder `dir` given with `flag`; throws InputError. */
export function checkOutFolder(flag: string, dir: string, o: OutFolderOptions = {}): void {
  if (dir.trim() === '') throw new InputError(`option ${flag}: expected a folder path, found ''.`);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InputError(`option ${flag}: ${dir} is a file, not a folder.`);
    if (o.mustBeNew && readdirSync(dir).length > 0) throw new InputError(`option ${flag}: ${dir} exists already and is not empty; choose another folder (nothing is overwritten).`);
    return;
  }
  try {
    makeDirs(dir);
  } catch (e) {
    throw new InputError(`option ${flag}: the folder ${dir} cannot be created: ${why(e)}`);
  }
  if (!o.create) {
    try {
      rmdirSync(dir);
    } catch {
      // left empty; harmless
    }
  }
}
