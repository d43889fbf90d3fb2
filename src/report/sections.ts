/**
 * The report's HTML sections around the charts: headline figures with their 95% intervals
 * (summary.json), the differences from the first scenario, and what the run was (manifest.json).
 */
import type { RunData } from './data.ts';
import { esc } from './html.ts';
import { decimalsFor, monthName, num, range, signed } from './theme.ts';

/** Headlines shown in the tables, in order. */
export const TABLE_HEADLINES = [
  'caseloadStart', 'caseloadEnd', 'caseloadChangePct', 'exitsWork', 'exitsSchool', 'exitsNonInfluenceable', 'exitsTotal',
  'admitted', 'deterred', 'reentries', 'share45PlusEnd', 'share5YearsPlusEnd', 'benefitCost', 'programmeCost', 'totalCost',
] as const;

const unitWords = (unit: string) => (unit === '%' ? '%' : unit);

/** One cell: the mean and, below it, its 95% CI. */
export function cell(mean: number, ci: number[], unit: string, diff = false): string {
  const d = decimalsFor(unit);
  const show = diff ? signed(mean, d) : num(mean, d);
  return `${show}<span class="ci">${range(ci[0], ci[1], d)}</span>`;
}

/** A column of the headline table: one scenario of one run. */
export interface Column {
  label: string;
  run: RunData;
  scenario: string;
}

/** Headline figures per column (mean and 95% CI of the mean); `corner` heads the label column. */
export function headlineTable(columns: Column[], corner: string): string {
  const rows = TABLE_HEADLINES.map((key) => {
    const first = columns[0].run.summary.scenarios[columns[0].scenario][key];
    const cells = columns.map((c) => {
      const h = c.run.summary.scenarios[c.scenario]?.[key];
      return h ? `<td>${cell(h.mean, h.ci95, h.unit)}</td>` : '<td>n/a</td>';
    });
    return `<tr><td>${esc(first.label)} (${esc(unitWords(first.unit))})</td>${cells.join('')}</tr>`;
  });
  return `<table class="headlines"><thead><tr><th>${esc(corner)}</th>${columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** Every other scenario minus the first, paired; bold where the 95% CI excludes zero. */
export function contrastTable(run: RunData): string {
  const [first, ...others] = run.scenarios;
  if (others.length === 0) return '';
  const rows = TABLE_HEADLINES.filter((k) => k !== 'caseloadStart').map((key) => {
    const cells = others.map((o) => {
      const c = run.summary.contrasts.find((x) => x.scenario === o && x.metric === key);
      if (!c) return '<td>n/a</td>';
      const clear = c.difference.ci95[0] > 0 || c.difference.ci95[1] < 0;
      return `<td${clear ? ' class="clear"' : ''}>${cell(c.difference.mean, c.difference.ci95, c.unit, true)}</td>`;
    });
    const any = run.summary.contrasts.find((x) => x.metric === key)!;
    const unit = any.unit === '%' ? 'percentage points' : any.unit;
    return `<tr><td>${esc(any.label)} (${esc(unit)})</td>${cells.join('')}</tr>`;
  });
  return `<h3>Differences from ${esc(first)}</h3>
<table class="contrasts"><thead><tr><th>scenario minus ${esc(first)}</th>${others.map((o) => `<th>${esc(o)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">Paired per run: both scenarios of a run share their people and their luck (common random numbers). Bold: the 95% confidence interval excludes zero.</p>`;
}

/** The headline section of a single run's report. */
export function headlineSection(run: RunData): string {
  return `<section id="headlines">
<h2>Headline figures</h2>
${headlineTable(run.scenarios.map((s) => ({ label: s, run, scenario: s })), `over ${run.months} months`)}
<p class="note">Mean of ${run.manifest.runs} runs; below it the 95% confidence interval of that mean. Costs and exits are totals over the ${run.months} months; shares are at the end.</p>
${contrastTable(run)}
</section>`;
}

/** What the run was, from manifest.json, and how to repeat it. */
export function runSection(run: RunData, libraries: Record<string, string>, id = 'run', heading = 'What this run was'): string {
  const m = run.manifest;
  const item = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const git = m.git ? `<code>${esc(m.git.commit)}</code>${m.git.dirty ? ' (with uncommitted changes)' : ''}` : 'not a git checkout';
  const scenarios = m.scenarios.map((s) => `${esc(s)}: ${esc(m.economy[s] ?? '')}`).join('<br>');
  return `<section id="${esc(id)}">
<h2>${esc(heading)}</h2>
<dl>
${item('model', `${esc(m.model.name)} (<code>${esc(m.model.file)}</code>, sha256 <code>${esc(m.model.sha256.slice(0, 16))}</code>)`)}
${m.parameters.model.description ? item('description', esc(m.parameters.model.description)) : ''}
${item('calibration', m.calibration ? `<code>${esc(m.calibration.file)}</code>` : 'none (behavioural defaults)')}
${item('master seed', esc(m.masterSeed))}
${item('replicates', `${num(m.runs)} per scenario`)}
${item('months', `${m.months}, ${esc(monthName(run.startMonth, 0))} to ${esc(monthName(run.startMonth, m.months - 1))}`)}
${item('scenarios and economy', scenarios)}
${item('versions', `${esc(m.tool.name)} ${esc(m.tool.version)}, Node ${esc(m.node)}; charts drawn with ${Object.entries(libraries).map(([k, v]) => `${esc(k)} ${esc(v)}`).join(', ')}`)}
${item('git commit', git)}
${item('ran', `${esc(m.startedAt)} to ${esc(m.finishedAt)} on ${esc(m.workers)} worker${m.workers === 1 ? '' : 's'}`)}
${item('repeat it with', `<code>${esc(m.reproduce)}</code>`)}
</dl>
</section>`;
}
