/**
 * A run folder that never looks complete before it is. Files are written inside
 * `<final>.incomplete/`; each file is written to `<name>.tmp` and renamed; `manifest.json` is
 * written last; then the folder is renamed to its final name. An interrupted run leaves only a
 * `.incomplete` folder without a manifest.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { msg } from '../messages.ts';
import { InputError } from '../model/load.ts';

export class RunFolder {
  readonly workDir: string;
  private readonly written: string[] = [];

  /** `reopen`: continue in the existing `<finalDir>.incomplete` (a resumed run) instead of creating it. */
  constructor(readonly finalDir: string, options: { reopen?: boolean } = {}) {
    if (existsSync(finalDir)) throw new InputError(msg.outExists(finalDir));
    this.workDir = join(dirname(finalDir), basename(finalDir) + '.incomplete');
    if (options.reopen) return;
    if (existsSync(this.workDir)) throw new InputError(msg.staleIncomplete(this.workDir));
    mkdirSync(dirname(this.workDir), { recursive: true });
    mkdirSync(this.workDir);
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

  /** Records a file another writer has put into the folder under its final name (e.g. Parquet). */
  record(name: string): void {
    this.written.push(name);
  }

  files(): string[] {
    return [...this.written];
  }

  /** Writes the manifest last and gives the folder its final name. */
  complete(manifest: unknown): string {
    this.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    return this.finish();
  }

  /** Gives the folder its final name (after its last file, e.g. a shard's `shard.json`). */
  finish(): string {
    renameSync(this.workDir, this.finalDir);
    return this.finalDir;
  }
}
