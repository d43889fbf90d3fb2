/** The calibration report: each target, the simulated mean with its 95% interval, and whether it is met. */
import type { TargetResult } from './evaluate.ts';
import { isShare } from './targets.ts';

const num = (v: number, share: boolean) =>
  share ? `${(100 * v).toFixed(1)}%` : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1);

export interface ReportRow {
  model: string;
  target: string;
  figure: string;
  source: string;
  value: string;
  tolerance: string;
  simulated: string;
  ci95: string;
  spread: string;
  met: string;
}

export function reportRows(results: readonly TargetResult[]): ReportRow[] {
  return results.map((r) => {
    const s = isShare(r.target);
    return {
      model: r.model,
      target: r.target.name,
      figure: r.target.figure,
      source: r.target.source,
      value: num(r.target.value, s),
      tolerance: `±${num(r.target.tolerance, s)}`,
      simulated: num(r.mean, s),
      ci95: `${num(r.lo, s)} to ${num(r.hi, s)}`,
      spread: `${num(r.p05, s)} to ${num(r.p95, s)}`,
      met: r.met ? 'yes' : `NO (${r.miss > 0 ? '+' : ''}${r.miss.toFixed(1)} tol)`,
    };
  });
}

/** A fixed-width terminal table. */
export function terminalTable(results: readonly TargetResult[]): string {
  const rows = reportRows(results);
  const head = ['model', 'target', 'seed figure', 'tolerance', 'simulated', '95% CI', 'met'];
  const body = rows.map((r) => [r.model, r.target, r.value, r.tolerance, r.simulated, r.ci95, r.met]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function markdownReport(results: readonly TargetResult[], meta: Record<string, string | number>): string {
  const rows = reportRows(results);
  const met = results.filter((r) => r.met).length;
  const out = [
    '# Calibration report',
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    `- targets met: ${met} of ${results.length}`,
    '',
    '| model | target | seed figure | value | tolerance | simulated mean | 95% CI of the mean | 5-95% of replicates | met |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.model} | ${r.target} | ${r.figure} (${r.source}) | ${r.value} | ${r.tolerance} | ${r.simulated} | ${r.ci95} | ${r.spread} | ${r.met} |`),
    '',
  ];
  const missed = results.filter((r) => !r.met);
  if (missed.length > 0) {
    out.push('## Targets not reached', '');
    for (const r of missed) out.push(`- ${r.model} / ${r.target.name}: simulated ${num(r.mean, isShare(r.target))} against ${num(r.target.value, isShare(r.target))} ± ${num(r.target.tolerance, isShare(r.target))}.`);
    out.push('');
  }
  return out.join('\n');
}

export function targetsCsv(results: readonly TargetResult[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['model,target,value,tolerance,mean,se,ci95_lo,ci95_hi,p05,p95,miss_in_tolerances,met'];
  for (const r of results) {
    lines.push([q(r.model), q(r.target.name), r.target.value, r.target.tolerance, r.mean, r.se, r.lo, r.hi, r.p05, r.p95, r.miss, r.met].join(','));
  }
  return lines.join('\n') + '\n';
}
