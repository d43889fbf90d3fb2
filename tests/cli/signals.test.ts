/**
 * Stopping a run whichever process of the tree gets the signal (`src/cli/signals.ts`):
 * a Ctrl-C that arrives twice within milliseconds (tsx relays it) still stops cleanly with the
 * "interrupted" line, and a SIGTERM sent only to `npx` stops the run under it rather than letting it
 * finish for nobody. Either way: exit 130 (where we can see it), `<out>.incomplete` without a manifest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// long enough to be interrupted: thousands of replicates of the small town in the main thread
const ARGS = ['tests/fixtures/small.ts', '--runs', '5000', '--workers', '0', '--no-charts'];

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'uitstroom-signals-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function watch(child: ChildProcess) {
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null }>((resolve) => child.on('close', (code) => resolve({ code })));
  return { done, stderr: () => stderr };
}

async function untilExists(path: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const t0 = Date.now();
  while (!existsSync(path)) {
    if (Date.now() - t0 > 60_000) throw new Error(`${path} never appeared; stderr: ${stderr()}`);
    if (child.exitCode !== null) throw new Error(`exited early with ${child.exitCode}; stderr: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000)); // the batch is under way
}

async function within<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => (onTimeout(), reject(new Error(`no exit within ${ms} ms`))), ms)))]).finally(() => clearTimeout(timer));
}

describe('signals', () => {
  it('a Ctrl-C relayed twice within 20 ms stops cleanly: exit 130 and the "interrupted" line, not "leaving at once"', async () => {
    const out = join(tmp, 'twice');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/run.ts', ...ARGS, '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const w = watch(child);
    await untilExists(out + '.incomplete', child, w.stderr);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const r = await within(w.done, 20_000, () => child.kill('SIGKILL'));
    expect(r.code).toBe(130);
    expect(w.stderr()).toContain(msg.interrupted(out + '.incomplete'));
    expect(w.stderr()).not.toContain(msg.leftAtOnce);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(out + '.incomplete', 'manifest.json'))).toBe(false);
  });

  it('SIGTERM to npx alone: the run under it stops too, says so, and leaves no complete folder', async () => {
    const out = join(tmp, 'npx');
    const child = spawn('npx', ['tsx', 'src/run.ts', ...ARGS, '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    const w = watch(child);
    try {
      await untilExists(out + '.incomplete', child, w.stderr);
      process.kill(child.pid!, 'SIGTERM'); // npx only, not its group
      // 'close' fires once every process holding the stderr pipe (npx, tsx, the run) has exited
      await within(w.done, 30_000, () => process.kill(-child.pid!, 'SIGKILL'));
      expect(w.stderr()).toContain(msg.interrupted(out + '.incomplete'));
      expect(w.stderr()).toMatch(/\(stopped by (SIGTERM|the launching process \d+ ended)\)/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(out + '.incomplete', 'manifest.json'))).toBe(false);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group has gone
      }
    }
  });
});
