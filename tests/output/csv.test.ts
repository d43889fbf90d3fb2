/** CSV fields a spreadsheet cannot run as formulas, and read back unchanged. */
import { describe, expect, it } from 'vitest';
import { csvField, csvText, readCsvText } from '../../src/output/csv.ts';
import { parseCsv } from '../../src/report/csv.ts';

describe('csvField', () => {
  it('neutralises text that a spreadsheet would read as a formula', () => {
    for (const bad of ['=1+1', '+1', '-cmd', '@SUM(A1)', '\tx', '=HYPERLINK("http://x","y")']) {
      const f = csvField(bad);
      expect(f.replace(/^"/, '')[0]).toBe("'");
    }
  });

  it('leaves ordinary text and numbers alone (negative numbers stay numbers), NaN as NA', () => {
    expect(csvField('none')).toBe('none');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(Number.NaN)).toBe('NA');
    expect(csvField('a,b')).toBe('"a,b"');
  });

  it('round-trips through the reader', () => {
    const rows = [['=evil', '-x', 'plain', 'a "q", b', '@'], ['1', '2', '3', '4', '5']];
    const back = parseCsv(csvText(rows)).map((r) => r.map(readCsvText));
    expect(back).toEqual(rows);
  });
});
