/**
 * Writing CSV fields (RFC 4180) that a spreadsheet cannot run: a text field starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return would be read by Excel or LibreOffice as a formula
 * (CSV injection), so it gets a leading `'`, which spreadsheets show as text.
 * `readCsvText` undoes exactly that when the project reads its own files back.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field, neutralised and quoted where needed. Numbers as they are; NaN (no value, e.g. an interval from one replicate) as NA. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NA' : String(v);
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text, one line each, with a final newline. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** A text field as written by `csvField`, back to what it was. */
export function readCsvText(field: string): string {
  return field.length > 1 && field[0] === "'" && FORMULA_START.test(field.slice(1)) ? field.slice(1) : field;
}
