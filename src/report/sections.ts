/**
 * The report's HTML sections around the charts: headline figures with their 95% intervals
 * (summary.json), the differences from the first scenario, and what the run was (manifest.json).
 * Words in the run's language (`run.lang`).
 */
import type { RunData } from './data.ts';
import { esc } from './html.ts';
import type { Lang } from './lang.ts';
import { decimalsFor, monthName, num, range, signed } from './theme.ts';
import { modelDescription } from './model-words.ts';
import { words } from './words.ts';

/** Headlines shown in the tables, in order. */
export const TABLE_HEADLINES = [
  'caseloadStart', 'caseloadEnd', 'caseloadChangePct', 'exitsWork', 'exitsSchool', 'exitsNonInfluenceable', 'exitsTotal',
  'admitted', 'deterred', 'reentries', 'share45PlusEnd', 'share5YearsPlusEnd', 'benefitCost', 'programmeCost', 'totalCost',
] as const;

/** One cell: the mean and, below it, its 95% CI. */
export function cell(mean: number, ci: number[], unit: string, diff = false, lang: Lang = 'en'): string {
  const d = decimalsFor(unit);
  const show = diff ? signed(mean, d, lang) : num(mean, d, lang);
  return `${show}<span class="ci">${range(ci[0], ci[1], d, lang)}</span>`;
}

/** A column of the headline table: one scenario of one run. */
export interface Column {
  label: string;
  run: RunData;
  scenario: string;
}

/** Headline figures per column (mean and 95% CI of the mean); `corner` heads the label column. */
export function headlineTable(columns: Column[], corner: string): string {
  const lang = columns[0].run.lang;
  const W = words(lang);
  const rows = TABLE_HEADLINES.map((key) => {
    const first = columns[0].run.summary.scenarios[columns[0].scenario][key];
    const cells = columns.map((c) => {
      const h = c.run.summary.scenarios[c.scenario]?.[key];
      return h ? `<td>${cell(h.mean, h.ci95, h.unit, false, lang)}</td>` : `<td>${W.notAvailable}</td>`;
    });
    return `<tr><td>${esc(W.headline[key] ?? first.label)} (${esc(W.unit[first.unit] ?? first.unit)})</td>${cells.join('')}</tr>`;
  });
  return `<table class="headlines"><thead><tr><th>${esc(corner)}</th>${columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** Every other scenario minus the first, paired; bold where the 95% CI excludes zero. */
export function contrastTable(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  const [first, ...others] = run.scenarios;
  if (others.length === 0) return '';
  const rows = TABLE_HEADLINES.filter((k) => k !== 'caseloadStart').map((key) => {
    const cells = others.map((o) => {
      const c = run.summary.contrasts.find((x) => x.scenario === o && x.metric === key);
      if (!c) return `<td>${W.notAvailable}</td>`;
      const clear = c.difference.ci95[0] > 0 || c.difference.ci95[1] < 0;
      return `<td${clear ? ' class="clear"' : ''}>${cell(c.difference.mean, c.difference.ci95, c.unit, true, lang)}</td>`;
    });
    const any = run.summary.contrasts.find((x) => x.metric === key)!;
    const unit = any.unit === '%' ? 'percentage points' : any.unit;
    return `<tr><td>${esc(W.headline[key] ?? any.label)} (${esc(W.unit[unit] ?? unit)})</td>${cells.join('')}</tr>`;
  });
  return `<h3>${esc(W.differencesFrom(first))}</h3>
<table class="contrasts"><thead><tr><th>${esc(W.minus('scenario', first))}</th>${others.map((o) => `<th>${esc(o)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">${esc(W.contrastNote)}</p>`;
}

/** The headline section of a single run's report. */
export function headlineSection(run: RunData): string {
  const W = words(run.lang);
  return `<section id="headlines">
<h2>${esc(W.headlines)}</h2>
${headlineTable(run.scenarios.map((s) => ({ label: s, run, scenario: s })), W.overMonths(run.months))}
<p class="note">${esc(W.headlineNote(run.manifest.runs, run.months))}</p>
${contrastTable(run)}
</section>`;
}

/**
 * A model's description in the page's language: the Dutch translation (model-words.ts) when it
 * translates the model file's current English; otherwise the English text marked `lang="en"` (so
 * readers and screen readers know) with a note saying it is only in English.
 */
export function descriptionHtml(model: string, description: string, lang: Lang): string {
  const d = modelDescription(model, description, lang);
  if (d.translated) return esc(d.text);
  return `${esc(words(lang).descriptionOnlyEnglish)} <span lang="en">${esc(description)}</span>`;
}

/** What the run was, from manifest.json, and how to repeat it. */
export function runSection(run: RunData, libraries: Record<string, string>, id = 'run', heading?: string): string {
  const { lang } = run;
  const W = words(lang);
  const I = W.runItems;
  const m = run.manifest;
  const item = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const git = m.git ? `<code>${esc(m.git.commit)}</code>${m.git.dirty ? esc(W.uncommitted) : ''}` : esc(W.notGit);
  const scenarios = m.scenarios.map((s) => `${esc(s)}: <span lang="en">${esc(m.economy[s] ?? '')}</span>`).join('<br>');
  return `<section id="${esc(id)}">
<h2>${esc(heading ?? W.whatRun)}</h2>
<dl>
${item(I.model, `${esc(m.model.name)} (<code>${esc(m.model.file)}</code>, sha256 <code>${esc(m.model.sha256.slice(0, 16))}</code>)`)}
${m.parameters.model.description ? item(I.description, descriptionHtml(m.model.name, m.parameters.model.description, lang)) : ''}
${item(I.calibration, m.calibration ? `<code>${esc(m.calibration.file)}</code>` : esc(W.noCalibration))}
${item(I.seed, esc(m.masterSeed))}
${item(I.replicates, esc(W.perScenario(num(m.runs, 0, lang))))}
${item(I.months, esc(W.monthsFromTo(m.months, monthName(run.startMonth, 0, lang), monthName(run.startMonth, m.months - 1, lang))))}
${item(I.economy, scenarios)}
${item(I.versions, esc(W.versions(`${m.tool.name} ${m.tool.version}`, m.node, Object.entries(libraries).map(([k, v]) => `${k} ${v}`).join(', '))))}
${item(I.git, git)}
${item(I.ran, esc(W.ranOn(m.startedAt, m.finishedAt, m.workers)))}
${item(I.language, esc(W.languageName))}
${item(I.repeat, `<code>${esc(m.reproduce)}</code>`)}
</dl>
</section>`;
}
