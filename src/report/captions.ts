/**
 * Plain-language captions, every figure computed from the run (summary.json, series.csv and the
 * same derived bands the charts draw): no number in a caption is written by hand.
 */
import type { RunData } from './data.ts';
import { bands, caseloadPaths, savings } from './derive.ts';
import { between, monthName, num, range, signed } from './theme.ts';

type Stat = { mean: number; ci95: number[]; range95: number[] };

const headline = (run: RunData, scenario: string, key: string): Stat => run.summary.scenarios[scenario][key];
const contrast = (run: RunData, scenario: string, key: string): Stat | undefined =>
  run.summary.contrasts.find((c) => c.scenario === scenario && c.metric === key)?.difference;
/** "(95% CI 1,759 to 1,803)" */
const ci = (s: Stat, decimals = 0) => `(95% CI ${range(s.ci95[0], s.ci95[1], decimals)})`;
/** Decimals for EUR million: two below EUR 10 million, one above. */
const moneyDecimals = (x: number) => (Math.abs(x) < 10 ? 2 : 1);
/** "EUR 54.7 million", "EUR 0.79 million" */
export const money = (x: number) => `EUR ${num(x, moneyDecimals(x))} million`;
const pct = (part: number, whole: number) => (whole > 0 ? `${num((100 * part) / whole)}%` : 'n/a');
const excludesZero = (s: Stat) => s.ci95[0] > 0 || s.ci95[1] < 0;
const joinWords = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Where the caseload ends, with the spread of runs, and how the first scenario compares. */
export function caseloadCaption(run: RunData): string {
  const [first, ...others] = run.scenarios;
  const endDate = monthName(run.startMonth, run.months);
  const end = (s: string) => bands(caseloadPaths(run, s))[run.months];
  const e0 = end(first);
  const start = bands(caseloadPaths(run, first))[0].mean;
  const vs = others.map((o) => {
    const d = contrast(run, o, 'caseloadEnd');
    if (!d) return '';
    // the contrast is other minus first; say it from the first scenario's side
    if (!excludesZero(d)) return `; no clear difference from ${o} (${signed(-d.mean)}, 95% CI ${range(-d.ci95[1], -d.ci95[0])})`;
    const below = d.mean > 0;
    const [lo, hi] = below ? [d.ci95[0], d.ci95[1]] : [-d.ci95[1], -d.ci95[0]];
    return `, ${num(Math.abs(d.mean))} ${below ? 'below' : 'above'} ${o} (95% CI ${range(lo, hi)})`;
  });
  const sentences = [
    `Under ${first} the caseload goes from ${num(start)} to ${num(e0.mean)} by ${endDate} (90% of runs end ${between(e0.p05, e0.p95)})${vs.join('')}.`,
    ...others.map((o) => {
      const e = end(o);
      return `Under ${o} it ends at ${num(e.mean)} (90% of runs ${between(e.p05, e.p95)}).`;
    }),
  ];
  return sentences.join(' ');
}

/** Exits by route over the whole run, with shares. */
export function exitsCaption(run: RunData): string {
  return run.scenarios
    .map((s, i) => {
      const total = headline(run, s, 'exitsTotal');
      const part = (key: string, words: string) => {
        const v = headline(run, s, key).mean;
        return `${num(v)} ${words} (${pct(v, total.mean)})`;
      };
      const routes = joinWords([part('exitsWork', 'to work'), part('exitsSchool', 'to school or removed'), part('exitsNonInfluenceable', 'non-influenceable')]);
      return `${i === 0 ? `Over the ${run.months} months, under ${s} there are` : `Under ${s}:`} ${num(total.mean)} exits ${ci(total)}: ${routes}.`;
    })
    .join(' ');
}

/** Applicants admitted and deterred, and re-entries, over the whole run. */
export function inflowCaption(run: RunData): string {
  return run.scenarios
    .map((s, i) => {
      const admitted = headline(run, s, 'admitted');
      const deterred = headline(run, s, 'deterred').mean;
      const back = headline(run, s, 'reentries');
      const deters = deterred > 0 ? `, ${num(deterred)} deterred` : ', none deterred';
      const head = i === 0 ? `Over the ${run.months} months, under ${s}` : `Under ${s}:`;
      return `${head} ${num(admitted.mean)} applicants ${i === 0 ? 'are ' : ''}admitted ${ci(admitted)}${deters}; ${num(back.mean)} people come back after losing a job ${ci(back)}.`;
    })
    .join(' ');
}

/** How the composition moves from the first to the last month. */
export function compositionCaption(run: RunData): string {
  const last = run.months - 1;
  return run.scenarios
    .map((s, i) => {
      const move = (metric: string, scale: number, decimals: number, unit: string) => {
        const m = run.series(s, metric).mean;
        return `${num(m[0] * scale, decimals)}${unit} to ${num(m[last] * scale, decimals)}${unit}`;
      };
      const who = i === 0 ? `Under ${s} the share aged 45 or over` : `under ${s} the share aged 45+`;
      return `${who} goes from ${move('share45Plus', 100, 1, '%')}, the share on benefit 5 years or more from ${move('share5YearsPlus', 100, 1, '%')}, and mean employability from ${move('meanEmployability', 1, 3, '')}`;
    })
    .join('; ') + `. Values at the end of ${monthName(run.startMonth, 0)} and of ${monthName(run.startMonth, last)}, means of ${run.manifest.runs} runs.`;
}

const CONTRAST_KEYS = ['caseloadEnd', 'exitsWork', 'reentries', 'totalCost'] as const;

/** The main differences of every other scenario from the first, and how many are clear. */
export function contrastsCaption(run: RunData): string {
  const [first, ...others] = run.scenarios;
  const parts = others.map((o) => {
    const items = CONTRAST_KEYS.map((key) => {
      const c = run.summary.contrasts.find((x) => x.scenario === o && x.metric === key);
      if (!c) return '';
      const d = c.unit === 'people' ? 0 : 2;
      const unit = c.unit === 'people' ? ' people' : c.unit === 'EUR million' ? ' EUR million' : ` ${c.unit}`;
      return `${c.label} ${signed(c.difference.mean, d)}${unit} (${range(c.difference.ci95[0], c.difference.ci95[1], d)})`;
    }).filter(Boolean);
    return `${o} minus ${first}: ${joinWords(items)}.`;
  });
  const all = run.summary.contrasts.filter((c) => c.metric !== 'caseloadStart');
  const clear = all.filter((c) => excludesZero(c.difference)).length;
  return `${parts.join(' ')} In brackets the 95% confidence interval of the mean difference. ${clear} of the ${all.length} differences in summary.json have a 95% confidence interval that excludes zero (${run.manifest.runs} runs).`;
}

/** Total cost per scenario, and the first scenario's cumulative saving with its payback month. */
export function costsCaption(run: RunData): string {
  const [first] = run.scenarios;
  const costs = run.scenarios.map((s, i) => {
    const total = headline(run, s, 'totalCost');
    const programme = headline(run, s, 'programmeCost').mean;
    const of = programme > 0 ? `of which ${money(programme)} on programmes` : 'with no programme cost';
    return `${i === 0 ? `Over the ${run.months} months, ` : ''}${s} costs ${money(total.mean)} ${ci(total, moneyDecimals(total.mean))}, ${of}`;
  });
  const last = run.months - 1;
  const endDate = monthName(run.startMonth, last);
  const saved = savings(run).map((s) => {
    const end = s.bands[last];
    const sign = end.mean >= 0 ? `has saved ${money(end.mean)}` : `has cost ${money(-end.mean)} more`;
    const head = `Against ${s.against}, ${first} ${sign} by the end of ${endDate} (90% of runs ${between(end.p05, end.p95, moneyDecimals(end.mean))})`;
    if (s.paybackMonth === null) return `${head}; its cumulative saving never turns positive within the ${run.months} months.`;
    const when = `${monthName(run.startMonth, s.paybackMonth)}, after ${s.paybackMonth + 1} month${s.paybackMonth === 0 ? '' : 's'}`;
    return `${head}; the cumulative saving first turns positive in ${when}${s.staysPositive ? ', and stays positive' : ', but does not stay positive'}.`;
  });
  return [costs.join('; ') + '.', ...saved].join(' ');
}

/** The caption of each chart by name. */
export const CAPTIONS: Record<string, (run: RunData) => string> = {
  caseload: caseloadCaption,
  'exits-by-route': exitsCaption,
  inflow: inflowCaption,
  composition: compositionCaption,
  contrasts: contrastsCaption,
  costs: costsCaption,
};
