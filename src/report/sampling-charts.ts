/**
 * Vega-Lite specs of the other designs: a trial's estimated effect per arm beside the true effect
 * (trial.csv), Sobol first-order and total indices (sobol.csv), and a Latin hypercube's outcomes
 * against each sampled parameter (samples.csv).
 */
import type { Chart } from './charts.ts';
import { gridValues } from '../experiment/grid.ts';
import type { GridParameter, Parameter } from '../experiment/schema.ts';
import { outcomeTitle, type ExperimentRun, type OutcomeInfo } from './experiment-data.ts';
import { tip, topLevel, type Json } from './marks.ts';
import { PALETTE } from './theme.ts';
import { tQuantile975 } from '../output/stats.ts';

/** How the trial's designs are named in charts and captions. */
export const DESIGN_WORDS: Record<string, string> = { lottery: 'arms by lottery', choice: 'arms chosen by the volunteers' };
const ESTIMATE = "evaluators' estimate";
const TRUTH = 'true effect';

/** The month the trial measures outflow at. */
export const measureMonth = (run: ExperimentRun) => (run.experiment.design.kind === 'trial' ? run.experiment.design.measureAtMonth : run.months);

/** (T) Per arm and design: the evaluators' estimate with its typical 95% interval beside the true effect with its 95% interval. */
export function trialChart(run: ExperimentRun): Chart | null {
  if (run.trial.length === 0) return null;
  const designs = [...new Set(run.trial.map((t) => t.design))];
  const arms = [...new Set(run.trial.map((t) => t.arm))];
  const rows = run.trial.flatMap((t) => {
    const common = {
      design: DESIGN_WORDS[t.design] ?? t.design, arm: t.arm, nArm: t.nArm, nControl: t.nControl,
      outflowArm: 100 * t.outflowArm, outflowControl: 100 * t.outflowControl, coverage: 100 * t.coverage, power: 100 * t.power,
    };
    return [
      { ...common, what: ESTIMATE, value: 100 * t.estimate, lo: 100 * (t.estimate - t.halfWidth), hi: 100 * (t.estimate + t.halfWidth) },
      { ...common, what: TRUTH, value: 100 * t.trueEffect, lo: 100 * (t.trueEffect - tQuantile975(run.manifest.replicates - 1) * t.trueSe), hi: 100 * (t.trueEffect + tQuantile975(run.manifest.replicates - 1) * t.trueSe) },
    ];
  });
  const color = { field: 'what', type: 'nominal', title: null, scale: { domain: [ESTIMATE, TRUTH], range: [PALETTE[0], PALETTE[1]] } };
  const y = { field: 'arm', type: 'nominal', sort: arms, title: 'Arm', axis: { labelLimit: 0 } };
  const yOffset = { field: 'what', type: 'nominal', sort: [ESTIMATE, TRUTH] };
  const x = (field: string) => ({ field, type: 'quantitative', title: 'Effect on outflow (percentage points)' });
  const month = measureMonth(run);
  const title = 'What the trial estimates, and the true effect';
  const spec = topLevel(
    title,
    [`Outflow by month ${month}, arm minus control. Blue: the evaluators' estimate (mean of ${run.manifest.replicates} replications) with its typical 95% interval;`, 'vermillion: the true effect on the arm (treated minus the same people untreated) with its 95% interval.'],
    {
      data: { values: rows },
      facet: { column: { field: 'design', type: 'nominal', sort: designs.map((d) => DESIGN_WORDS[d] ?? d), title: null, header: { labelFontWeight: 'bold' } } },
      spec: {
        width: designs.length > 1 ? 330 : 480,
        height: { step: 22 },
        layer: [
          { mark: { type: 'rule', color: '#888888' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset, x: x('lo'), x2: { field: 'hi' }, color } },
          {
            mark: { type: 'point', filled: true, size: 70, opacity: 1 },
            encoding: {
              y, yOffset, x: x('value'), color, shape: { field: 'what', type: 'nominal', title: null, scale: { domain: [ESTIMATE, TRUTH], range: ['circle', 'diamond'] } },
              tooltip: [
                tip('design', 'Design'), tip('arm', 'Arm'), tip('what', 'Figure'), tip('value', 'Effect (points)', '+.1f'), tip('lo', '95% interval from', '.1f'), tip('hi', '95% interval to', '.1f'),
                tip('nArm', 'People in the arm (mean)', ',.0f'), tip('nControl', 'People in control (mean)', ',.0f'), tip('outflowArm', 'Outflow of the arm (%)', '.1f'),
                tip('outflowControl', 'Outflow of control (%)', '.1f'), tip('coverage', 'Interval contains the truth (% of replications)', '.0f'), tip('power', 'Interval excludes zero: power (%)', '.0f'),
              ],
            },
          },
        ],
      },
    },
  );
  return { name: 'trial', title, spec };
}

const FIRST = 'first-order';
const TOTAL = 'total';

/** (S) Sobol first-order and total indices per parameter, one panel per outcome, with bootstrap 95% intervals. */
export function sobolChart(run: ExperimentRun): Chart | null {
  if (run.sobol.length === 0) return null;
  const params = run.experiment.design.kind === 'sobol' ? run.experiment.design.parameters.map((p) => p.name) : [];
  const color = { field: 'index', type: 'nominal', title: 'Index', scale: { domain: [FIRST, TOTAL], range: [PALETTE[0], PALETTE[1]] } };
  const panel = (o: OutcomeInfo): Json => {
    const rows = run.sobol.filter((s) => s.outcome === o.id).flatMap((s) => [
      { parameter: s.parameter, index: FIRST, value: s.first, lo: s.firstLo, hi: s.firstHi },
      { parameter: s.parameter, index: TOTAL, value: s.total, lo: s.totalLo, hi: s.totalHi },
    ]);
    const y = { field: 'parameter', type: 'nominal', sort: params, title: null, axis: { minExtent: 160, labelLimit: 0 } };
    const yOffset = { field: 'index', type: 'nominal', sort: [FIRST, TOTAL] };
    const x = (field: string) => ({ field, type: 'quantitative', title: 'Share of the variance of the outcome' });
    return {
      title: outcomeTitle(o), width: 480, height: { step: 30 }, data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888888' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset, x: x('lo'), x2: { field: 'hi' }, color } },
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 1 },
          encoding: { y, yOffset, x: x('value'), color, tooltip: [tip('parameter', 'Parameter'), tip('index', 'Index'), tip('value', 'Estimate', '.3f'), tip('lo', '95% CI from', '.3f'), tip('hi', '95% CI to', '.3f')] },
        },
      ],
    };
  };
  const title = 'Which parameter matters: Sobol indices';
  const spec = topLevel(
    title,
    ['First-order: the share of the variance a parameter explains alone (Saltelli); total: with all its interactions (Jansen).', 'Dot: estimate; line: bootstrap 95% interval. Estimates from few samples can fall outside 0 to 1.'],
    { vconcat: run.outcomes.map(panel), resolve: { scale: { x: 'independent' } } },
  );
  return { name: 'sobol', title, spec };
}

/** (L) Each outcome against each sampled parameter: one scatter per pair, one row per outcome. */
export function samplesChart(run: ExperimentRun): Chart | null {
  if (run.samples.length === 0 || (run.experiment.design.kind !== 'lhs' && run.experiment.design.kind !== 'sobol' && run.experiment.design.kind !== 'grid')) return null;
  const params = run.experiment.design.parameters;
  const rows = run.samples.map((s, point) => ({ point: point + 1, ...Object.fromEntries(params.map((p, i) => [`p${i}`, s.parameters[p.name]])), ...Object.fromEntries(run.outcomes.map((o, k) => [`y${k}`, s.outcomes[o.id] * o.scale])) }));
  const paramTips = params.map((p, i) => tip(`p${i}`, p.name, ',.4~g'));
  const panel = (o: OutcomeInfo, k: number, p: (typeof params)[number], i: number): Json => ({
    width: 220,
    height: 180,
    mark: { type: 'point', filled: true, size: 40, opacity: 0.75, color: PALETTE[0] },
    encoding: {
      x: { field: `p${i}`, type: 'quantitative', title: p.path === 'growthPct' ? `${p.name} (annual GDP growth, %)` : p.name, scale: { zero: false, ...('log' in p && p.log ? { type: 'log' } : {}) } },
      y: { field: `y${k}`, type: 'quantitative', title: outcomeTitle(o), scale: { zero: false } },
      tooltip: [tip('point', 'Point'), ...paramTips, tip(`y${k}`, outcomeTitle(o), o.format)],
    },
  });
  const title = 'Outcomes across the sampled parameters';
  const spec = topLevel(
    title,
    [
      `Each dot: one ${run.design === 'lhs' ? 'Latin-hypercube' : run.design === 'grid' ? 'grid' : 'Saltelli'} point, the mean of ${run.manifest.replicates} replicate${run.manifest.replicates === 1 ? '' : 's'}. One row per outcome, one column per parameter.`,
      `Parameters: ${params.map((p) => `${p.name} = ${p.path === 'growthPct' ? 'constant annual GDP growth (%)' : p.path}, ${'values' in p || 'start' in p ? gridValues(p as GridParameter).join(', ') : `${(p as Parameter).min} to ${(p as Parameter).max}`}`).join('; ')}.`,
      'Axes span the sampled range and the outcomes found; they do not start at zero.',
    ],
    { data: { values: rows }, vconcat: run.outcomes.map((o, k) => ({ hconcat: params.map((p, i) => panel(o, k, p, i)), spacing: 40 })) },
  );
  return { name: 'samples', title, spec };
}
