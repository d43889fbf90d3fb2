/**
 * Building blocks of the chart specs: the month axis, tooltips, and a panel of lines with bands
 * (mean of the runs, 90% and optionally 50% of runs) coloured by scenario. Specs are plain
 * Vega-Lite JSON; `render.ts` compiles them and reports any warning.
 */
import type { TopLevelSpec } from 'vega-lite';
import { vegaLocale, type Lang } from './lang.ts';
import { VEGA_CONFIG } from './theme.ts';
import { words } from './words.ts';

/** A Vega-Lite (sub)spec as plain JSON. */
export type Json = Record<string, unknown>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Completes a top-level spec: schema, shared config (with the language's number and time locale), title and subtitle. */
export function topLevel(title: string, subtitle: string | string[], body: Json, lang: Lang = 'en'): TopLevelSpec {
  const locale = vegaLocale(lang);
  const config = locale ? { ...VEGA_CONFIG, locale } : VEGA_CONFIG;
  return { $schema: SCHEMA, title: { text: title, subtitle }, config, ...body } as unknown as TopLevelSpec;
}

/** The x channel for months: UTC dates (a UTC scale formats its labels in UTC too), labelled "Jan 2015", a tick every 3, 6 or 12 months. */
export function xMonth(months: number, title: string | null = 'Month'): Json {
  const step = months <= 24 ? 3 : months <= 72 ? 6 : 12;
  return {
    field: 'date',
    type: 'temporal',
    scale: { type: 'utc' },
    title,
    axis: { format: '%b %Y', labelAngle: 0, tickCount: { interval: 'month', step }, labelOverlap: true },
  };
}

/** A tooltip entry: a field, its title in words and a d3 number format. */
export const tip = (field: string, title: string, format?: string): Json =>
  format ? { field, title, type: 'quantitative', format } : { field, title, type: 'nominal' };

export interface BandPanel {
  rows: Json[];
  /** Field of the colour (the series name) and its scale. */
  colorField: string;
  colorTitle: string;
  colorScale: { domain: string[]; range: string[] };
  title?: string;
  yTitle: string;
  /** d3 format of the values in tooltips. */
  format: string;
  months: number;
  /** Draw the middle-50% band too (rows need p25/p75). */
  middleBand?: boolean;
  width: number;
  height: number;
  /** Extra tooltip entries after the standard ones. */
  extraTips?: Json[];
  /** Extra layers drawn on top (a zero line, marked points). */
  extraLayers?: Json[];
  zero?: boolean;
  /** The language of the month axis title and tooltips (default English). */
  lang?: Lang;
}

/**
 * Lines of the mean with the 90% band of runs (and the 50% band if asked), one colour per series;
 * rows carry `date`, `month` (in words), the colour field, `mean`, `p05`, `p95` (and `p25`, `p75`).
 * Extra layers bring their own data and encodings (nothing is inherited).
 */
export function bandPanel(p: BandPanel): Json {
  const color = { field: p.colorField, type: 'nominal', title: p.colorTitle, scale: p.colorScale, sort: p.colorScale.domain };
  const W = words(p.lang ?? 'en');
  const x = xMonth(p.months, W.month);
  const y = (field: string) => ({ field, type: 'quantitative', title: p.yTitle, scale: { zero: p.zero ?? false } });
  const enc = (e: Json) => ({ x, color, ...e });
  const layers: Json[] = [
    { mark: { type: 'area', opacity: 0.15 }, encoding: enc({ y: y('p05'), y2: { field: 'p95' } }) },
    ...(p.middleBand ? [{ mark: { type: 'area', opacity: 0.3 }, encoding: enc({ y: y('p25'), y2: { field: 'p75' } }) }] : []),
    { mark: { type: 'line', strokeWidth: 2 }, encoding: enc({ y: y('mean') }) },
    {
      mark: { type: 'point', opacity: 0, size: 90, filled: true },
      encoding: enc({
        y: y('mean'),
        tooltip: [
          tip(p.colorField, p.colorTitle),
          tip('month', W.month),
          tip('mean', W.meanOfRuns, p.format),
          ...(p.middleBand ? [tip('p25', W.percentile(25), p.format), tip('p75', W.percentile(75), p.format)] : []),
          tip('p05', W.percentile(5), p.format),
          tip('p95', W.percentile(95), p.format),
          ...(p.extraTips ?? []),
        ],
      }),
    },
    ...(p.extraLayers ?? []),
  ];
  return {
    ...(p.title ? { title: p.title } : {}),
    width: p.width,
    height: p.height,
    data: { values: p.rows },
    layer: layers,
  };
}
