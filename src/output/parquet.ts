/**
 * Parquet tables through `hyparquet-writer`, streamed: rows are buffered up to one row group
 * (64 Ki rows) and written, so memory stays flat however long the table. The file is written as
 * `<name>.tmp` in the run folder and renamed on close, like every other file of a run. The same
 * rows give the same bytes (no timestamps in the file).
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { RunFolder } from './run-folder.ts';

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE';
export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** The tables a run writes as CSV, as Parquet, or both (`--format`). */
export type TableFormat = 'csv' | 'parquet' | 'both';
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'parquet', 'both'];
export const wantsCsv = (f: TableFormat | undefined) => f !== 'parquet';
export const wantsParquet = (f: TableFormat | undefined) => f === 'parquet' || f === 'both';

const ROW_GROUP = 1 << 16;

export class ParquetTable {
  private readonly writer: ParquetWriter;
  private readonly buffers: (string | number)[][];
  private rows = 0;

  constructor(private readonly tmp: string, private readonly columns: readonly ColumnSpec[], private readonly onClose: () => void) {
    const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: c.type, nullable: false })) });
    this.writer = new ParquetWriter({ writer: fileWriter(tmp), schema, createdBy: 'uitstroom' });
    this.buffers = columns.map(() => []);
  }

  /** One row, values in column order. */
  add(values: readonly (string | number)[]): void {
    for (let j = 0; j < values.length; j++) this.buffers[j].push(values[j]);
    if (++this.rows >= ROW_GROUP) this.flush();
  }

  private flush(): void {
    if (this.rows === 0) return;
    const columnData = this.columns.map((c, j) => ({
      name: c.name,
      type: c.type,
      nullable: false,
      data: c.type === 'STRING' ? (this.buffers[j] as string[]) : c.type === 'INT32' ? Int32Array.from(this.buffers[j] as number[]) : Float64Array.from(this.buffers[j] as number[]),
    }));
    void this.writer.write({ columnData, rowGroupSize: ROW_GROUP });
    for (const b of this.buffers) b.length = 0;
    this.rows = 0;
  }

  close(): void {
    this.flush();
    void this.writer.finish();
    this.onClose();
  }
}

/** Opens `<name>` in a run folder; it keeps its `.tmp` name until `close`. */
export function openParquet(folder: RunFolder, name: string, columns: readonly ColumnSpec[]): ParquetTable {
  const tmp = join(folder.workDir, name + '.tmp');
  return new ParquetTable(tmp, columns, () => {
    renameSync(tmp, join(folder.workDir, name));
    folder.record(name);
  });
}

/**
 * A table given as CSV text in this project's dialect (comma, `"` quoting when a value holds a
 * comma, quote or newline), as Parquet: a column whose every value is a number becomes DOUBLE, any
 * other STRING. Used for the experiment tables, which are built as CSV.
 */
export function csvToParquet(folder: RunFolder, name: string, text: string): void {
  const rows = parseCsv(text);
  const [head, ...body] = rows;
  const isNumber = (v: string) => v !== '' && Number.isFinite(Number(v));
  const columns: ColumnSpec[] = head.map((h, j) => ({ name: h, type: body.length > 0 && body.every((r) => isNumber(r[j])) ? 'DOUBLE' : 'STRING' }));
  const table = openParquet(folder, name, columns);
  for (const r of body) table.add(columns.map((c, j) => (c.type === 'DOUBLE' ? Number(r[j]) : r[j])));
  table.close();
}

/** Parses CSV text of this project's dialect into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
