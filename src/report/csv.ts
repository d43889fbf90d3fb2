/**
 * Reading the CSV files of experiment runs and calibration reports, which quote a field when it
 * holds a comma, a quote or a line break (RFC 4180). Rows come back as objects by column name;
 * a row with the wrong number of fields is refused with its file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../model/load.ts';
import { reportMsg } from './messages.ts';
import { readCsvText } from '../output/csv.ts';

/** One row of a table: column name -> the field as written. */
export type CsvRow = Record<string, string>;

export interface Table {
  header: string[];
  rows: CsvRow[];
}

/** Splits CSV text into records of fields (quoted fields may contain commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      (record = []), (field = '');
    } else field += c;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

/** Reads a CSV file with a header line; throws an InputError naming the file if it is missing or malformed. */
export function readTable(file: string): Table {
  if (!existsSync(file)) throw new InputError(reportMsg.tableMissing(file));
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) throw new InputError(reportMsg.badCsv(file, 1, 'the file is empty'));
  const rows = records.map((cells, i) => {
    if (cells.length !== header.length) throw new InputError(reportMsg.badCsv(file, i + 2, `expected ${header.length} fields, found ${cells.length}`));
    return Object.fromEntries(header.map((h, k) => [readCsvText(h), readCsvText(cells[k])]));
  });
  return { header: header.map(readCsvText), rows };
}

/** A numeric field; an empty field is `undefined` (the run leaves a figure out where it does not apply). */
export function optionalNumber(field: string | undefined): number | undefined {
  return field === undefined || field === '' ? undefined : Number(field);
}

/** A numeric field that must be there. */
export function requiredNumber(row: CsvRow, column: string, file: string): number {
  if (row[column] === 'NA') return NaN; // written where there is no value (one replicate: no interval)
  const v = optionalNumber(row[column]);
  if (v === undefined || Number.isNaN(v)) throw new InputError(reportMsg.badField(file, column, row[column] ?? ''));
  return v;
}
