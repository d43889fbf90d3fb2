import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOnly } from '../../src/classroom/build.ts';

describe('the browser bundle', () => {
  it('refuses Node modules, naming the importer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'browser-only-'));
    writeFileSync(join(dir, 'entry.ts'), "import { cpus } from 'node:os';\nexport const n = cpus().length;\n");
    await expect(build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, write: false, logLevel: 'silent', plugins: [browserOnly] })).rejects.toThrow(
      /node:os is imported by .*entry\.ts: the classroom worker runs in a browser and cannot use Node modules/,
    );
  });

  it('replaces node:fs with the inlined economic data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'browser-only-'));
    writeFileSync(join(dir, 'entry.ts'), "import { readFileSync } from 'node:fs';\nexport const csv = readFileSync(new URL('file:///x/data/nl-economy.csv'), 'utf8');\n");
    const out = await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, write: false, format: 'esm', logLevel: 'silent', plugins: [browserOnly] });
    const mod = (await import(`data:text/javascript,${encodeURIComponent(out.outputFiles[0].text)}`)) as { csv: string };
    expect(mod.csv.split('\n')[0]).toContain('gdp_growth_pct');
  });
});
