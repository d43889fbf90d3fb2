/**
 * The `historical` scenario: annual Dutch GDP growth 2008-2024 from `data/nl-economy.csv`
 * (sources and caveats in `data/README.md`). Years after the last row hold the last value and
 * are marked as extrapolated.
 */
import { readFileSync } from 'node:fs';
import type { AnnualPath } from './scenarios.ts';

const CSV = new URL('../../data/nl-economy.csv', import.meta.url);

export interface YearRow { year: number; gdpGrowthPct: number }

let cache: YearRow[] | undefined;

/** The GDP growth rows of the data file (every year 2008-2024 has a value). */
export function loadGrowthByYear(): YearRow[] {
  if (cache) return cache;
  const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  const col = header.split(',').indexOf('gdp_growth_pct');
  cache = lines.map((l) => {
    const cells = l.split(',');
    return { year: Number(cells[0]), gdpGrowthPct: Number(cells[col]) };
  });
  return cache;
}

/** The historical path for a simulation starting in `startYear` and running `years` years. */
export function historicalPath(startYear: number, years: number): AnnualPath {
  const rows = loadGrowthByYear();
  const first = rows[0].year;
  const last = rows[rows.length - 1].year;
  if (startYear < first + 2 || startYear > last) {
    throw new Error(`the historical economy covers ${first + 2}-${last} as a start year (data ${first}-${last}); found ${startYear}`);
  }
  const at = (y: number) => rows[Math.min(y, last) - first].gdpGrowthPct;
  const out: number[] = [];
  for (let y = startYear; y < startYear + years; y++) out.push(at(y));
  const extrapolated = startYear + years - 1 > last ? `; ${last + 1}-${startYear + years - 1} hold ${last}'s value (extrapolated)` : '';
  return {
    before: [at(startYear - 2), at(startYear - 1)],
    years: out,
    note: `CBS annual GDP growth ${startYear}-${Math.min(last, startYear + years - 1)}, each month at its year's rate${extrapolated}`,
  };
}
