/**
 * A factorial experiment over time: the caseload of every cell (small multiples, mean with the
 * 90% band of replicates from series.csv) and each policy level's cumulative net saving against
 * the baseline policy with its payback month — or, where series.csv cannot give the saving, the
 * cost of each cell from costs.csv.
 */
import type { Chart } from './charts.ts';
import { allCells, cellLabel, type ExperimentRun, type FactorInfo } from './experiment-data.ts';
import { fieldOf, levelFields, levelScale } from './experiment-charts.ts';
import { tip, topLevel, xMonth, type Json } from './marks.ts';
import { experimentWords } from './experiment-words.ts';
import { monthName, monthTime, PALETTE } from './theme.ts';

const at = (run: ExperimentRun, t: number) => ({ date: monthTime(run.startMonth!, t), month: monthName(run.startMonth!, t, run.lang) });

/** Row and column factors of the small multiples and the factor that colours the lines. */
function layout(factors: readonly FactorInfo[]) {
  const [a, b, c] = factors;
  return { row: b ? a : undefined, column: b ?? a, colour: c ?? a, colourIndex: c ? 2 : 0 };
}

const header = { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelFontWeight: 'bold' } as const;

/** (4) Caseload at the end of each month, one panel per cell: mean and the 90% band of replicates. */
export function caseloadCellsChart(run: ExperimentRun): Chart | null {
  if (!run.startMonth || !run.series(allCells(run.factors)[0], 'caseloadEnd')) return null;
  const rows = allCells(run.factors).flatMap((levels) => {
    const s = run.series(levels, 'caseloadEnd')!;
    return s.mean.map((mean, t) => ({ ...levelFields(run.factors, levels), cell: cellLabel(run.factors, levels), ...at(run, t), mean, p05: s.p05[t], p95: s.p95[t] }));
  });
  const W = experimentWords(run.lang);
  const l = layout(run.factors);
  const columns = l.column.levels.length;
  const width = Math.max(130, Math.min(300, Math.floor(760 / columns)));
  const color = { field: fieldOf(l.colourIndex), type: 'nominal', title: l.colour.name, scale: levelScale(l.colour), sort: l.colour.levels };
  const x = xMonth(run.months, W.month);
  const y = (field: string) => ({ field, type: 'quantitative', title: W.peopleOnBenefit, scale: { zero: true } });
  const columnIndex = run.factors.indexOf(l.column);
  const title = W.caseloadCellsTitle;
  const spec = topLevel(
    title,
    W.caseloadCellsSubtitle(l.row ? W.rowsColumns(l.row.name, l.column.name) : '', run.manifest.replicates),
    {
      data: { values: rows },
      facet: {
        ...(l.row ? { row: { field: fieldOf(0), type: 'nominal', sort: l.row.levels, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'middle', labelOrient: 'left', labelFontWeight: 'bold' } } } : {}),
        column: { field: fieldOf(columnIndex), type: 'nominal', sort: l.column.levels, title: null, header },
      },
      spec: {
        width,
        height: 130,
        layer: [
          { mark: { type: 'area', opacity: 0.2 }, encoding: { x, y: y('p05'), y2: { field: 'p95' }, color } },
          { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: y('mean'), color } },
          {
            mark: { type: 'point', opacity: 0, size: 60, filled: true },
            encoding: {
              x, y: y('mean'), color,
              tooltip: [tip('cell', W.cell), tip('month', W.endOf), tip('mean', W.meanOfReplicates, ',.0f'), tip('p05', W.percentile(5), ',.0f'), tip('p95', W.percentile(95), ',.0f')],
            },
          },
        ],
      },
      resolve: { scale: { y: 'shared' } },
    },
    run.lang,
  );
  return { name: 'caseload-cells', title, spec };
}

/** A policy level's cumulative net saving against the baseline policy, the other factors held. */
export interface SavingPath {
  levels: Record<string, string>;
  level: string;
  against: string;
  /** The other factors' levels in words ("boom"), or "" when policy is the only factor. */
  where: string;
  /** EUR million, to the end of each month: the baseline's benefit and programme cost minus this cell's. */
  cumulative: number[];
  /** First month the cumulative benefit saving covers the extra programme cost (the rule of costs.csv); null if never. */
  payback: number | null;
  /** Net saving over the horizon with its 95% CI, from costs.csv (EUR million). */
  end?: { mean: number; lo: number; hi: number };
}

/** The policy factor of a factorial, if it has one. */
export const policyFactor = (run: ExperimentRun) => run.factors.find((f) => f.kind === 'policies');

/** Cumulative net savings of every non-baseline policy cell, or null when series.csv has no monthly costs. */
export function savingPaths(run: ExperimentRun): SavingPath[] | null {
  const policy = policyFactor(run);
  if (!policy || !run.startMonth) return null;
  const cells = allCells(run.factors);
  if (cells.some((c) => !run.series(c, 'benefitCost') || !run.series(c, 'programmeCost'))) return null;
  const others = run.factors.filter((f) => f !== policy);
  return cells.filter((c) => c[policy.name] !== policy.baseline).map((levels) => {
    const ref = { ...levels, [policy.name]: policy.baseline };
    const [b, p, rb, rp] = [run.series(levels, 'benefitCost')!, run.series(levels, 'programmeCost')!, run.series(ref, 'benefitCost')!, run.series(ref, 'programmeCost')!];
    let net = 0, saved = 0, spent = 0;
    let payback: number | null = null;
    const cumulative = b.mean.map((_, t) => {
      saved += rb.mean[t] - b.mean[t];
      spent += p.mean[t] - rp.mean[t];
      if (payback === null && spent > 0 && saved >= spent) payback = t;
      net += rb.mean[t] + rp.mean[t] - b.mean[t] - p.mean[t];
      return net * 1e-6;
    });
    const row = run.costs.find((c) => run.factors.every((f) => c.levels[f.name] === levels[f.name]));
    const n = row?.netSaving;
    return {
      levels, level: levels[policy.name], against: policy.baseline, where: others.map((f) => levels[f.name]).join(', '), cumulative, payback,
      end: n && { mean: n.mean * 1e-6, lo: n.lo * 1e-6, hi: n.hi * 1e-6 },
    };
  });
}

/** (5) What each policy level saves against the baseline policy over time, with the payback month; else costs per cell. */
export function savingsChart(run: ExperimentRun): Chart | null {
  const paths = savingPaths(run);
  if (paths === null || paths.length === 0) return costBarsChart(run);
  const W = experimentWords(run.lang);
  const policy = policyFactor(run)!;
  const last = run.months - 1;
  const rows: Json[] = paths.flatMap((s) => [
    ...s.cumulative.map((saving, t) => ({ kind: 'path', level: s.level, where: s.where, ...at(run, t), saving })),
    ...(s.payback === null ? [] : [{ kind: 'payback', level: s.level, where: s.where, ...at(run, s.payback), saving: s.cumulative[s.payback], label: W.paysBack(monthName(run.startMonth!, s.payback, run.lang)) }]),
    ...(s.end ? [{ kind: 'end', level: s.level, where: s.where, ...at(run, last), saving: s.end.mean, lo: s.end.lo, hi: s.end.hi }] : []),
  ]);
  // the baseline has no line of its own; the other levels keep their colours from the other charts
  const all = levelScale(policy);
  const shown = all.domain.map((d, i) => ({ d, c: all.range[i] })).filter((x) => x.d !== policy.baseline);
  const color = { field: 'level', type: 'nominal', title: policy.name, scale: { domain: shown.map((x) => x.d), range: shown.map((x) => x.c) } };
  const x = xMonth(run.months, W.month);
  const y = (field: string) => ({ field, type: 'quantitative', title: W.eurSinceStart });
  const only = (kind: string) => [{ filter: `datum.kind === '${kind}'` }];
  const layer = [
    { mark: { type: 'rule', color: '#666666' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
    { transform: only('path'), mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: y('saving'), color } },
    {
      transform: only('path'), mark: { type: 'point', opacity: 0, size: 60, filled: true },
      encoding: { x, y: y('saving'), color, tooltip: [tip('level', policy.name), tip('where', W.where), tip('month', W.endOf), tip('saving', W.cumulativeNet(policy.baseline), ',.3f')] },
    },
    {
      transform: only('end'), mark: { type: 'rule', strokeWidth: 2 },
      encoding: { x, y: y('lo'), y2: { field: 'hi' }, color, tooltip: [tip('level', policy.name), tip('where', W.where), tip('saving', W.netSaving, ',.3f'), tip('lo', W.ciFrom, ',.3f'), tip('hi', W.ciTo, ',.3f')] },
    },
    {
      transform: only('payback'), mark: { type: 'point', shape: 'diamond', size: 120, filled: true, stroke: '#000000', strokeWidth: 1, opacity: 1 },
      encoding: { x, y: y('saving'), color, tooltip: [tip('level', policy.name), tip('where', W.where), tip('label', W.payback), tip('saving', W.savingThatMonth, ',.3f')] },
    },
  ];
  const others = run.factors.filter((f) => f !== policy);
  const facetField = others.length > 0 ? 'where' : undefined;
  const wheres = [...new Set(paths.map((s) => s.where))];
  const width = Math.max(150, Math.min(320, Math.floor(760 / Math.max(1, wheres.length))));
  const title = W.savingsTitle(policy.baseline);
  const subtitle = W.savingsSubtitle(policy.baseline, run.manifest.replicates, facetField ? others.map((f) => f.name).join(` ${W.and} `) : null);
  const body: Json = facetField
    ? { data: { values: rows }, facet: { column: { field: 'where', type: 'nominal', sort: wheres, title: null, header } }, spec: { width, height: 220, layer } }
    : { data: { values: rows }, width: 480, height: 240, layer };
  return { name: 'savings', title, spec: topLevel(title, subtitle, body, run.lang) };
}

/** (5, fallback) Benefit and programme cost of each cell over the whole run, from costs.csv. */
export function costBarsChart(run: ExperimentRun): Chart | null {
  if (run.costs.length === 0) return null;
  const W = experimentWords(run.lang);
  const parts = [{ key: 'benefit', label: W.benefit, color: PALETTE[0] }, { key: 'programme', label: W.programmes, color: PALETTE[4] }] as const;
  const order = run.costs.map((c) => cellLabel(run.factors, c.levels));
  const rows = run.costs.flatMap((c) => parts.map((p, i) => ({ cell: cellLabel(run.factors, c.levels), part: p.label, order: i, cost: c[p.key] * 1e-6, total: c.total * 1e-6 })));
  const title = W.costsTitle;
  const spec = topLevel(title, W.costsSubtitle(run.months, run.manifest.replicates), {
    data: { values: rows },
    width: 480,
    height: { step: 22 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'cell', type: 'nominal', sort: order, title: run.factors.map((f) => f.name).join(', '), axis: { labelLimit: 0 } },
      x: { field: 'cost', type: 'quantitative', stack: 'zero', title: W.eurOverRun },
      color: { field: 'part', type: 'nominal', title: W.cost, scale: { domain: parts.map((p) => p.label), range: parts.map((p) => p.color) } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [tip('cell', W.cell), tip('part', W.cost), tip('cost', W.eurMillion, ',.3f'), tip('total', W.totalOfCell, ',.3f')],
    },
  }, run.lang);
  return { name: 'costs', title, spec };
}
