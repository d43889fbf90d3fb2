/**
 * A run folder that never looks complete before it is. Files are written inside
 * `<final>.incomplete/`; each file is written to `<name>.tmp` and renamed; `manifest.json` is
 * written last; then the folder is renamed to its final name. An interrupted run leaves only a
 * `.incomplete` folder without a manifest.
 *
 * The work folder is created with one `mkdir` (which fails if it exists), so two runs never share
 * it; while a run writes, `.owner` inside holds its process id, so a later run can tell a live
 * folder from one left behind. A default name (no `--out`) that is taken gets a suffix `-2`, `-3`...
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { msg } from '../messages.ts';
import { InputError } from '../model/validate.ts';
import { makeDirs } from './out-folder.ts';

const OWNER = '.owner';

/** True when a process with this id is running. */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process that holds a work folder, if it still runs. */
function liveOwner(workDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(workDir, OWNER), 'utf8').trim());
    return isAlive(pid) && pid !== process.pid ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface RunFolderOptions {
  /** A default name: when taken, try `<name>-2`, `<name>-3`... instead of refusing. */
  unique?: boolean;
  /** How the user named the folder, for messages (default `--out`). */
  flag?: string;
}

export class RunFolder {
  readonly workDir: string;
  readonly finalDir: string;
  private readonly written: string[] = [];

  constructor(finalDir: string, options: RunFolderOptions = {}) {
    const flag = options.flag ?? '--out';
    if (finalDir.trim() === '') throw new InputError(msg.badFlagValue(flag.replace(/^-+/, ''), 'a folder path', finalDir));
    try {
      makeDirs(dirname(finalDir));
    } catch (e) {
      throw new InputError(msg.outUnusable(flag, finalDir, e));
    }
    for (let k = 1; ; k++) {
      const candidate = k === 1 ? finalDir : `${finalDir}-${k}`;
      const work = join(dirname(candidate), basename(candidate) + '.incomplete');
      const taken = existsSync(candidate) || existsSync(work);
      if (taken && options.unique && k < 1000) continue;
      if (existsSync(candidate)) throw new InputError(msg.outExists(candidate));
      if (existsSync(work)) {
        const pid = liveOwner(work);
        throw new InputError(pid === undefined ? msg.staleIncomplete(work) : msg.liveIncomplete(work, pid));
      }
      try {
        mkdirSync(work); // fails if another run created it in the meantime
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST' && options.unique) continue;
        throw new InputError(msg.outUnusable(flag, candidate, e));
      }
      this.finalDir = candidate;
      this.workDir = work;
      break;
    }
    writeFileSync(join(this.workDir, OWNER), `${process.pid}\n`);
  }

  /** Writes a whole file atomically (tmp, then rename). */
  write(name: string, content: string): void {
    const tmp = join(this.workDir, name + '.tmp');
    writeFileSync(tmp, content);
    renameSync(tmp, join(this.workDir, name));
    this.written.push(name);
  }

  /** Opens a file for streaming; it keeps its `.tmp` name until `close`. */
  stream(name: string): { write: (text: string) => void; close: () => void } {
    const tmp = join(this.workDir, name + '.tmp');
    const fd = openSync(tmp, 'w');
    let buffer = '';
    const flush = () => {
      if (buffer) writeSync(fd, buffer);
      buffer = '';
    };
    return {
      write: (text) => {
        buffer += text;
        if (buffer.length > 1 << 20) flush();
      },
      close: () => {
        flush();
        closeSync(fd);
        renameSync(tmp, join(this.workDir, name));
        this.written.push(name);
      },
    };
  }

  files(): string[] {
    return [...this.written];
  }

  /** Writes the manifest last and gives the folder its final name. */
  complete(manifest: unknown): string {
    this.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    rmSync(join(this.workDir, OWNER), { force: true });
    if (existsSync(this.finalDir)) throw new InputError(msg.outExists(this.finalDir)); // never rename onto another run
    renameSync(this.workDir, this.finalDir);
    return this.finalDir;
  }
}
