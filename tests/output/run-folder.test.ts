/**
 * RunFolder: files live in `<dir>.incomplete` until complete(); streamed files keep a .tmp name
 * until closed; the manifest is written after every other file and before the rename; an existing
 * folder is never reused.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/load.ts';
import { msg } from '../../src/messages.ts';
import { RunFolder } from '../../src/output/run-folder.ts';

/** The files of a work folder, without the `.owner` marker (tested on its own below). */
const listed = (dir: string) => readdirSync(dir).filter((f) => f !== '.owner');

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-folder-'));
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('RunFolder', () => {
  it('works in <dir>.incomplete and creates missing parents', () => {
    const final = join(base, 'nested', 'deeper', 'run');
    const folder = new RunFolder(final);
    expect(folder.finalDir).toBe(final);
    expect(folder.workDir).toBe(final + '.incomplete');
    expect(existsSync(folder.workDir)).toBe(true);
    expect(existsSync(final)).toBe(false);
    expect(readdirSync(join(base, 'nested', 'deeper'))).toEqual(['run.incomplete']);
  });

  it('write() puts whole files in the work folder, with no .tmp left behind', () => {
    const final = join(base, 'run');
    const folder = new RunFolder(final);
    folder.write('summary.json', '{"a":1}\n');
    expect(listed(folder.workDir)).toEqual(['summary.json']);
    expect(readFileSync(join(folder.workDir, 'summary.json'), 'utf8')).toBe('{"a":1}\n');
    expect(existsSync(final)).toBe(false);
    expect(folder.files()).toEqual(['summary.json']);
  });

  it('a streamed file keeps its .tmp name until close, and holds everything written', () => {
    const folder = new RunFolder(join(base, 'run'));
    const s = folder.stream('replicates.csv');
    expect(listed(folder.workDir)).toEqual(['replicates.csv.tmp']);
    const chunk = 'x'.repeat(1000) + '\n';
    let expected = 'header\n';
    s.write('header\n');
    for (let k = 0; k < 1500; k++) {
      s.write(chunk); // 1.5 MB: more than the 1 MB buffer, so some is flushed before close
      expected += chunk;
    }
    expect(listed(folder.workDir)).toEqual(['replicates.csv.tmp']);
    expect(readFileSync(join(folder.workDir, 'replicates.csv.tmp'), 'utf8').length).toBeGreaterThan(0);
    expect(folder.files()).toEqual([]);
    s.close();
    expect(listed(folder.workDir)).toEqual(['replicates.csv']);
    expect(readFileSync(join(folder.workDir, 'replicates.csv'), 'utf8')).toBe(expected);
    expect(folder.files()).toEqual(['replicates.csv']);
  });

  it('complete(): the manifest is written last, then the folder gets its final name', () => {
    const final = join(base, 'run');
    const folder = new RunFolder(final);
    const a = folder.stream('replicates.csv');
    a.write('r\n');
    a.close();
    folder.write('series.csv', 's\n');
    folder.write('summary.json', '{}\n');
    expect(existsSync(final)).toBe(false);
    expect(existsSync(join(folder.workDir, 'manifest.json'))).toBe(false);

    // What the folder looks like at the moment the manifest is serialised (inside complete()).
    let seenAtManifest: string[] = [];
    let finalExistedAtManifest: boolean | undefined;
    const manifest = {
      toJSON() {
        seenAtManifest = listed(folder.workDir).sort();
        finalExistedAtManifest = existsSync(final);
        return { ok: true };
      },
    };
    const dir = folder.complete(manifest);

    expect(seenAtManifest).toEqual(['replicates.csv', 'series.csv', 'summary.json']);
    expect(finalExistedAtManifest).toBe(false);
    expect(dir).toBe(final);
    expect(existsSync(folder.workDir)).toBe(false);
    expect(readdirSync(final).sort()).toEqual(['manifest.json', 'replicates.csv', 'series.csv', 'summary.json']);
    expect(JSON.parse(readFileSync(join(final, 'manifest.json'), 'utf8'))).toEqual({ ok: true });
    expect(readFileSync(join(final, 'replicates.csv'), 'utf8')).toBe('r\n');
    expect(folder.files()).toEqual(['replicates.csv', 'series.csv', 'summary.json', 'manifest.json']);
  });

  it('refuses a folder that exists already, and creates nothing', () => {
    const final = join(base, 'taken');
    mkdirSync(final);
    expect(() => new RunFolder(final)).toThrow(new InputError(msg.outExists(final)));
    expect(existsSync(final + '.incomplete')).toBe(false);
    expect(readdirSync(final)).toEqual([]);
  });

  it('refuses to reuse a leftover <dir>.incomplete from an unfinished run', () => {
    const final = join(base, 'again');
    mkdirSync(final + '.incomplete');
    writeFileSync(join(final + '.incomplete', 'stale.txt'), 'junk');
    expect(() => new RunFolder(final)).toThrow(new InputError(msg.staleIncomplete(final + '.incomplete')));
    expect(existsSync(final)).toBe(false);
  });

  it('refuses a completed run folder', () => {
    const final = join(base, 'run');
    new RunFolder(final).complete({});
    expect(() => new RunFolder(final)).toThrow(final);
  });

  it('marks a live work folder with its process id, and removes the mark when complete', () => {
    const final = join(base, 'run');
    const folder = new RunFolder(final);
    expect(readFileSync(join(folder.workDir, '.owner'), 'utf8').trim()).toBe(String(process.pid));
    folder.complete({});
    expect(readdirSync(final)).toEqual(['manifest.json']);
  });

  it('a work folder held by a running process is never called "left over"', () => {
    const final = join(base, 'busy');
    mkdirSync(final + '.incomplete');
    writeFileSync(join(final + '.incomplete', '.owner'), `${process.ppid}\n`); // a process that runs
    expect(() => new RunFolder(final)).toThrow(new InputError(msg.liveIncomplete(final + '.incomplete', process.ppid)));
  });

  it('a default name that is taken (another run in the same second) gets a suffix, never the same folder', () => {
    const final = join(base, '20260101-120000-seed1');
    const first = new RunFolder(final, { unique: true });
    const second = new RunFolder(final, { unique: true });
    expect(first.workDir).toBe(final + '.incomplete');
    expect(second.workDir).toBe(final + '-2.incomplete');
    expect(first.complete({})).toBe(final);
    expect(new RunFolder(final, { unique: true }).finalDir).toBe(final + '-3');
    expect(second.complete({})).toBe(final + '-2');
  });

  it('a folder that cannot be created (under a file, a name too long) is an InputError naming --out', () => {
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    expect(() => new RunFolder(join(file, 'run'))).toThrow(/^--out .*a-file\/run: the folder cannot be created there \(a part of the path is a file, not a folder\): E(NOTDIR|EXIST)/);
    expect(() => new RunFolder(join(base, 'x'.repeat(300)))).toThrow(/^--out .*: the folder cannot be created there: ENAMETOOLONG/);
    expect(() => new RunFolder('')).toThrow(InputError);
  });
});
