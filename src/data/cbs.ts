/**
 * The one door through which observed data enter the model: the CBS / Divosa / UWV tables in
 * `data/cbs/` (tidy CSV: geo, period, measure, value, unit, source_id, confidence, note; sources in
 * `data/cbs/SOURCES.md`), the AOW age by year (`data/cbs/aow_age.csv`) and the national
 * labour-market tightness points (`data/nl-tightness.csv`). CSV is parsed with d3-dsv and every
 * row is validated with zod here, once; a malformed row stops with the file, line and field.
 *
 * Read `data/cbs/SOURCES.md` before using a number: persons vs benefits (households), under-AOW
 * vs all ages, and the denominators of the percentages differ between tables.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { z } from 'zod';

const TIDY_FILES = ['municipal', 'nl_flows', 'nl_caseload', 'nl_composition', 'exit_and_recurrence', 'labour_market'] as const;
export type TidyFile = (typeof TIDY_FILES)[number];

const tidyRow = z.strictObject({
  geo: z.string().min(1),
  period: z.string().min(1),
  measure: z.string().regex(/^[a-z0-9_]+$/),
  value: z.coerce.number().refine(Number.isFinite, 'a finite number'),
  unit: z.string(),
  source_id: z.string().min(1),
  confidence: z.string(),
  note: z.string(),
});
export type TidyRow = z.output<typeof tidyRow> & { file: TidyFile };

const aowRow = z.strictObject({
  year: z.coerce.number().int().min(1950).max(2100),
  aow_age_years: z.coerce.number().int().min(60).max(75),
  aow_age_months: z.coerce.number().int().min(0).max(11),
  source: z.string(),
});

const tightnessRow = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  vacancies_per_unemployed: z.coerce.number().positive(),
  source: z.string().min(1),
});

const economyRow = z.object({
  year: z.coerce.number().int(),
  unemployment_rate_pct: z.string(),
});

function parseFile<T extends z.ZodType>(relative: string, schema: T): z.output<T>[] {
  const text = readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8');
  return csvParse(text).map((raw, k) => {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new Error(`${relative} line ${k + 2}: ${i.path.join('.') || 'row'}: ${i.message}`);
    }
    return r.data;
  });
}

let tidy: TidyRow[] | undefined;

/** Every row of the tidy CBS tables. */
export function cbsRows(): readonly TidyRow[] {
  tidy ??= TIDY_FILES.flatMap((file) => parseFile(`data/cbs/${file}.csv`, tidyRow).map((r) => ({ ...r, file })));
  return tidy;
}

/** A figure with its source: what a model file cites. */
export interface Figure {
  value: number;
  sourceId: string;
  geo: string;
  period: string;
  measure: string;
}

/** The one row for (geo, period, measure); an error naming the three when there is none or several. */
export function cbs(geo: string, period: string, measure: string, file?: TidyFile): Figure {
  const rows = cbsRows().filter((r) => r.geo === geo && r.period === period && r.measure === measure && (file === undefined || r.file === file));
  if (rows.length !== 1) throw new Error(`data/cbs${file ? `/${file}.csv` : ''}: ${rows.length === 0 ? 'no' : rows.length} row(s) for geo '${geo}', period '${period}', measure '${measure}'`);
  const r = rows[0];
  return { value: r.value, sourceId: r.source_id, geo, period, measure };
}

/** The yearly flows of a municipality (or 'NL') in persons under AOW age, from the CBS municipal tables. */
export interface TownYear {
  year: number;
  /** Persons on bijstand under AOW age at the end of the year. */
  stock: Figure;
  inflow: Figure;
  outflow: Figure;
  outflowToWork: Figure;
  /** Inhabitants from 15 to the AOW age. */
  inhabitants: Figure;
}

export function townYear(geo: string, year: number): TownYear {
  const at = (m: string) => cbs(geo, String(year), m, 'municipal');
  return {
    year,
    stock: at('persons_bijstand_u_aow'),
    inflow: at('inflow_u_aow'),
    outflow: at('outflow_u_aow'),
    outflowToWork: at('outflow_to_work_u_aow'),
    inhabitants: at('inhabitants_u_aow'),
  };
}

/**
 * The caseload at the start of a year: the end-of-year stock less the year's inflow plus its
 * outflow (CBS counts persons who started or left in the year once; a person who both left and came
 * back in the year makes this an approximation, within about 1%).
 */
export function stockAtStart(geo: string, year: number): number {
  const y = townYear(geo, year);
  return Math.round(y.stock.value - y.inflow.value + y.outflow.value);
}

let aow: Map<number, number> | undefined;

/** The AOW (state pension) age in months for a calendar year, from `data/cbs/aow_age.csv`. */
export function aowAgeMonths(year: number): number {
  aow ??= new Map(parseFile('data/cbs/aow_age.csv', aowRow).map((r) => [r.year, r.aow_age_years * 12 + r.aow_age_months]));
  const years = [...aow.keys()].sort((a, b) => a - b);
  const y = Math.min(Math.max(year, years[0]), years[years.length - 1]);
  if (year < years[0] - 30) throw new Error(`data/cbs/aow_age.csv starts in ${years[0]}; no AOW age for ${year}`);
  return aow.get(y)!;
}

/** A dated point of a national labour-market series (month index: year * 12 + month - 1). */
export interface Point { at: number; value: number }

const monthIndex = (period: string) => { const [y, m] = period.split('-').map(Number); return y * 12 + m - 1; };

let tightness: Point[] | undefined;
let unemployment: Point[] | undefined;

/** Vacancies per unemployed person, national, dated points (CBS; `data/nl-tightness.csv`). */
export function tightnessPoints(): readonly Point[] {
  tightness ??= parseFile('data/nl-tightness.csv', tightnessRow).map((r) => ({ at: monthIndex(r.period), value: r.vacancies_per_unemployed }));
  return tightness;
}

/** The national unemployment rate (%, ILO), yearly values placed at mid-year (`data/nl-economy.csv`). */
export function unemploymentPoints(): readonly Point[] {
  unemployment ??= parseFile('data/nl-economy.csv', economyRow)
    .filter((r) => r.unemployment_rate_pct !== '')
    .map((r) => ({ at: r.year * 12 + 6, value: Number(r.unemployment_rate_pct) }));
  return unemployment;
}

/** Linear interpolation between dated points; the first and last values hold outside them. */
export function interpolate(points: readonly Point[], at: number): number {
  if (at <= points[0].at) return points[0].value;
  for (let k = 1; k < points.length; k++) {
    if (at <= points[k].at) {
      const a = points[k - 1], b = points[k];
      return a.value + ((b.value - a.value) * (at - a.at)) / (b.at - a.at);
    }
  }
  return points[points.length - 1].value;
}

/** Regional unemployment rate (%) for a geo and year from `labour_market.csv`. */
export function regionalUnemployment(geo: string, year: number): Figure {
  return cbs(geo, String(year), 'unemployment_rate');
}
