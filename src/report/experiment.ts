/**
 * The report of an experiment folder: the question and the verdicts at the top, then the charts
 * its design calls for with captions computed from the numbers, then what the run was
 * (experiment, models with their hashes and calibration, seed, replicates, versions).
 */
import { join } from 'node:path';
import type { Chart } from './charts.ts';
import { EXPERIMENT_CAPTIONS, verdictsOf } from './experiment-captions.ts';
import { experimentWords } from './experiment-words.ts';
import type { Lang } from './lang.ts';
import { reportMsg } from './messages.ts';
import { decompositionChart, effectsChart, gridChart } from './experiment-charts.ts';
import { allCells, loadExperimentRun, outcomeInfo, outcomeTitle, verdictSentences, type ExperimentRun } from './experiment-data.ts';
import { caseloadCellsChart, savingsChart } from './experiment-time.ts';
import { esc, libraryVersions, renderPage } from './html.ts';
import { writeAtomic, writeCharts } from './render.ts';
import { samplesChart, sobolChart, trialChart } from './sampling-charts.ts';
import { monthName, num, range } from './theme.ts';
import { tQuantile975 } from '../output/stats.ts';
import { gridValues } from '../experiment/grid.ts';

const DESIGN_NAMES: Record<string, string> = { factorial: 'factorial', lhs: 'Latin hypercube', sobol: 'Sobol (Saltelli sampling)', grid: 'grid sweep', trial: 'randomised-trial emulation', displacement: 'displacement (who gets the jobs)' };

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
export const SHARES_WARNING = experimentWords('en').sharesWarning;

/** The question and the verdict sentences, and for a factorial each cell's means with 95% intervals. */
function verdictSection(run: ExperimentRun): string {
  const { lang } = run;
  const W = experimentWords(lang);
  // English reports quote verdict.txt; a Dutch one words the same numbers (decomposition.csv) in Dutch
  const sentences = (lang === 'en' ? verdictSentences(run) : verdictsOf(run)).map((s) => `<p>${esc(s)}</p>`).join('\n');
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
        return `<td>${num(m, o.decimals, lang)}<span class="ci">${range(lo, hi, o.decimals, lang)}</span></td>`;
      });
      return `<tr>${run.factors.map((f) => `<td${left}>${esc(levels[f.name])}</td>`).join('')}${cells.join('')}</tr>`;
    });
    table = `<h3>${esc(W.everyCell)}</h3>
<table class="cells"><thead><tr>${head.join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">${esc(W.cellNote(num(run.manifest.replicates, 0, lang), run.factors.map((f) => `${f.name} ${f.baseline}`).join(', ')))}</p>`;
  }
  return `<section id="verdict">
<h2>${esc(W.question)}</h2>
<p><strong${lang === 'en' ? '' : ' lang="en"'}>${esc(run.experiment.question)}</strong></p>
${sentences}
${run.decomposition.length > 0 ? `<p class="note" id="shares-warning">${esc(W.sharesWarning)}</p>` : ''}
${table}
</section>`;
}

/**
 * Structural sensitivity (sensitivity.csv): a table, one row per alternative, and one sentence per
 * alternative; empty when the experiment did not ask for it.
 */
function sensitivitySection(run: ExperimentRun): string {
  const rows = run.sensitivity;
  if (rows.length === 0) return '';
  const { lang } = run;
  const W = experimentWords(lang);
  const o = outcomeInfo(rows[0].outcome, lang);
  const names = [...new Set(rows.map((r) => r.alternative))];
  const of = (name: string) => rows.filter((r) => r.alternative === name);
  const component = (key: string, kind: string) => (kind === 'interaction' ? W.interaction : key === 'chance' ? W.chanceShort : key);
  const pc = (v: number) => String(Math.round(100 * v) + 0);
  const largest = (name: string) => {
    const shares = of(name).filter((r) => r.kind === 'share');
    if (shares.length === 0) return null;
    const big = shares.reduce((p, q) => (q.value > p.value ? q : p));
    const kind = big.measure.includes('×') ? 'interaction' : 'main';
    const has = Number.isFinite(big.lo) && Number.isFinite(big.hi);
    return { label: component(big.measure, kind), share: pc(big.value), ci: has ? ` (${W.ciWord}${pc(big.lo)}-${pc(big.hi)}%)` : '', span: has ? `${pc(big.lo)}-${pc(big.hi)}%` : '' };
  };
  const effects = (name: string, factor: string) => of(name).filter((r) => r.kind === 'effect' && r.factor === factor);
  const amount = (v: number) => num(v * o.scale, o.decimals, lang);
  const ci = (r: { lo: number; hi: number }) => W.ci95(range(r.lo * o.scale, r.hi * o.scale, o.decimals, lang));
  const labelOf = (name: string) => (name === 'base' ? W.asRun : W.alternativeLabel[name] ?? of(name)[0].label);
  // the headline factor's effects come first; the other factors' are shown beside them
  const factor = rows.find((r) => r.kind === 'effect')?.factor ?? '';
  const shown = [factor, ...run.factors.map((f) => f.name).filter((f) => f !== factor)].filter((f) => rows.some((r) => r.kind === 'effect' && r.factor === f));
  const left = ' style="text-align:left"';
  const body = names.map((name) => {
    const r = of(name)[0];
    const big = largest(name);
    const fx = shown.map((f) => `<td>${effects(name, f).map((x) => `${esc(x.measure)} ${esc(amount(x.value))}<span class="ci">${esc(range(x.lo * o.scale, x.hi * o.scale, o.decimals, lang))}</span>`).join('')}</td>`).join('');
    const verdict = W.verdictWord[r.verdict] ?? r.verdict;
    return `<tr><td${left}>${esc(name === 'base' ? W.baseName : name)}</td><td${left}>${esc(labelOf(name))}${r.changes ? `<br><code>${esc(r.changes)}</code>` : ''}</td>` +
      `<td>${big ? `${esc(big.label)} ${big.share}%<span class="ci">${big.span}</span>` : 'n/a'}</td>${fx}` +
      `<td${left}>${r.verdict === 'flips' ? `<strong>${esc(verdict)}</strong>` : esc(verdict)}</td></tr>`;
  });
  const sentences = names.map((name) => {
    const big = largest(name);
    const bigText = big ? W.largestPhrase(big.label, big.share, big.ci) : 'n/a';
    const fx = effects(name, factor).map((x) => W.effectPhrase(x.measure, x.against, amount(x.value), ci(x))).join(', ');
    const r = of(name)[0];
    return name === 'base' ? W.sensitivityBaseLine(bigText, fx) : W.sensitivityAltLine(labelOf(name), bigText, fx, W.verdictWord[r.verdict] ?? r.verdict, r.why);
  });
  const head = [W.alternativeCol, W.changesCol, W.largestCol, ...shown.map((f) => `${W.effectCol(f, effects('base', f)[0]?.against ?? '')} (${o.unitText})`), W.verdictCol];
  return `<section id="sensitivity">
<h2>${esc(W.sensitivityTitle)}</h2>
<p>${esc(W.sensitivityIntro(o.name, num(rows[0].replicates, 0, lang)))} ${esc(W.sensitivityRule(rows[0].rule, factor))}</p>
<table class="cells"><thead><tr>${head.map((h, i) => `<th${i < 2 || i === head.length - 1 ? left : ''}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody></table>
${sentences.map((x) => `<p>${esc(x)}</p>`).join('\n')}
<p class="note">${esc(W.sensitivityNote)}</p>
</section>`;
}

/** What the experiment run was, from manifest.json, and how to repeat it. */
function experimentRunSection(run: ExperimentRun, libraries: Record<string, string>): string {
  const { lang } = run;
  const W = experimentWords(lang);
  const I = W.items;
  const m = run.manifest;
  const e = run.experiment;
  const item = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const code = (x: string) => `<code>${esc(x)}</code>`;
  const git = m.git ? `${code(m.git.commit)}${m.git.dirty ? esc(W.uncommitted) : ''}` : esc(W.notGit);
  const models = Object.entries(m.models).map(([name, x]) => {
    const calibration = x.calibration
      ? esc(W.calibrated('\u0000F', '\u0000H', Object.keys(x.calibration.applied).length)).replace('\u0000F', code(x.calibration.file)).replace('\u0000H', code(x.calibration.hash.slice(0, 16)))
      : esc(W.notCalibrated);
    return `${esc(name)}: ${code(x.file)}, sha256 ${code(x.sha256.slice(0, 16))}; ${calibration}`;
  });
  const d = e.design;
  const englishOnly = (x: string) => (lang === 'en' ? x : `<span lang="en">${x}</span>`);
  const layout = d.kind === 'factorial'
    ? run.factors.map((f) => esc(W.factorLine(f.name, W.kinds[f.kind] ?? f.kind, f.levels.join(', '), f.baseline))).join('<br>')
    : d.kind === 'trial'
      ? `control ${esc(d.control)}; arms ${d.arms.map((a) => esc(a)).join(', ')}; outflow measured at month ${d.measureAtMonth}${d.selfSelection ? '; also with arms chosen by the volunteers' : ''}`
      : d.kind === 'displacement'
        ? `guidance for a random half of the group ${esc(JSON.stringify(d.group))}, drawn in month ${d.startMonth}, followed ${d.followMonths} months, in markets ${d.markets.map((k) => `${esc(k.name)} (vacancies x ${k.vacancyFactor})`).join(', ')}`
      : d.kind === 'grid'
        ? d.parameters.map((p) => `${esc(p.name)} (<code>${esc(p.path)}</code>): ${gridValues(p).map((v) => num(v, 2)).join(', ')}`).join('<br>')
      : `${d.samples} samples of ${d.parameters.map((p) => `${esc(p.name)} (<code>${esc(p.path)}</code>, ${num(p.min, 2)} to ${num(p.max, 2)}${p.log ? ', log scale' : ''})`).join(', ')}`;
  const design = d.kind === 'factorial' ? W.factorial : DESIGN_NAMES[d.kind] ?? d.kind;
  const replicates = d.kind === 'factorial' ? W.replicatesLine(allCells(run.factors).length, num(m.replicates, 0, lang)) : `${num(m.replicates)} replicates`;
  return `<section id="run">
<h2>${esc(W.whatRun)}</h2>
<dl>
${item(I.experiment, `${esc(m.experiment.name)} (${code(m.experiment.file)}, sha256 ${code(m.experiment.sha256.slice(0, 16))})`)}
${item(I.description, englishOnly(esc(e.description)))}
${item(I.design, esc(W.designOn(design, d.base)))}
${item(d.kind === 'factorial' ? I.factors : d.kind === 'trial' ? 'groups' : 'parameters', layout)}
${d.kind === 'trial' ? '' : item(I.outcomes, run.outcomes.map((o) => esc(outcomeTitle(o))).join(', '))}
${item(I.models, models.join('<br>'))}
${item(I.seed, esc(m.seed))}
${item(I.replicates, esc(replicates))}
${item(I.months, String(m.months))}
${item(I.versions, esc(W.versions(`${m.tool.name} ${m.tool.version}`, m.node, Object.entries(libraries).map(([k, v]) => `${k} ${v}`).join(', '))))}
${item(I.git, git)}
${item(I.ran, esc(W.ranOn(m.startedAt, m.finishedAt, m.workers)))}
${lang === 'en' ? '' : item(I.language, esc(W.languageName))}
${item(I.repeat, code(m.reproduce))}
</dl>
</section>`;
}

/** The report page of a loaded experiment (charts built, captions computed). */
export function buildExperimentHtml(run: ExperimentRun, charts = buildExperimentCharts(run)): string {
  const m = run.manifest;
  const W = experimentWords(run.lang);
  const what = run.design === 'factorial' ? W.cells(allCells(run.factors).length) : DESIGN_NAMES[run.design];
  const from = run.startMonth ? monthName(run.startMonth, 0, run.lang) : null;
  return renderPage({
    title: W.pageTitle(m.experiment.name, what, num(m.replicates, 0, run.lang)),
    lead: run.lang === 'en' ? [run.experiment.description, W.seedLine(m.seed, m.months, from)] : [W.seedLine(m.seed, m.months, from)],
    leadHtml: run.lang === 'en' ? [] : [`<span lang="en">${esc(run.experiment.description)}</span>`],
    before: [verdictSection(run)],
    figures: charts.map((c) => ({ ...c, caption: EXPERIMENT_CAPTIONS[c.name](run) })),
    after: [sensitivitySection(run), experimentRunSection(run, libraryVersions())].filter((x) => x !== ''),
    lang: run.lang,
  });
}

/**
 * Writes the charts and report of a finished experiment folder: `charts/<name>.vl.json`, `.svg`,
 * `.png` for each chart and `report.html`, each file atomically. Returns the files written,
 * relative to `runDir`. Throws an InputError if the folder is missing or incomplete.
 */
export async function writeExperimentReport(runDir: string, lang?: Lang, warn?: (message: string) => void): Promise<string[]> {
  const run = loadExperimentRun(runDir, lang);
  const asked = lang ?? run.manifest.lang;
  if (asked && asked !== run.lang) warn?.(reportMsg.englishOnly(run.design));
  const charts = buildExperimentCharts(run);
  const { files } = await writeCharts(join(runDir, 'charts'), charts);
  writeAtomic(join(runDir, 'report.html'), buildExperimentHtml(run, charts));
  return [...files.map((f) => `charts/${f}`), 'report.html'];
}
