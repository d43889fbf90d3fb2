/**
 * The report of an experiment folder: the question and the verdicts at the top, then the charts
 * its design calls for with captions computed from the numbers, then what the run was
 * (experiment, models with their hashes and calibration, seed, replicates, versions).
 */
import { join } from 'node:path';
import type { Chart } from './charts.ts';
import { EXPERIMENT_CAPTIONS } from './experiment-captions.ts';
import { decompositionChart, effectsChart, gridChart } from './experiment-charts.ts';
import { allCells, loadExperimentRun, outcomeTitle, verdictSentences, type ExperimentRun } from './experiment-data.ts';
import { caseloadCellsChart, savingsChart } from './experiment-time.ts';
import { esc, libraryVersions, renderPage } from './html.ts';
import { writeAtomic, writeCharts } from './render.ts';
import { samplesChart, sobolChart, trialChart } from './sampling-charts.ts';
import { monthName, num, range } from './theme.ts';

const DESIGN_NAMES: Record<string, string> = { factorial: 'factorial', lhs: 'Latin hypercube', sobol: 'Sobol (Saltelli sampling)', trial: 'randomised-trial emulation' };

/** The charts of an experiment, in report order; which ones depends on the design. */
export function buildExperimentCharts(run: ExperimentRun): Chart[] {
  const list =
    run.design === 'factorial' ? [decompositionChart(run), gridChart(run), effectsChart(run), caseloadCellsChart(run), savingsChart(run)]
    : run.design === 'trial' ? [trialChart(run)]
    : run.design === 'sobol' ? [sobolChart(run), samplesChart(run)]
    : [samplesChart(run)];
  return list.filter((c): c is Chart => c !== null);
}

/** Printed under every verdict with shares: what a share of the variation means, and what it does not. */
export const SHARES_WARNING =
  'These shares describe this experiment: they depend on the levels chosen (a wider range of economies gives the economy more of the variation, ' +
  'more different policies give the policy more). Read them as "over these policies and these economies", not as how much of a real change either caused.';

/** The question and the verdict sentences, and for a factorial each cell's means with 95% intervals. */
function verdictSection(run: ExperimentRun): string {
  const sentences = verdictSentences(run).map((s) => `<p>${esc(s)}</p>`).join('\n');
  let table = '';
  if (run.design === 'factorial') {
    const left = ' style="text-align:left"';
    const head = [...run.factors.map((f) => `<th${left}>${esc(f.name)}</th>`), ...run.outcomes.map((o) => `<th>${esc(outcomeTitle(o))}</th>`)];
    const rows = allCells(run.factors).map((levels) => {
      const cells = run.outcomes.map((o) => {
        const c = run.cells.find((x) => x.outcome === o.id && run.factors.every((f) => x.levels[f.name] === levels[f.name]));
        if (!c) return '<td>n/a</td>';
        const [m, lo, hi] = [c.mean, c.mean - 1.96 * c.se, c.mean + 1.96 * c.se].map((v) => v * o.scale);
        return `<td>${num(m, o.decimals)}<span class="ci">${range(lo, hi, o.decimals)}</span></td>`;
      });
      return `<tr>${run.factors.map((f) => `<td${left}>${esc(levels[f.name])}</td>`).join('')}${cells.join('')}</tr>`;
    });
    table = `<h3>Every cell</h3>
<table class="cells"><thead><tr>${head.join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">Mean of ${num(run.manifest.replicates)} replicates per cell; below it the 95% confidence interval of that mean. Baselines: ${run.factors.map((f) => `${esc(f.name)} ${esc(f.baseline)}`).join(', ')}.</p>`;
  }
  return `<section id="verdict">
<h2>The question, and what the run says</h2>
<p><strong>${esc(run.experiment.question)}</strong></p>
${sentences}
${run.decomposition.length > 0 ? `<p class="note" id="shares-warning">${esc(SHARES_WARNING)}</p>` : ''}
${table}
</section>`;
}

/** What the experiment run was, from manifest.json, and how to repeat it. */
function experimentRunSection(run: ExperimentRun, libraries: Record<string, string>): string {
  const m = run.manifest;
  const e = run.experiment;
  const item = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const git = m.git ? `<code>${esc(m.git.commit)}</code>${m.git.dirty ? ' (with uncommitted changes)' : ''}` : 'not a git checkout';
  const models = Object.entries(m.models).map(([name, x]) => {
    const calibration = x.calibration
      ? `calibrated with <code>${esc(x.calibration.file)}</code> (sha256 <code>${esc(x.calibration.hash.slice(0, 16))}</code>, ${Object.keys(x.calibration.applied).length} values applied)`
      : 'behavioural defaults, no calibration';
    return `${esc(name)}: <code>${esc(x.file)}</code>, sha256 <code>${esc(x.sha256.slice(0, 16))}</code>; ${calibration}`;
  });
  const d = e.design;
  const layout = d.kind === 'factorial'
    ? run.factors.map((f) => `${esc(f.name)} (${esc(f.kind)}): ${f.levels.map((l) => esc(l)).join(', ')}; baseline ${esc(f.baseline)}`).join('<br>')
    : d.kind === 'trial'
      ? `control ${esc(d.control)}; arms ${d.arms.map((a) => esc(a)).join(', ')}; outflow measured at month ${d.measureAtMonth}${d.selfSelection ? '; also with arms chosen by the volunteers' : ''}`
      : `${d.samples} samples of ${d.parameters.map((p) => `${esc(p.name)} (<code>${esc(p.path)}</code>, ${num(p.min, 2)} to ${num(p.max, 2)}${p.log ? ', log scale' : ''})`).join(', ')}`;
  const cells = d.kind === 'factorial' ? `${allCells(run.factors).length} cells × ` : '';
  return `<section id="run">
<h2>What this run was</h2>
<dl>
${item('experiment', `${esc(m.experiment.name)} (<code>${esc(m.experiment.file)}</code>, sha256 <code>${esc(m.experiment.sha256.slice(0, 16))}</code>)`)}
${item('description', esc(e.description))}
${item('design', `${esc(DESIGN_NAMES[d.kind] ?? d.kind)} on the base model ${esc(d.base)}`)}
${item(d.kind === 'factorial' ? 'factors' : d.kind === 'trial' ? 'groups' : 'parameters', layout)}
${d.kind === 'trial' ? '' : item('outcomes', run.outcomes.map((o) => esc(outcomeTitle(o))).join(', '))}
${item('models', models.join('<br>'))}
${item('seed', esc(m.seed))}
${item('replicates', `${cells}${num(m.replicates)} replicates`)}
${item('months', String(m.months))}
${item('versions', `${esc(m.tool.name)} ${esc(m.tool.version)}, Node ${esc(m.node)}; charts drawn with ${Object.entries(libraries).map(([k, v]) => `${esc(k)} ${esc(v)}`).join(', ')}`)}
${item('git commit', git)}
${item('ran', `${esc(m.startedAt)} to ${esc(m.finishedAt)} on ${esc(m.workers)} worker${m.workers === 1 ? '' : 's'}`)}
${item('repeat it with', `<code>${esc(m.reproduce)}</code>`)}
</dl>
</section>`;
}

/** The report page of a loaded experiment (charts built, captions computed). */
export function buildExperimentHtml(run: ExperimentRun, charts = buildExperimentCharts(run)): string {
  const m = run.manifest;
  const what = run.design === 'factorial' ? `${allCells(run.factors).length} cells` : DESIGN_NAMES[run.design];
  return renderPage({
    title: `${m.experiment.name}: ${what}, ${num(m.replicates)} replicates each`,
    lead: [run.experiment.description, `Seed ${m.seed}, ${m.months} months${run.startMonth ? ` from ${monthName(run.startMonth, 0)}` : ''}.`],
    before: [verdictSection(run)],
    figures: charts.map((c) => ({ ...c, caption: EXPERIMENT_CAPTIONS[c.name](run) })),
    after: [experimentRunSection(run, libraryVersions())],
  });
}

/**
 * Writes the charts and report of a finished experiment folder: `charts/<name>.vl.json`, `.svg`,
 * `.png` for each chart and `report.html`, each file atomically. Returns the files written,
 * relative to `runDir`. Throws an InputError if the folder is missing or incomplete.
 */
export async function writeExperimentReport(runDir: string): Promise<string[]> {
  const run = loadExperimentRun(runDir);
  const charts = buildExperimentCharts(run);
  const { files } = await writeCharts(join(runDir, 'charts'), charts);
  writeAtomic(join(runDir, 'report.html'), buildExperimentHtml(run, charts));
  return [...files.map((f) => `charts/${f}`), 'report.html'];
}
