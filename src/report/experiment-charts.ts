/**
 * Vega-Lite specs of a factorial experiment's results: the grid of outcomes per cell (heatmaps),
 * the variance decomposition ("policy or economy?") and the effect of each level against its
 * factor's baseline. Over time (caseload, savings) is in experiment-time.ts.
 */
import type { Chart } from './charts.ts';
import { cellLabel, outcomeTitle, type ExperimentRun, type FactorInfo, type OutcomeInfo } from './experiment-data.ts';
import { tip, topLevel, type Json } from './marks.ts';
import { experimentWords } from './experiment-words.ts';
import type { Lang } from './lang.ts';
import { textWidth } from './text-metrics.ts';
import { num, PALETTE } from './theme.ts';
import { tQuantile975 } from '../output/stats.ts';

/** The data field of factor `i` (factor names are free text; field names stay plain). */
export const fieldOf = (i: number) => `f${i}`;

/** Level fields of a cell: `{ f0: 'none', f1: 'boom' }`. */
export const levelFields = (factors: readonly FactorInfo[], levels: Record<string, string>) =>
  Object.fromEntries(factors.map((f, i) => [fieldOf(i), levels[f.name]]));

/** One colour per level of a factor, in the experiment file's order. */
export const levelScale = (f: FactorInfo) => ({ domain: f.levels, range: f.levels.map((_, i) => PALETTE[i % PALETTE.length]) });

/** Colours of the decomposition's components: one per factor, then interactions, then chance. */
const INTERACTION_COLOURS = ['#CC79A7', '#E69F00', '#56B4E9'];
const KIND_COLOURS: Record<string, string> = { 'higher-order': '#000000', replicate: '#F0E442', chance: '#999999' };

/** (1) The outcome of every cell as a heatmap, one per outcome: rows the first factor, columns the second. */
export function gridChart(run: ExperimentRun): Chart {
  const W = experimentWords(run.lang);
  const [fy, fx, fc] = run.factors;
  const panel = (o: OutcomeInfo): Json => {
    const mine = run.cells.filter((c) => c.outcome === o.id);
    const values = mine.map((c) => c.mean * o.scale);
    const lo = Math.min(...values), hi = Math.max(...values);
    const diverging = lo < 0 && hi > 0;
    const extent = Math.max(Math.abs(lo), Math.abs(hi));
    const t = tQuantile975(run.manifest.replicates - 1); // Student's t, as in the CSVs
    const rows = mine.map((c) => {
      const mean = c.mean * o.scale;
      // white text where the colour is dark: the far ends of a diverging scale, the top of a sequential one
      const dark = diverging ? Math.abs(mean) > 0.6 * extent : hi > lo && (mean - lo) / (hi - lo) > 0.6;
      return {
        ...levelFields(run.factors, c.levels), cell: cellLabel(run.factors, c.levels), mean, label: num(mean, o.decimals, run.lang), dark,
        se: c.se * o.scale, ciLo: (c.mean - t * c.se) * o.scale, ciHi: (c.mean + t * c.se) * o.scale, p05: c.p05 * o.scale, p95: c.p95 * o.scale,
      };
    });
    const axis = (f: FactorInfo | undefined, i: number) =>
      f ? { field: fieldOf(i), type: 'nominal', sort: f.levels, title: f.name, axis: { labelAngle: 0, orient: i === 1 ? 'top' : 'left', labelLimit: 200 } } : undefined;
    const color = {
      field: 'mean', type: 'quantitative', title: outcomeTitle(o),
      scale: diverging ? { scheme: 'blueorange', domainMid: 0 } : { scheme: 'blues', zero: false },
      legend: { format: `,.${o.decimals}f`, gradientLength: 160, titleLimit: 400 },
    };
    const enc = { y: axis(fy, 0), ...(fx ? { x: axis(fx, 1) } : {}) };
    const tooltip = [
      ...run.factors.map((f, i) => tip(fieldOf(i), f.name)), tip('mean', `${outcomeTitle(o)}, ${W.mean}`, o.format),
      tip('ciLo', W.ciMeanFrom, o.format), tip('ciHi', W.ciMeanTo, o.format),
      tip('p05', W.p05, o.format), tip('p95', W.p95, o.format),
    ];
    // the number sits on top of the cell: it carries the same tooltip
    const layer = [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 2 }, encoding: { ...enc, color, tooltip } },
      { mark: { type: 'text', fontSize: 12 }, encoding: { ...enc, text: { field: 'label' }, color: { condition: { test: 'datum.dark', value: 'white' }, value: '#111111' }, tooltip } },
    ];
    // without a second factor there is one column, and no x channel to take a step from
    const size = { width: fx ? { step: 110 } : 110, height: { step: 36 } };
    if (!fc) return { title: outcomeTitle(o), data: { values: rows }, ...size, layer };
    return {
      title: outcomeTitle(o), data: { values: rows },
      facet: { column: { field: fieldOf(2), type: 'nominal', sort: fc.levels, title: fc.name } },
      spec: { ...size, layer },
    };
  };
  const title = W.gridTitle(run.outcomes.length === 1);
  const what = run.factors.slice(0, 2).map((f) => f.name).join(W.by);
  const spec = topLevel(title, W.gridSubtitle(run.manifest.replicates, what, run.factors[2]?.name ?? null), {
    vconcat: run.outcomes.map(panel),
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  }, run.lang);
  return { name: 'outcome-grid', title, spec };
}

/** A component of the decomposition in words: "policy", "interaction of policy and economy", "chance". */
export function componentLabel(key: string, kind: string, lang: Lang = 'en'): string {
  const W = experimentWords(lang);
  if (kind === 'interaction') return `${W.interaction} ${key.split('×').join(' × ')}`;
  if (kind === 'higher-order') return W.higherOrder;
  if (kind === 'replicate') return W.replicate;
  if (kind === 'chance') return W.chance;
  return key;
}

/** The components in the order decomposition.csv writes them, each with its colour. */
export function componentScale(run: ExperimentRun, lang: Lang = run.lang) {
  const seen = new Map<string, string>();
  let interactions = 0;
  for (const d of run.decomposition) {
    const label = componentLabel(d.component, d.kind, lang);
    if (seen.has(label)) continue;
    const mainIndex = run.factors.findIndex((f) => f.name === d.component);
    const colour = d.kind === 'main' && mainIndex >= 0 ? PALETTE[mainIndex] : d.kind === 'interaction' ? INTERACTION_COLOURS[interactions++ % 3] : KIND_COLOURS[d.kind] ?? '#666666';
    seen.set(label, colour);
  }
  return { domain: [...seen.keys()], range: [...seen.values()] };
}

/** (2) Policy or economy? Each outcome's variation split into factors, interactions and chance, with 95% intervals. */
export function decompositionChart(run: ExperimentRun): Chart | null {
  if (run.decomposition.length === 0) return null;
  const W = experimentWords(run.lang);
  const names = new Map(run.outcomes.map((o) => [o.id, outcomeTitle(o)]));
  const order = run.outcomes.map((o) => outcomeTitle(o));
  const rows = run.decomposition.map((d) => ({
    outcome: names.get(d.outcome) ?? d.outcome, component: componentLabel(d.component, d.kind, run.lang),
    share: 100 * d.share, lo: 100 * d.lo, hi: 100 * d.hi, label: `${num(100 * d.share, 0, run.lang)}%`, ss: d.ss, df: d.df,
  }));
  const scale = componentScale(run);
  const y = { field: 'outcome', type: 'nominal', sort: order, title: null, scale: { paddingInner: 0.25 }, axis: { labelLimit: 0, labelFontWeight: 'bold' } };
  const enc = (e: Json) => ({ y, yOffset: { field: 'component', type: 'nominal', sort: scale.domain }, ...e });
  const x = (field: string) => ({ field, type: 'quantitative', title: W.shareOfVariation, scale: { domain: [0, 100] } });
  const title = W.decompositionTitle;
  const spec = topLevel(
    title,
    W.decompositionSubtitle(run.manifest.replicates),
    {
      width: 560,
      // with an offset channel the step is that of one bar
      height: { step: 16 },
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', opacity: 0.9 },
          encoding: enc({
            x: x('share'), color: { field: 'component', type: 'nominal', title: W.component, scale, sort: scale.domain, legend: { labelLimit: 0, columns: 2 } },
            tooltip: [tip('outcome', W.outcomeWord), tip('component', W.component), tip('share', W.share, '.1f'), tip('lo', W.ciFromPct, '.1f'), tip('hi', W.ciToPct, '.1f'), tip('ss', W.sumOfSquares, ',.4~g'), tip('df', W.df, 'd')],
          }),
        },
        { mark: { type: 'rule', color: '#111111', strokeWidth: 1.5 }, encoding: enc({ x: x('lo'), x2: { field: 'hi' } }) },
        { mark: { type: 'text', align: 'left', dx: 5, fontSize: 10, color: '#333333' }, encoding: enc({ x: x('hi'), text: { field: 'label' } }) },
      ],
    },
    run.lang,
  );
  return { name: 'decomposition', title, spec };
}

/** "policy: small vs none (boom)" */
export const effectLabel = (e: { factor: string; level: string; baseline: string; at: Record<string, string> }, lang: Lang = 'en') =>
  experimentWords(lang).effectLabel(e.factor, e.level, e.baseline, Object.values(e.at).filter(Boolean).join(', '));

/** (3) Each level against its factor's baseline, paired by replicate, with 95% intervals; one panel per outcome. */
export function effectsChart(run: ExperimentRun): Chart | null {
  if (run.effects.length === 0) return null;
  const W = experimentWords(run.lang);
  const factorScale = { domain: run.factors.map((f) => f.name), range: run.factors.map((_, i) => PALETTE[i]) };
  const labelWidth = Math.ceil(Math.max(280, ...run.effects.map((e) => textWidth(effectLabel(e, run.lang), 11)))) + 8;
  const panel = (o: OutcomeInfo): Json => {
    const rows = run.effects.filter((e) => e.outcome === o.id).map((e, order) => ({
      label: effectLabel(e, run.lang), factor: e.factor, order, mean: e.mean * o.scale, lo: e.lo * o.scale, hi: e.hi * o.scale,
      se: e.se * o.scale, seUnpaired: e.seUnpaired * o.scale,
    }));
    const x = (field: string) => ({ field, type: 'quantitative', title: W.differenceFromBaseline(o.unitText) });
    // the axis as wide as the longest label of any panel (so the panels line up), never truncated
    const y = { field: 'label', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { minExtent: labelWidth, maxExtent: labelWidth, labelLimit: 0 } };
    return {
      title: outcomeTitle(o), width: 440, height: { step: 18 }, data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888888' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 4, opacity: 0.55 }, encoding: { y, x: x('lo'), x2: { field: 'hi' }, color: { field: 'factor', type: 'nominal', title: W.factor, scale: factorScale } } },
        {
          mark: { type: 'point', filled: true, size: 55, opacity: 1 },
          encoding: {
            y, x: x('mean'), color: { field: 'factor', type: 'nominal', title: W.factor, scale: factorScale },
            tooltip: [tip('label', W.contrast), tip('mean', W.meanDifference(o.unitText), o.format), tip('lo', W.ciFrom, o.format), tip('hi', W.ciTo, o.format), tip('se', W.sePaired, o.format), tip('seUnpaired', W.seUnpaired, o.format)],
          },
        },
      ],
    };
  };
  const title = W.effectsTitle;
  const spec = topLevel(
    title,
    W.effectsSubtitle(run.manifest.replicates),
    { vconcat: run.outcomes.map(panel), resolve: { scale: { x: 'independent', y: 'independent' } } },
    run.lang,
  );
  return { name: 'effects', title, spec };
}
