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
      met: r.target.superseded !== undefined ? `superseded (${r.miss > 0 ? '+' : ''}${r.miss.toFixed(1)} tol)` : r.met ? 'yes' : `NO (${r.miss > 0 ? '+' : ''}${r.miss.toFixed(1)} tol)`,
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

/** Which targets inform which free values: the calibration's identification, stated once. */
export const INFORMS: readonly [RegExp, string][] = [
  [/^inflow\.applicantsPerMonth$/, "the town's cbs-stock-* and cbs-inflow-* targets (its level); the trend comes from unemployment"],
  [/^economy\.inflowElasticity$/, 'every town\'s cbs-inflow-* over 2015-2017 (how inflow fell as unemployment fell)'],
  [/^matching\./, 'every town\'s cbs-to-work-* (exits to work against its labour force, unemployment and vacancies)'],
  [/^exits\./, 'every town\'s cbs-outflow-* less cbs-to-work-*, the national share-5y-plus-* and Amsterdam\'s share-5y-plus-2017 (how duration slows exits)'],
  [/^revolvingDoor\./, 'the Divosa divosa-* return shares, and the re-entries inside every cbs-inflow-*'],
  [/^employability\./, 'cbs-to-work-* by composition, share-45plus-2015, Almere\'s comparison-2015 (45+ on rungs 3-5)'],
  [/^policyEffects\.guidance\./, "Almere's year1-work, two-years-work, two-years-all-exits; Wageningen's guidance-outflow"],
  [/^policyEffects\.exemption\./, "Wageningen's exemption-outflow against its control-outflow"],
  [/^policyEffects\.earningsDisregard\./, "Wageningen's earnings-outflow against its control-outflow"],
  [/^policyEffects\.tegenprestatie\./, "Rotterdam's tegenprestatie-to-work and off-the-couch"],
];

export function informedBy(path: string): string {
  return INFORMS.find(([re]) => re.test(path))?.[1] ?? '(no target names it: it should not be free)';
}

/** Per model: fitted targets, superseded ones, free local values; then every free value and what informs it. */
export function identificationTable(results: readonly TargetResult[], parameters: readonly { name: string; min: number; max: number; value: number }[]): string[] {
  const models = [...new Set(results.map((r) => r.model))];
  const shared = parameters.filter((p) => p.name.startsWith('behaviour.'));
  const out = ['## Identification', '', `Shared values (one set for every town): ${shared.length}. Per model:`, '',
    '| model | targets fitted | superseded | local free values | at most half? |', '|---|---|---|---|---|'];
  let totalTargets = 0;
  for (const m of models) {
    const mine = results.filter((r) => r.model === m);
    const fitted = mine.filter((r) => r.target.superseded === undefined).length;
    totalTargets += fitted;
    const local = parameters.filter((p) => p.name.startsWith(`${m}:`)).length;
    out.push(`| ${m} | ${fitted} | ${mine.length - fitted} | ${local} | ${local * 2 <= fitted ? 'yes' : '**no**'} |`);
  }
  const totalFree = parameters.length;
  out.push('', `All together: ${totalFree} free values for ${totalTargets} fitted targets (${totalFree * 2 <= totalTargets ? 'at most half' : '**more than half**'}).`, '',
    '| free value | fitted | bounds | informed by | at a bound? |', '|---|---|---|---|---|');
  for (const p of parameters) {
    const path = p.name.startsWith('behaviour.') ? p.name.slice('behaviour.'.length) : p.name.slice(p.name.indexOf(':') + 1);
    const atBound = atABound(p);
    out.push(`| ${p.name} | ${p.value.toPrecision(4)} | ${p.min}-${p.max} | ${informedBy(path)} | ${atBound ? '**FAILURE: at its bound**' : 'no'} |`);
  }
  out.push('');
  return out;
}

/** A fitted value within 1% of the range from a bound: the data push past what the bounds allow. */
export function atABound(p: { min: number; max: number; value: number }): boolean {
  const eps = 0.01 * (p.max - p.min);
  return p.value <= p.min + eps || p.value >= p.max - eps;
}

export function markdownReport(results: readonly TargetResult[], meta: Record<string, string | number>, parameters?: readonly { name: string; min: number; max: number; value: number }[]): string {
  const rows = reportRows(results);
  const live = results.filter((r) => r.target.superseded === undefined);
  const met = live.filter((r) => r.met).length;
  const out = [
    '# Calibration report',
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    `- targets met: ${met} of ${live.length} (${results.length - live.length} superseded: measured and reported, not fitted)`,
    '',
    '| model | target | seed figure | value | tolerance | simulated mean | 95% CI of the mean | 5-95% of replicates | met |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.model} | ${r.target} | ${r.figure} (${r.source}) | ${r.value} | ${r.tolerance} | ${r.simulated} | ${r.ci95} | ${r.spread} | ${r.met} |`),
    '',
  ];
  if (parameters) out.push(...identificationTable(results, parameters));
  const gone = results.filter((r) => r.target.superseded !== undefined);
  if (gone.length > 0) {
    out.push('## Seed figures that lose to the data, and why', '');
    for (const r of gone) out.push(`- ${r.model} / ${r.target.name} (${r.target.figure}): simulated ${num(r.mean, isShare(r.target))}. ${r.target.superseded}`);
    out.push('');
  }
  const missed = live.filter((r) => !r.met);
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
