/**
 * Plain-language captions, every figure computed from the run (summary.json, series.csv and the
 * same derived bands the charts draw): no number in a caption is written by hand. The words are
 * the run's language (`run.lang`, from words.ts); numbers are formatted for it.
 */
import type { RunData } from './data.ts';
import { bands, caseloadPaths, savings } from './derive.ts';
import type { Lang } from './lang.ts';
import { between, monthName, num, range, signed } from './theme.ts';
import { words } from './words.ts';

type Stat = { mean: number; ci95: number[]; range95: number[] };

const headline = (run: RunData, scenario: string, key: string): Stat => run.summary.scenarios[scenario][key];
/** A contrast's figure; over an ensemble its interval is where 95% of runs fall (parameters and chance), else the mean's 95% CI. */
const statOf = (c: RunData['summary']['contrasts'][number]): Stat => (c.uncertainty ? { ...c.difference, ci95: c.uncertainty.interval95 } : c.difference);
const contrast = (run: RunData, scenario: string, key: string): Stat | undefined => {
  const c = run.summary.contrasts.find((x) => x.scenario === scenario && x.metric === key);
  return c ? statOf(c) : undefined;
};
/** "(95% CI 1,759 to 1,803)" */
const ci = (s: Stat, lang: Lang, decimals = 0) => words(lang).ci95(range(s.ci95[0], s.ci95[1], decimals, lang));
/** Decimals for EUR million: two below EUR 10 million, one above. */
const moneyDecimals = (x: number) => (Math.abs(x) < 10 ? 2 : 1);
/** "EUR 54.7 million", "EUR 0.79 million" (nl "54,7 miljoen euro") */
export const money = (x: number, lang: Lang = 'en') => words(lang).money(num(x, moneyDecimals(x), lang));
const pct = (part: number, whole: number, lang: Lang) => (whole > 0 ? `${num((100 * part) / whole, 0, lang)}%` : words(lang).notAvailable);
const excludesZero = (s: Stat) => s.ci95[0] > 0 || s.ci95[1] < 0;
const joinWords = (xs: string[], lang: Lang) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${words(lang).and} ${xs[xs.length - 1]}`);

/** Where the caseload ends, with the spread of runs, and how the first scenario compares. */
export function caseloadCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  const [first, ...others] = run.scenarios;
  const endDate = monthName(run.startMonth, run.months, lang);
  const end = (s: string) => bands(caseloadPaths(run, s))[run.months];
  const e0 = end(first);
  const start = bands(caseloadPaths(run, first))[0].mean;
  const vs = others.map((o) => {
    const d = contrast(run, o, 'caseloadEnd');
    if (!d) return '';
    // the contrast is other minus first; say it from the first scenario's side
    if (!excludesZero(d)) return W.capCaseloadNoDiff(o, signed(-d.mean, 0, lang), range(-d.ci95[1], -d.ci95[0], 0, lang));
    const below = d.mean > 0;
    const [lo, hi] = below ? [d.ci95[0], d.ci95[1]] : [-d.ci95[1], -d.ci95[0]];
    return W.capCaseloadDiff(num(Math.abs(d.mean), 0, lang), below, o, range(lo, hi, 0, lang));
  });
  const sentences = [
    W.capCaseloadFirst(first, num(start, 0, lang), num(e0.mean, 0, lang), endDate, between(e0.p05, e0.p95, 0, lang), vs.join('')),
    ...others.map((o) => {
      const e = end(o);
      return W.capCaseloadOther(o, num(e.mean, 0, lang), between(e.p05, e.p95, 0, lang));
    }),
  ];
  return sentences.join(' ');
}

/** Exits by route over the whole run, with shares. */
export function exitsCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  return run.scenarios
    .map((s, i) => {
      const total = headline(run, s, 'exitsTotal');
      const part = (key: string) => {
        const v = headline(run, s, key).mean;
        return `${num(v, 0, lang)} ${W.capRoutes[key]} (${pct(v, total.mean, lang)})`;
      };
      const routes = joinWords([part('exitsWork'), part('exitsSchool'), part('exitsNonInfluenceable')], lang);
      return `${i === 0 ? W.capExitsFirst(run.months, s) : W.capExitsOther(s)} ${W.capExits(num(total.mean, 0, lang), ci(total, lang), routes)}`;
    })
    .join(' ');
}

/** Applicants admitted and deterred, and re-entries, over the whole run. */
export function inflowCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  return run.scenarios
    .map((s, i) => {
      const admitted = headline(run, s, 'admitted');
      const deterred = headline(run, s, 'deterred').mean;
      const back = headline(run, s, 'reentries');
      const head = W.capInflowHead(i === 0, run.months, s);
      return `${head} ${W.capInflow(i === 0, num(admitted.mean, 0, lang), ci(admitted, lang), deterred > 0 ? num(deterred, 0, lang) : null, num(back.mean, 0, lang), ci(back, lang))}`;
    })
    .join(' ');
}

/** How the composition moves from the first to the last month. */
export function compositionCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  const last = run.months - 1;
  return run.scenarios
    .map((s, i) => {
      const move = (metric: string, scale: number, decimals: number, unit: string) => {
        const m = run.series(s, metric).mean;
        return W.capMove(`${num(m[0] * scale, decimals, lang)}${unit}`, `${num(m[last] * scale, decimals, lang)}${unit}`);
      };
      return W.capComposition(i === 0, s, move('share45Plus', 100, 1, '%'), move('share5YearsPlus', 100, 1, '%'), move('meanEmployability', 1, 3, ''));
    })
    .join('; ') + W.capCompositionEnd(monthName(run.startMonth, 0, lang), monthName(run.startMonth, last, lang), run.manifest.runs);
}

const CONTRAST_KEYS = ['caseloadEnd', 'exitsWork', 'reentries', 'totalCost'] as const;

/** The main differences of every other scenario from the first, and how many are clear. */
export function contrastsCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  const [first, ...others] = run.scenarios;
  const parts = others.map((o) => {
    const items = CONTRAST_KEYS.map((key) => {
      const c = run.summary.contrasts.find((x) => x.scenario === o && x.metric === key);
      if (!c) return '';
      const d = c.unit === 'people' ? 0 : 2;
      const unit = W.capContrastUnit[c.unit] ?? ` ${W.unit[c.unit] ?? c.unit}`;
      const s = statOf(c);
      return W.capContrastItem(W.headline[c.metric] ?? c.label, signed(s.mean, d, lang), unit, range(s.ci95[0], s.ci95[1], d, lang));
    }).filter(Boolean);
    return W.capContrastLine(o, first, joinWords(items, lang));
  });
  const all = run.summary.contrasts.filter((c) => c.metric !== 'caseloadStart');
  const clear = all.filter((c) => excludesZero(statOf(c))).length;
  const cost = all.find((c) => c.metric === 'totalCost' && c.uncertainty);
  if (cost?.uncertainty) {
    const u = cost.uncertainty;
    return `${parts.join(' ')}${W.capContrastEnsemble(clear, all.length, u.sets, u.perSet, W.headline[cost.metric] ?? cost.label, num(100 * u.parameterShare, 0, lang), num(100 * u.chanceShare, 0, lang))}`;
  }
  return `${parts.join(' ')}${W.capContrastEnd(clear, all.length, run.manifest.runs)}`;
}

/** Total cost per scenario, and the first scenario's cumulative saving with its payback month. */
export function costsCaption(run: RunData): string {
  const { lang } = run;
  const W = words(lang);
  const [first] = run.scenarios;
  const costs = run.scenarios.map((s, i) => {
    const total = headline(run, s, 'totalCost');
    const programme = headline(run, s, 'programmeCost').mean;
    const of = W.capProgramme(programme > 0 ? money(programme, lang) : null);
    return W.capCosts(i === 0, run.months, s, money(total.mean, lang), ci(total, lang, moneyDecimals(total.mean)), of);
  });
  const last = run.months - 1;
  const endDate = monthName(run.startMonth, last, lang);
  const saved = savings(run).map((s) => {
    const end = s.bands[last];
    const spread = between(end.p05, end.p95, moneyDecimals(end.mean), lang);
    const head = W.capSaved(s.against, first, end.mean >= 0 ? money(end.mean, lang) : null, end.mean < 0 ? money(-end.mean, lang) : null, endDate, spread);
    if (s.paybackMonth === null) return `${head}${W.capNoPayback(run.months)}`;
    return `${head}${W.capPayback(monthName(run.startMonth, s.paybackMonth, lang), s.paybackMonth + 1, s.staysPositive)}`;
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
