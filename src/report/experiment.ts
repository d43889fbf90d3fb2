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
import { tQuantile975 } from '../output/stats.ts';
import { gridValues } from '../experiment/grid.ts';

const DESIGN_NAMES: Record<string, string> = { factorial: 'factorial', lhs: 'Latin hypercube', sobol: 'Sobol (Saltelli sampling)', grid: 'grid sweep', trial: 'randomised-trial emulation' };

/** The charts of an experiment, in report order; which ones depends on the design. */
export function buildExperimentCharts(run: ExperimentRun): Chart[] {
  const list =
    run.design === 'factorial' ? [decompositionChart(run), gridChart(run), effectsChart(run), caseloadCellsChart(run), savingsChart(run)]
    : run.design === 'trial' ? [trialChart(run)]
    : run.design === 'sobol' ? [sobolChart(run), samplesChart(run)]
    : [samplesChart(run)];
  return list.filter((c): c is Chart => c !== null);
}

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
        const half = tQuantile975(run.manifest.replicates - 1) * c.se; // Student's t; NaN (n/a) for one replicate
        const [m, lo, hi] = [c.mean, c.mean - half, c.mean + half].map((v) => v * o.scale);
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
      : d.kind === 'displacement'
        ? `guidance for a random half of the group ${esc(JSON.stringify(d.group))}, drawn in month ${d.startMonth}, followed ${d.followMonths} months, in markets ${d.markets.map((k) => `${esc(k.name)} (vacancies x ${k.vacancyFactor})`).join(', ')}`
      : d.kind === 'grid'
        ? d.parameters.map((p) => `${esc(p.name)} (<code>${esc(p.path)}</code>): ${gridValues(p).map((v) => num(v, 2)).join(', ')}`).join('<br>')
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
