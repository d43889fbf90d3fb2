import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join('node_modules', '.bin', 'tsx');

describe('tsx src/classroom.ts', () => {
  it('explains itself and refuses a bad port', () => {
    const help = spawnSync(TSX, ['src/classroom.ts', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--build DIR');
    const bad = spawnSync(TSX, ['src/classroom.ts', '--port', 'eighty'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("option --port: expected an integer from 0 to 65535, found 'eighty'.");
  });

  it('writes the static page with --build', () => {
    const root = mkdtempSync(join(tmpdir(), 'classroom-cli-'));
    const dir = join(root, 'site');
    try {
      const r = spawnSync(TSX, ['src/classroom.ts', '--build', dir], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/built in .* s: index\.html \d+ KB, app\.js \d+ KB/);
      expect(existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('serves the page and prints its address', async () => {
    const child = spawn(TSX, ['src/classroom.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /classroom: (http:\/\/localhost:\d+\/)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const res = await fetch(url.replace('localhost', '127.0.0.1'));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('uitstroom');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
