/** The terminal table of headline figures: one column per scenario, "mean [95% range]". */
import { HEADLINES } from './headline.ts';
import type { SummaryFile } from './summary.ts';

const num = (x: number, unit: string) =>
  !Number.isFinite(x) ? 'n/a' : unit === 'EUR million' ? x.toFixed(1) : unit === '%' ? x.toFixed(1) : Math.round(x).toLocaleString('en-GB');

export function headlineTable(summary: SummaryFile): string {
  const names = Object.keys(summary.scenarios);
  const rows: string[][] = [['', ...names.map((n) => `${n}: mean [95% range]`)]];
  for (const h of HEADLINES) {
    rows.push([
      `${h.label} (${h.unit})`,
      ...names.map((n) => {
        const s = summary.scenarios[n][h.key];
        return `${num(s.mean, h.unit)} [${num(s.range95[0], h.unit)} .. ${num(s.range95[1], h.unit)}]`;
      }),
    ]);
  }
  const contrastRows = summary.contrasts
    .filter((c) => ['caseloadEnd', 'exitsWork', 'totalCost'].includes(c.metric))
    .map((c) => [
      `${c.scenario} - ${c.against}: ${c.label} (${c.unit})`,
      `${num(c.difference.mean, c.unit)}, 95% CI ${Number.isFinite(c.difference.ci95[0]) ? `${num(c.difference.ci95[0], c.unit)} .. ${num(c.difference.ci95[1], c.unit)}` : 'n/a (one replicate)'} (paired se ${num(c.pairedSe, c.unit === 'people' ? '%' : c.unit)})`,
    ]);
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  const line = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  const out = [line(rows[0]), ...rows.slice(1).map(line)];
  if (contrastRows.length) {
    out.push('', 'Paired differences (common random numbers):');
    for (const [a, b] of contrastRows) out.push(`  ${a}: ${b}`);
  }
  return out.join('\n');
}
