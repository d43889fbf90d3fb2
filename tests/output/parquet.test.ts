/**
 * Parquet outputs (`--format`): replicates.parquet and series.parquet hold exactly the rows of
 * the CSV files (read back with hyparquet), are byte-identical whatever the number of workers and
 * after a merge of shards; experiment tables convert with their types. When Python with pyarrow
 * is present, pyarrow reads them too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/merge.ts';
import { parseCsv } from '../../src/output/parquet.ts';
import { fmt } from '../../src/output/stats.ts';
import { runPipeline } from '../../src/pipeline.ts';

const MODEL_FILE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
const RUNS = 4;
const MONTHS = 12;
const SEED = 31;
let base: string;

const readParquet = async (file: string) => parquetReadObjects({ file: await asyncBufferFromFile(file) }) as Promise<Record<string, unknown>[]>;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-parquet-'));
  const common = { modelFile: MODEL_FILE, runs: RUNS, seed: SEED, months: MONTHS };
  await runPipeline({ ...common, workers: 0, out: join(base, 'both'), format: 'both' });
  await runPipeline({ ...common, workers: 2, out: join(base, 'parquet'), format: 'parquet' });
  for (const i of [0, 1]) await runPipeline({ ...common, workers: 1, out: join(base, `shard${i}`), shard: { index: i, count: 2 } });
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('--format parquet', () => {
  it('replicates.parquet has the rows and values of replicates.csv, typed', async () => {
    const csv = parseCsv(readFileSync(join(base, 'both', 'replicates.csv'), 'utf8'));
    const rows = await readParquet(join(base, 'both', 'replicates.parquet'));
    const [head, ...body] = csv;
    expect(rows.length).toBe(RUNS * 2 * MONTHS);
    expect(Object.keys(rows[0])).toEqual(head);
    expect(typeof rows[0].replicate).toBe('number');
    expect(typeof rows[0].scenario).toBe('string');
    rows.forEach((row, i) => {
      head.forEach((h, j) => {
        const v = row[h];
        expect(typeof v === 'number' ? fmt(v) : v, `${h} in row ${i}`).toBe(body[i][j]);
      });
    });
  });

  it('series.parquet matches series.csv', async () => {
    const [head, ...body] = parseCsv(readFileSync(join(base, 'both', 'series.csv'), 'utf8'));
    const rows = await readParquet(join(base, 'both', 'series.parquet'));
    expect(rows.length).toBe(body.length);
    const k = 57;
    expect(head.map((h) => (typeof rows[k][h] === 'number' ? fmt(rows[k][h] as number) : rows[k][h]))).toEqual(body[k]);
  });

  it('parquet alone replaces replicates.csv (series.csv stays for the charts), byte-identical across workers', () => {
    expect(readFileSync(join(base, 'parquet', 'replicates.parquet')).equals(readFileSync(join(base, 'both', 'replicates.parquet')))).toBe(true);
    expect(readFileSync(join(base, 'parquet', 'series.parquet')).equals(readFileSync(join(base, 'both', 'series.parquet')))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(base, 'parquet', 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual(expect.arrayContaining(['replicates.parquet', 'series.csv', 'series.parquet', 'summary.json']));
    expect(manifest.files).not.toContain('replicates.csv');
  });

  it('a merge of shards writes the same Parquet bytes', () => {
    const merged = mergeShards([join(base, 'shard0'), join(base, 'shard1')], join(base, 'merged'), 'parquet');
    expect(readFileSync(join(merged.dir, 'replicates.parquet')).equals(readFileSync(join(base, 'both', 'replicates.parquet')))).toBe(true);
  });

  const python = spawnSync('python3', ['-c', 'import pyarrow'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!python)('pyarrow reads them (skipped: no python3 with pyarrow here)', () => {
    const r = spawnSync('python3', ['-c', `import pyarrow.parquet as pq; t = pq.read_table('${join(base, 'both', 'replicates.parquet')}'); print(t.num_rows, t.column('replicate').type)`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`${RUNS * 2 * MONTHS} int32`);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",3\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '3']]);
  });
});
