/**
 * Trait profiles shared by several models: the national bijstand population around 2015-2019 and
 * its applicants. [choice] The seeds give no trait distributions; these follow the broad shape of
 * CBS bijstand statistics (older than the labour force, mostly low-educated, mostly single, long
 * durations) and are stated once here so the models differ only where a seed says they do.
 * Each model spreads a profile and overrides what its seed reports.
 */
import type { ModelInput } from '../../src/model/schema.ts';
import { cbs, stockAtStart, townYear } from '../../src/data/cbs.ts';
import type { Metric } from '../../src/engine/metrics.ts';

type Target = NonNullable<ModelInput['targets']>[number];

type Traits = ModelInput['population']['traits'];
type ApplicantTraits = ModelInput['inflow']['traits'];

/** The national bijstand stock. */
export const nationalStock: Traits = {
  age: [
    { from: 18, to: 27, share: 0.1 },
    { from: 27, to: 45, share: 0.4 },
    { from: 45, to: 55, share: 0.26 },
    { from: 55, to: 65, share: 0.24 },
  ],
  yearsOnBenefit: [
    { from: 0, to: 1, share: 0.22 },
    { from: 1, to: 2, share: 0.15 },
    { from: 2, to: 5, share: 0.25 },
    { from: 5, to: 10, share: 0.2 },
    { from: 10, to: 25, share: 0.18 },
  ],
  education: { low: 0.58, medium: 0.32, high: 0.1 },
  motivation: { mean: 0.5, sd: 0.2 },
  multiProblemShare: 0.33,
  ladder: [0.12, 0.23, 0.27, 0.22, 0.11, 0.05],
  household: { single: 0.62, singleParent: 0.25, couple: 0.13 },
  clustering: 0.5,
};

/** People applying for bijstand: younger, more recently in work, more motivated. */
export const nationalApplicants: ApplicantTraits = {
  age: [
    { from: 18, to: 27, share: 0.25 },
    { from: 27, to: 45, share: 0.45 },
    { from: 45, to: 55, share: 0.18 },
    { from: 55, to: 65, share: 0.12 },
  ],
  education: { low: 0.5, medium: 0.37, high: 0.13 },
  motivation: { mean: 0.6, sd: 0.2 },
  multiProblemShare: 0.2,
  ladder: [0.05, 0.15, 0.25, 0.25, 0.2, 0.1],
  household: { single: 0.6, singleParent: 0.25, couple: 0.15 },
  clustering: 0.5,
};

/** EUR per recipient-month: seed 000 (Emmen) "every person leaving saves EUR 14,000 a year". */
export const BENEFIT_PER_MONTH = 14_000 / 12;

/** Net labour participation (employed / population 15-75), CBS 2017, where the data have the town; else NL. */
function participation(geo: string): number {
  try { return cbs(geo, '2017', 'net_participation', 'labour_market').value / 100; } catch { return cbs('NL', '2017', 'net_participation', 'labour_market').value / 100; }
}

/**
 * What the CBS tables say about a town (geo as in data/cbs/municipal.csv), for its model file:
 * - `size`: persons on bijstand under AOW age at the start of 2015 (end-2015 stock - 2015 inflow
 *   + 2015 outflow; cbs_83450NED);
 * - `labourForce`: inhabitants 15 to AOW age (2015) x net participation / (1 - regional
 *   unemployment), the slice of the regional market the town's recipients reach;
 * - `unemploymentRatio`: the labour-market region's unemployment rate over the national one, 2016
 *   (cbs_news_2017_17: the 35 arbeidsmarktregio's);
 * - `targets`: stock at the end of 2015, 2016, 2017 (tolerance 5%) and the yearly inflow, outflow
 *   and outflow to work (tolerance 20%), persons under AOW age, months counted from `start`.
 */
export function cbsTown(geo: string, region: string, start = 2015, scale = 1) {
  const ratio = cbs(region, '2016', 'unemployment_rate', 'labour_market').value / cbs('Nederland', '2016', 'unemployment_rate', 'labour_market').value;
  const u = (cbs('NL', '2015', 'unemployment_rate', 'labour_market').value * ratio) / 100;
  const y15 = townYear(geo, 2015);
  const labourForce = Math.round((y15.inhabitants.value * participation(geo)) / (1 - u) * scale);
  const targets: Target[] = [];
  for (const year of [2015, 2016, 2017]) {
    const y = townYear(geo, year);
    const from = (year - start) * 12;
    const src = `${y.stock.sourceId} (CBS, persons under AOW age${scale !== 1 ? `, x ${scale} for the sample` : ''})`;
    const flow = (name: string, f: typeof y.inflow, metrics: Metric[], what: string): Target => ({
      name: `cbs-${name}-${year}`, figure: `${what} ${year}: ${f.value.toLocaleString('en')} persons`, source: src,
      value: f.value * scale, tolerance: 0.2 * f.value * scale,
      measure: { kind: 'sum', metrics, fromMonth: from, untilMonth: from + 12 },
    });
    targets.push(
      {
        name: `cbs-stock-${year}`, figure: `persons on bijstand under AOW age, end of ${year}: ${y.stock.value.toLocaleString('en')}`, source: src,
        value: y.stock.value * scale, tolerance: 0.05 * y.stock.value * scale,
        measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: from + 11, untilMonth: from + 12 },
      },
      flow('inflow', y.inflow, ['admitted', 'reentries'], 'inflow (new and returning)'),
      flow('outflow', y.outflow, ['exitsWork', 'exitsSchool', 'exitsNonInfluenceable'], 'outflow (all routes)'),
      flow('to-work', y.outflowToWork, ['exitsWork'], 'outflow to work'),
    );
  }
  const perMonth = (y15.inflow.value / 12) * scale;
  return {
    size: Math.round(stockAtStart(geo, 2015) * scale),
    /** A start for the fit: CBS 2015 inflow per month (re-entries included, so the fit lands lower). */
    applicants: Math.round(perMonth),
    free: { path: 'inflow.applicantsPerMonth', min: Math.round(0.3 * perMonth), max: Math.round(1.5 * perMonth), note: 'applicants per month at 6.9% national unemployment' },
    /**
     * The town's vacancy rate relative to the national one: CBS gives vacancies by province for one
     * quarter only (cbs_2018_09_vac_prov: 4,800 in Drenthe to 45,300 in Zuid-Holland), not per town,
     * so it is fitted within 0.5-2. Leave-one-town-out holds it at 1 for the town it predicts.
     */
    vacancyFree: { path: 'economy.regionalFactor', min: 0.5, max: 2, note: 'the town\'s vacancy rate relative to the national one; not in the data per town' },
    labourForce,
    unemploymentRatio: Number(ratio.toFixed(3)),
    targets,
    source: { figure: `caseload, flows and labour market of ${geo} (region ${region})`, source: 'data/cbs: cbs_83450NED, cbs_83747NED, cbs_84066NED (persons under AOW age), cbs_news_2017_17 (regional unemployment), nieuws_nl_2018_02 (participation)' },
  };
}

/** Months from 2015-01 to a "YYYY-MM" month: policies that start later are timed from the 2015 start. */
export const monthsFrom2015 = (month: string) => { const [y, m] = month.split('-').map(Number); return (y - 2015) * 12 + m - 1; };
