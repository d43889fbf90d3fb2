/**
 * `src/report.ts` and `src/compare.ts` as a user runs them (child processes): bad input exits 2
 * with a message naming the folder; a finished run folder gets its report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMsg } from '../../src/report/messages.ts';
import { ROOT, smallRun } from './helpers.ts';

const cli = (script: string, args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-report-cli-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('tsx src/report.ts', () => {
  it('a missing folder: exit 2 and a message naming it', () => {
    const missing = join(base, 'no-such-run');
    const r = cli('src/report.ts', [missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${reportMsg.folderMissing(missing)}\n`);
  });

  it('an unfinished run (no manifest.json): exit 2, says it is not a complete run, writes nothing', () => {
    const unfinished = join(base, 'run.incomplete');
    mkdirSync(unfinished);
    const r = cli('src/report.ts', [unfinished]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${reportMsg.incomplete(unfinished)}\n`);
    expect(existsSync(join(unfinished, 'charts'))).toBe(false);
  });

  it('a finished run: exit 0, report.html and six charts', async () => {
    const dir = await smallRun({ runs: 2, base });
    const r = cli('src/report.ts', [dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${reportMsg.wroteReport(join(dir, 'report.html'), 6)}\n`);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });
});

describe('tsx src/compare.ts', () => {
  it('a missing folder among them: exit 2 naming it, nothing written', () => {
    const out = join(base, 'cmp-missing');
    const r = cli('src/compare.ts', [join(base, 'a'), join(base, 'b'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${reportMsg.folderMissing(join(base, 'a'))}\n`);
    expect(existsSync(out)).toBe(false);
  });
});
