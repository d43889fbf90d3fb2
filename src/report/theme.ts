/**
 * The look of every chart and the words for numbers and months: one colour-vision-safe palette
 * (Okabe & Ito 2008), one font (DejaVu Sans, shipped in assets/fonts/), and number formats that
 * do not depend on the machine's locale.
 */
import { formatNumber, MONTHS, type Lang } from './lang.ts';

/** Okabe-Ito colours, ordered so the first scenarios get the most distinct ones (yellow last). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** Exit routes, each with its own Okabe-Ito colour. */
export const ROUTES = [
  { metric: 'exitsWork', label: 'work', color: '#009E73' },
  { metric: 'exitsSchool', label: 'school / removed', color: '#E69F00' },
  { metric: 'exitsNonInfluenceable', label: 'non-influenceable', color: '#56B4E9' },
] as const;

export const FONT = 'DejaVu Sans';

/** Vega-Lite config shared by every chart. */
export const VEGA_CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', color: '#111111', subtitleFontSize: 11, subtitleColor: '#444444', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', titleColor: '#222222', labelColor: '#333333', gridColor: '#e8e8e8' },
  legend: { symbolOpacity: 1, labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal' },
  header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'bold' },
  view: { stroke: null },
} as const;

/** Colour scale for scenarios: the same colour for a scenario in every chart of a run. */
export function scenarioScale(scenarios: string[]) {
  return { domain: scenarios, range: scenarios.map((_, i) => PALETTE[i % PALETTE.length]) };
}


/** Year and month index (0-11) of month `t` after `startMonth` ("YYYY-MM"). */
function yearMonth(startMonth: string, t: number): [number, number] {
  const [y, m] = startMonth.split('-').map(Number);
  const k = y * 12 + (m - 1) + t;
  return [Math.floor(k / 12), k % 12];
}

/** The first day of month `t` as a UTC timestamp (charts use UTC scales: no time-zone shifts). */
export function monthTime(startMonth: string, t: number): number {
  const [y, m] = yearMonth(startMonth, t);
  return Date.UTC(y, m, 1);
}

/** "Mar 2016" (nl "mrt 2016") for month `t`. */
export function monthName(startMonth: string, t: number, lang: Lang = 'en'): string {
  const [y, m] = yearMonth(startMonth, t);
  return `${MONTHS[lang][m]} ${y}`;
}

/** A number with thousands separators and a fixed number of decimals: "1,850", "54.7" (nl "1.850", "54,7"). */
export const num = (x: number, decimals = 0, lang: Lang = 'en'): string => formatNumber(x, decimals, lang);

/** A difference with its sign: "+102", "-0.8". */
export const signed = (x: number, decimals = 0, lang: Lang = 'en') => (x > 0 && Number(x.toFixed(decimals)) !== 0 ? '+' : '') + num(x, decimals, lang);

/** Decimals that suit a headline's unit. */
export const decimalsFor = (unit: string) => (unit === 'people' ? 0 : 1);

/** "1,756 to 1,826" (nl "1.756 tot 1.826"): an interval in words (not a hyphen, which would read as a minus sign); n/a (nl n.b.) for one replicate. */
export const range = (lo: number, hi: number, decimals = 0, lang: Lang = 'en') =>
  Number.isFinite(lo) && Number.isFinite(hi) ? `${num(lo, decimals, lang)} ${lang === 'nl' ? 'tot' : 'to'} ${num(hi, decimals, lang)}` : formatNumber(NaN, 0, lang); // one replicate: no interval

/** "between 1,756 and 1,826" (nl "tussen 1.756 en 1.826") */
export const between = (lo: number, hi: number, decimals = 0, lang: Lang = 'en') =>
  lang === 'nl' ? `tussen ${num(lo, decimals, lang)} en ${num(hi, decimals, lang)}` : `between ${num(lo, decimals)} and ${num(hi, decimals)}`;
