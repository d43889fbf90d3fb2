/**
 * Vega-Lite specs of a run's charts, data inlined as `data.values`: caseload (fan chart), exits by
 * route, inflow and re-entries, composition, contrasts against the first scenario, and costs with
 * the cumulative saving. Each builder takes the loaded run and returns one top-level spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunData } from './data.ts';
import { bands, caseloadPaths, cumulativeCosts, savings } from './derive.ts';
import { bandPanel, tip, topLevel, xMonth, type Json } from './marks.ts';
import { monthName, monthTime, ROUTES, scenarioScale } from './theme.ts';
import { words } from './words.ts';
import { textWidth } from './text-metrics.ts';

/** A chart of the report: file name (without extension), title in words and its spec. */
export interface Chart {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

const WIDE = 640;
const runsWord = (run: RunData) => words(run.lang).runsWord(run.manifest.runs);
const at = (run: RunData, t: number) => ({ date: monthTime(run.startMonth, t), month: monthName(run.startMonth, t, run.lang) });

/** (1) Caseload on the first of each month: mean line, 50% and 90% bands of runs, per scenario. */
export function caseloadChart(run: RunData): Chart {
  const rows = run.scenarios.flatMap((scenario) =>
    bands(caseloadPaths(run, scenario)).map((b, t) => ({ scenario, ...at(run, t), ...b })),
  );
  const W = words(run.lang);
  const title = W.caseloadTitle;
  const spec = topLevel(
    title,
    W.caseloadSubtitle(runsWord(run)),
    bandPanel({
      rows, colorField: 'scenario', colorTitle: W.scenario, colorScale: scenarioScale(run.scenarios), lang: run.lang,
      yTitle: W.peopleOnBenefit, format: ',.0f', months: run.months + 1, middleBand: true, width: WIDE, height: 300, zero: true,
    }),
    run.lang,
  );
  return { name: 'caseload', title, spec };
}

/** (2) Exits per month by route, stacked, one panel per scenario. */
export function exitsChart(run: RunData): Chart {
  const W = words(run.lang);
  const rows = run.scenarios.flatMap((scenario) =>
    ROUTES.flatMap((route, order) =>
      run.series(scenario, route.metric).mean.map((mean, t) => ({ scenario, ...at(run, t), route: W.routes[route.metric], order, mean })),
    ),
  );
  const title = W.exitsTitle;
  const labels = ROUTES.map((r) => W.routes[r.metric]);
  const spec = topLevel(title, W.exitsSubtitle(runsWord(run)), {
    data: { values: rows },
    facet: { row: { field: 'scenario', type: 'nominal', title: null, sort: run.scenarios, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: WIDE,
      height: 150,
      mark: { type: 'bar' },
      encoding: {
        x: { ...xMonth(run.months, W.month), timeUnit: 'utcyearmonth' },
        y: { field: 'mean', type: 'quantitative', stack: 'zero', title: W.exitsPerMonth },
        color: {
          field: 'route', type: 'nominal', title: W.route, sort: labels,
          scale: { domain: labels, range: ROUTES.map((r) => r.color) },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [tip('scenario', W.scenario), tip('month', W.month), tip('route', W.route), tip('mean', W.exitsMean, ',.1f')],
      },
    },
  }, run.lang);
  return { name: 'exits-by-route', title, spec };
}

/** Rows of one series.csv metric for every scenario: mean and 90% band, times `scale`. */
function seriesRows(run: RunData, metric: string, scale = 1): Json[] {
  return run.scenarios.flatMap((scenario) => {
    const s = run.series(scenario, metric);
    return s.mean.map((mean, t) => ({ scenario, ...at(run, t), mean: mean * scale, p05: s.p05[t] * scale, p95: s.p95[t] * scale }));
  });
}

/** Panels of series.csv metrics side by side, sharing the scenario colours. */
function panels(run: RunData, width: number, list: { metric: string; title: string; yTitle: string; format: string; scale?: number; zero: boolean }[]): Json {
  return {
    hconcat: list.map((p) =>
      bandPanel({
        rows: seriesRows(run, p.metric, p.scale), colorField: 'scenario', colorTitle: words(run.lang).scenario, colorScale: scenarioScale(run.scenarios),
        title: p.title, yTitle: p.yTitle, format: p.format, months: run.months, width, height: 220, zero: p.zero, lang: run.lang,
      }),
    ),
  };
}

/** (3) Applicants admitted and re-entries after leaving by any route, per month. */
export function inflowChart(run: RunData): Chart {
  const W = words(run.lang);
  const title = W.inflowTitle;
  const spec = topLevel(title, W.inflowSubtitle(runsWord(run)), panels(run, 300, [
    { metric: 'admitted', title: W.admittedPanel, yTitle: W.peoplePerMonth, format: ',.1f', zero: true },
    { metric: 'reentries', title: W.reentriesPanel, yTitle: W.peoplePerMonth, format: ',.1f', zero: true },
  ]), run.lang);
  return { name: 'inflow', title, spec };
}

/** (4) Composition of the caseload: share 45+, share 5+ years on benefit, mean employability. */
export function compositionChart(run: RunData): Chart {
  const W = words(run.lang);
  const title = W.compositionTitle;
  const spec = topLevel(title, W.compositionSubtitle(runsWord(run)), panels(run, 190, [
    { metric: 'share45Plus', title: W.aged45, yTitle: W.shareOfCaseload, format: '.1f', scale: 100, zero: true },
    { metric: 'share5YearsPlus', title: W.fiveYears, yTitle: W.shareOfCaseload, format: '.1f', scale: 100, zero: true },
    { metric: 'meanEmployability', title: W.employability, yTitle: W.employabilityIndex, format: '.3f', zero: false },
  ]), run.lang);
  return { name: 'composition', title, spec };
}

/** Headlines shown as contrasts, grouped by the unit of their difference. */
export const CONTRAST_GROUPS = [
  { unit: 'people', title: 'People, over the whole run', metrics: ['caseloadEnd', 'exitsWork', 'exitsSchool', 'exitsNonInfluenceable', 'admitted', 'deterred', 'reentries'] },
  { unit: 'percentage points', title: 'Percentage points, at the end', metrics: ['share45PlusEnd', 'share5YearsPlusEnd'] },
  { unit: 'EUR million', title: 'EUR million, over the whole run', metrics: ['benefitCost', 'programmeCost', 'totalCost'] },
] as const;

/** (6) Every other scenario minus the first, paired per replicate: mean, 95% CI and 95% range. */
export function contrastsChart(run: RunData): Chart | null {
  if (run.scenarios.length < 2) return null;
  const W = words(run.lang);
  const first = run.scenarios[0];
  const others = run.scenarios.slice(1);
  const rows = CONTRAST_GROUPS.flatMap((g) =>
    run.summary.contrasts
      .filter((c) => (g.metrics as readonly string[]).includes(c.metric))
      .map((c) => ({
        group: W.contrastGroups[g.unit], metric: c.metric, scenario: c.scenario, comparison: W.minus(c.scenario, c.against), label: W.headline[c.metric] ?? c.label,
        order: (g.metrics as readonly string[]).indexOf(c.metric),
        mean: c.difference.mean, ciLo: c.difference.ci95[0], ciHi: c.difference.ci95[1],
        rangeLo: c.difference.range95[0], rangeHi: c.difference.range95[1],
      })),
  );
  const title = W.contrastsTitle(first);
  const fmt = ',.2~f';
  const x = (field: string) => ({ field, type: 'quantitative', title: W.differenceFrom(first), scale: { zero: true } });
  // a fixed axis width lines the three panels up; wide enough for the longest label in either language, never truncated
  const labelWidth = Math.ceil(Math.max(...rows.map((r) => textWidth(r.label, 11)))) + 8;
  const y = { field: 'label', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { minExtent: labelWidth, maxExtent: labelWidth, labelLimit: 0 } };
  const palette = scenarioScale(run.scenarios);
  const color = { field: 'scenario', type: 'nominal', title: W.scenario, scale: { domain: others, range: palette.range.slice(1) }, sort: others };
  const enc = (e: Json) => ({ y, yOffset: { field: 'scenario', type: 'nominal', sort: others }, color, ...e });
  const panel = (g: (typeof CONTRAST_GROUPS)[number]) => ({
    title: W.contrastGroups[g.unit],
    width: 460,
    height: { step: 16 * others.length + 8 },
    data: { values: rows.filter((r) => r.group === W.contrastGroups[g.unit]) },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 1 }, encoding: enc({ x: x('rangeLo'), x2: { field: 'rangeHi' } }) },
      { mark: { type: 'rule', strokeWidth: 5, opacity: 0.6 }, encoding: enc({ x: x('ciLo'), x2: { field: 'ciHi' } }) },
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: enc({
          x: x('mean'),
          tooltip: [
            tip('comparison', W.comparison), tip('label', W.figure), tip('mean', W.meanDifference, fmt),
            tip('ciLo', W.ciFrom, fmt), tip('ciHi', W.ciTo, fmt), tip('rangeLo', W.runsFrom, fmt), tip('rangeHi', W.runsTo, fmt),
          ],
        }),
      },
    ],
  });
  const spec = topLevel(
    title,
    W.contrastsSubtitle(first),
    { vconcat: CONTRAST_GROUPS.map(panel), resolve: { scale: { x: 'independent', y: 'independent' } } },
    run.lang,
  );
  return { name: 'contrasts', title, spec };
}

/** (7) Cumulative cost per scenario and the first scenario's cumulative saving, with its payback month. */
export function costsChart(run: RunData): Chart {
  const W = words(run.lang);
  const first = run.scenarios[0];
  const colorScale = scenarioScale(run.scenarios);
  const costRows = run.scenarios.flatMap((scenario) => {
    const benefit = bands(cumulativeCosts(run, scenario, 'benefit'));
    const programme = bands(cumulativeCosts(run, scenario, 'programme'));
    return bands(cumulativeCosts(run, scenario, 'total')).map((b, t) => ({
      scenario, ...at(run, t), ...b, benefit: benefit[t].mean, programme: programme[t].mean,
    }));
  });
  const cost = bandPanel({
    rows: costRows, colorField: 'scenario', colorTitle: W.scenario, colorScale, title: W.cumulativeCost, lang: run.lang,
    yTitle: W.eurSinceStart, format: ',.2f', months: run.months, width: 300, height: 240, zero: true,
    extraTips: [tip('benefit', W.ofWhichBenefit, ',.2f'), tip('programme', W.ofWhichProgrammes, ',.2f')],
  });
  const saved = savings(run);
  if (saved.length === 0) {
    const title = W.costOnlyTitle;
    return { name: 'costs', title, spec: topLevel(title, W.costOnlySubtitle(runsWord(run)), cost, run.lang) };
  }
  const savingRows = saved.flatMap((s) => s.bands.map((b, t) => ({ against: s.against, ...at(run, t), ...b })));
  // one row per comparison, marked or not, so the spec's shape does not depend on the outcome
  const payback = saved.map((s) => {
    const t = s.paybackMonth ?? run.months - 1;
    const label = s.paybackMonth === null ? W.noPayback : W.paysBack(monthName(run.startMonth, t, run.lang));
    return { against: s.against, ...at(run, t), mean: s.bands[t].mean, label, paid: s.paybackMonth !== null };
  });
  const xPay = xMonth(run.months, W.month);
  const saving = bandPanel({
    rows: savingRows, colorField: 'against', colorTitle: W.scenario, colorScale, title: W.savingTitle(first, saved.map((s) => s.against).join(', ')), lang: run.lang,
    yTitle: W.eurSinceStart, format: ',.2f', months: run.months, width: 300, height: 240, zero: true,
    extraLayers: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#666666' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: payback },
        transform: [{ filter: 'datum.paid' }],
        mark: { type: 'point', shape: 'diamond', size: 140, filled: true, stroke: '#000000', strokeWidth: 1, opacity: 1 },
        encoding: {
          x: xPay, y: { field: 'mean', type: 'quantitative' }, color: { field: 'against', type: 'nominal', scale: colorScale },
          tooltip: [tip('against', W.against), tip('label', W.payback), tip('mean', W.savingThatMonth, ',.2f')],
        },
      },
      {
        data: { values: payback },
        transform: [{ filter: 'datum.paid' }],
        mark: { type: 'text', align: 'left', dx: 10, dy: -14, fontSize: 11, color: '#111111' },
        encoding: { x: xPay, y: { field: 'mean', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  const title = W.costsTitle(first);
  const spec = topLevel(title, W.costsSubtitle(first, runsWord(run)), { hconcat: [cost, saving] }, run.lang);
  return { name: 'costs', title, spec };
}

/** Every chart of a run, in report order (contrasts only when there are two scenarios or more). */
export function buildCharts(run: RunData): Chart[] {
  return [caseloadChart(run), exitsChart(run), inflowChart(run), compositionChart(run), contrastsChart(run), costsChart(run)].filter(
    (c): c is Chart => c !== null,
  );
}
