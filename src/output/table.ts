/** The terminal table of headline figures: one column per scenario, "mean [95% range]", in the run's language. */
import { formatNumber, type Lang } from '../report/lang.ts';
import { words } from '../report/words.ts';
import { HEADLINES } from './headline.ts';
import type { SummaryFile } from './summary.ts';

const num = (x: number, unit: string, lang: Lang) => formatNumber(x, unit === 'EUR million' || unit === '%' ? 1 : 0, lang);

export function headlineTable(summary: SummaryFile, lang: Lang = 'en'): string {
  const W = words(lang);
  const names = Object.keys(summary.scenarios);
  const unit = (u: string) => W.unit[u] ?? u;
  const rows: string[][] = [['', ...names.map((n) => W.tableMeanRange(n))]];
  for (const h of HEADLINES) {
    rows.push([
      `${W.headline[h.key] ?? h.label} (${unit(h.unit)})`,
      ...names.map((n) => {
        const s = summary.scenarios[n][h.key];
        return `${num(s.mean, h.unit, lang)} [${num(s.range95[0], h.unit, lang)} .. ${num(s.range95[1], h.unit, lang)}]`;
      }),
    ]);
  }
  const contrastRows = summary.contrasts
    .filter((c) => ['caseloadEnd', 'exitsWork', 'totalCost'].includes(c.metric))
    .map((c) => [
      `${c.scenario} - ${c.against}: ${W.headline[c.metric] ?? c.label} (${unit(c.unit)})`,
      c.uncertainty
        ? W.tableContrastEnsemble(
          num(c.difference.mean, c.unit, lang), num(c.uncertainty.interval95[0], c.unit, lang), num(c.uncertainty.interval95[1], c.unit, lang),
          formatNumber(100 * c.uncertainty.parameterShare, 0, lang), formatNumber(100 * c.uncertainty.chanceShare, 0, lang), formatNumber(100 * c.uncertainty.sameSign, 0, lang),
        )
        : W.tableContrast(
        num(c.difference.mean, c.unit, lang),
        Number.isFinite(c.difference.ci95[0]) ? [num(c.difference.ci95[0], c.unit, lang), num(c.difference.ci95[1], c.unit, lang)] : null, // one replicate: no interval
        num(c.pairedSe, c.unit === 'people' ? '%' : c.unit, lang),
      ),
    ]);
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  const line = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  const out = [line(rows[0]), ...rows.slice(1).map(line)];
  if (contrastRows.length) {
    out.push('', W.tablePaired);
    for (const [a, b] of contrastRows) out.push(`  ${a}: ${b}`);
  }
  const u = summary.contrasts.find((c) => c.uncertainty)?.uncertainty;
  if (u) out.push('', W.tableEnsemble(u.sets, u.perSet));
  // the policies' saving: a scenario without policy minus the first, in total cost
  const saving = summary.contrasts.find((c) => c.metric === 'totalCost' && c.uncertainty && /no-polic/.test(c.scenario));
  if (saving?.uncertainty) {
    const x = saving.uncertainty;
    out.push(W.tableSaving(saving.against, saving.scenario, num(saving.difference.mean, 'EUR million', lang), num(x.interval95[0], 'EUR million', lang), num(x.interval95[1], 'EUR million', lang),
      formatNumber(100 * x.parameterShare, 0, lang), formatNumber(100 * x.chanceShare, 0, lang)));
  }
  return out.join('\n');
}
