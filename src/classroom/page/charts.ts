/**
 * The page's charts: vega-lite specs compiled once and drawn on canvas by a vega View whose named
 * data sets are replaced as months arrive. A chart is re-created when the language, the projector
 * mode or the run's months change (its titles and axes do); its data are kept and set again.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { t, type Key } from './i18n.ts';

/** Colours shared by the charts and the people view. */
export const COLOURS = {
  live: '#1f5fa8',
  ghost: '#9aa3ad',
  work: '#2e8b57',
  school: '#c8781e',
  other: '#8c6bb1',
  a: '#1f5fa8',
  b: '#d1495b',
  diff: '#444444',
};

export interface Frame {
  /** First and last month as timestamps. */
  domain: [number, number];
  width: number;
  /** Large text for a projector. */
  large: boolean;
}

function config(large: boolean) {
  const s = large ? 1.6 : 1;
  return {
    font: 'system-ui, sans-serif',
    axis: { labelFontSize: 11 * s, titleFontSize: 11 * s, grid: true, gridColor: '#eceff3' },
    legend: { labelFontSize: 11 * s, titleFontSize: 11 * s, orient: 'bottom' as const, direction: 'horizontal' as const, title: null, labelLimit: 320 },
    header: { labelFontSize: 11 * s, titleFontSize: 11 * s },
    view: { stroke: null },
    background: 'transparent',
  };
}

/** Shared top-level settings; `resize` lays the chart out again as its data (and axis labels) change. */
const base = (f: Frame) => ({ config: config(f.large), autosize: { type: 'pad' as const, resize: true } });

const x = (f: Frame) => ({ field: 'date', type: 'temporal' as const, title: null, scale: { domain: f.domain }, axis: { tickCount: 5 } });
const height = (f: Frame, h: number) => Math.round(h * (f.large ? 1.3 : 1));

export const spec = {
  caseload: (f: Frame): TopLevelSpec => ({
    ...base(f),
    width: f.width, height: height(f, 170),
    data: { name: 'caseload' },
    mark: { type: 'line', strokeWidth: 2.5, clip: true },
    encoding: {
      x: x(f),
      y: { field: 'value', type: 'quantitative', title: null, scale: { zero: true } },
      color: { field: 'series', type: 'nominal', scale: { domain: [t('thisRun'), t('previousRun')], range: [COLOURS.live, COLOURS.ghost] } },
      strokeDash: { field: 'series', type: 'nominal', scale: { domain: [t('thisRun'), t('previousRun')], range: [[1, 0], [5, 3]] } },
    },
  }),
  exits: (f: Frame): TopLevelSpec => ({
    ...base(f),
    width: f.width, height: height(f, 130),
    data: { name: 'exits' },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: x(f),
      y: { field: 'count', type: 'quantitative', stack: 'zero', title: null },
      color: { field: 'route', type: 'nominal', sort: null, scale: { domain: [t('routeWork'), t('routeSchool'), t('routeOther')], range: [COLOURS.work, COLOURS.school, COLOURS.other] } },
      order: { field: 'order', type: 'quantitative' },
    },
  }),
  // shares (%) and indices (0-100, start = 100) are different units: one panel, one axis each
  composition: (f: Frame): TopLevelSpec => ({
    ...base(f),
    data: { name: 'composition' },
    facet: { row: { field: 'panel', type: 'nominal', sort: [t('panelShares'), t('panelIndex')], title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left' } } },
    spec: {
      width: f.width, height: height(f, 70),
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x: x(f),
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: true }, axis: { tickCount: 3 } },
        color: {
          field: 'measure', type: 'nominal', sort: null,
          scale: { domain: [t('share45'), t('share5y'), t('motivation'), t('employability')], range: ['#1f5fa8', '#c8781e', '#2e8b57', '#d1495b'] },
          legend: { columns: 2 },
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
  }),
  small: (f: Frame): TopLevelSpec => ({
    ...base(f),
    data: { name: 'small' },
    facet: { field: 'replicate', type: 'ordinal', title: null, sort: null },
    columns: 3,
    spec: {
      width: Math.round(f.width / 3) - 30, height: height(f, 60),
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1.5, color: COLOURS.live },
          encoding: {
            x: { ...x(f), axis: { tickCount: 3 } },
            y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { tickCount: 3 } },
          },
        },
      ],
    },
  }),
  fan: (f: Frame, titleKey: Key = 'chartFan'): TopLevelSpec => ({
    ...base(f),
    width: f.width, height: height(f, 170),
    data: { name: 'fan' },
    title: { text: '', fontSize: 0 },
    layer: [
      { mark: { type: 'area', opacity: 0.2 }, encoding: { x: x(f), y: { field: 'p05', type: 'quantitative', title: null, scale: { zero: false } }, y2: { field: 'p95' }, color: { field: 'setting', type: 'nominal', scale: titleKey === 'chartCompare' ? { domain: ['A', 'B'], range: [COLOURS.a, COLOURS.b] } : { domain: [''], range: [COLOURS.live] }, legend: titleKey === 'chartCompare' ? {} : null } } },
      { mark: { type: 'area', opacity: 0.35 }, encoding: { x: x(f), y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' }, color: { field: 'setting', type: 'nominal' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: x(f), y: { field: 'p50', type: 'quantitative' }, color: { field: 'setting', type: 'nominal' } } },
    ],
  }),
  difference: (f: Frame): TopLevelSpec => ({
    ...base(f),
    width: f.width, height: height(f, 120),
    layer: [
      { data: { name: 'diff' }, mark: { type: 'area', opacity: 0.3, color: COLOURS.diff }, encoding: { x: x(f), y: { field: 'lo', type: 'quantitative', title: null, axis: { format: ',.0f' } }, y2: { field: 'hi' } } },
      { data: { name: 'diff' }, mark: { type: 'line', color: COLOURS.diff, strokeWidth: 2 }, encoding: { x: x(f), y: { field: 'mean', type: 'quantitative' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#000', strokeDash: [2, 2] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
  }),
  programmes: (f: Frame): TopLevelSpec => ({
    ...base(f),
    width: f.width - 160, height: { step: height(f, 26) },
    data: { name: 'programmes' },
    layer: [
      { mark: { type: 'tick', opacity: 0.35, color: COLOURS.live, thickness: 2 }, encoding: { x: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%' } }, y: { field: 'programme', type: 'nominal', title: null, sort: null } } },
      { mark: { type: 'tick', color: '#000', thickness: 3 }, encoding: { x: { field: 'share', aggregate: 'mean', type: 'quantitative' }, y: { field: 'programme', type: 'nominal', sort: null } } },
    ],
  }),
};

/** d3-style locales, so the charts' months and numbers follow the page's language. */
const LOCALES = {
  en: {
    number: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
    time: {
      dateTime: '%a %e %b %Y', date: '%d/%m/%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
  nl: {
    number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
    time: {
      dateTime: '%a %e %B %Y', date: '%d-%m-%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
      days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'], shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
      months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
      shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    },
  },
};

/** Sets the charts' number and month names (charts drawn afterwards use them). */
export function setChartLocale(lang: 'en' | 'nl'): void {
  vega.formatLocale(LOCALES[lang].number);
  vega.timeFormatLocale(LOCALES[lang].time);
}

/** A chart in an element: its spec builder, its current data, its View. */
export class Chart {
  private view: vega.View | undefined;
  private readonly data = new Map<string, object[]>();
  private dirty = false;

  constructor(private readonly el: HTMLElement, private readonly build: (f: Frame) => TopLevelSpec) {}

  /** (Re)creates the view for `frame`, keeping the data. */
  render(frame: Frame): void {
    this.view?.finalize();
    const compiled = compile(this.build(frame)).spec;
    this.view = new vega.View(vega.parse(compiled), { renderer: 'canvas', container: this.el, hover: false });
    for (const [name, rows] of this.data) this.view.data(name, rows);
    void this.view.runAsync();
    this.dirty = false;
  }

  set(name: string, rows: object[]): void {
    this.data.set(name, rows);
    this.view?.data(name, rows);
    this.dirty = true;
  }

  /** Redraws if data changed since the last draw (called once per animation frame). */
  flush(): void {
    if (!this.dirty || !this.view) return;
    this.dirty = false;
    const t0 = performance.now();
    this.view.run();
    this.drawMs.push(performance.now() - t0);
  }

  /** How long each redraw took (ms), for the page's responsiveness figures. */
  readonly drawMs: number[] = [];

  /** The drawn canvas (tests compare its pixels). */
  canvas(): HTMLCanvasElement | null {
    return this.el.querySelector('canvas');
  }
}

/** Month `t` of a run starting in `startMonth` ("YYYY-MM"), as a timestamp (the first of the month, local time). */
export function dateOf(startMonth: string, t: number): number {
  const key = `${startMonth}/${t}`;
  let d = dates.get(key);
  if (d === undefined) {
    const [y, m] = startMonth.split('-').map(Number);
    d = new Date(y, m - 1 + t, 1).getTime();
    dates.set(key, d);
  }
  return d;
}

const dates = new Map<string, number>();
