import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/calibrate.ts';

const quiet = () => {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void out.push(String(s)));
  return out;
};

describe('tsx src/calibrate.ts', () => {
  it('a wrong flag names itself and shows the help; exit 2', async () => {
    const out = quiet();
    expect(await main(['models/emmen.ts', '--evaluatons', '3'])).toBe(2);
    expect(out.join('\n')).toMatch(/evaluatons/);
    expect(out.join('\n')).toMatch(/usage: tsx src\/calibrate\.ts/);
    vi.restoreAllMocks();
  });

  it('no model file, or a bad value: exit 2 with a message', async () => {
    const out = quiet();
    expect(await main([])).toBe(2);
    expect(await main(['models/emmen.ts', '--runs', 'many'])).toBe(2);
    expect(out.join('\n')).toMatch(/--runs: expected an integer from 1 to 10000, found 'many'/);
    vi.restoreAllMocks();
  });

  it('--check measures the targets and writes the report; exit 0 only if every target is met', async () => {
    const out = quiet();
    const dir = join(mkdtempSync(join(tmpdir(), 'uitstroom-cal-')), 'report');
    const code = await main(['models/enschede.ts', '--check', '--runs', '2', '--workers', '0', '--out', dir]);
    const report = readFileSync(join(dir, 'calibration.md'), 'utf8');
    expect(report).toMatch(/\| enschede \| cbs-stock-2015 \|/);
    expect(report).toMatch(/## Identification/);
    const csv = readFileSync(join(dir, 'targets.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(13); // 12 CBS targets and the header
    const met = csv.slice(1).every((row) => row.endsWith('true'));
    expect(code).toBe(met ? 0 : 1);
    expect(out.join('\n')).toMatch(/targets within tolerance/);
    vi.restoreAllMocks();
  }, 60_000);
});
