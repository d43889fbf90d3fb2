/**
 * The bijstand year has seasons: the caseload rises from November to March and falls from May to
 * September (school years start, summer work), then rises again. CBS's monthly count of benefits
 * under AOW age (nl_caseload.csv, gh_veranijmeijer_37789ksz, 2007-2017) shows it in every year;
 * the quarterly persons series the national model is fitted to (cbs_news_2024_09) has the same
 * flat third quarters and jumping fourth ones.
 *
 * Estimated here, not fitted:
 *   - s(m), the seasonal net change in calendar month m as a share of the caseload: each month's
 *     relative change minus its calendar year's mean monthly change, averaged over the complete
 *     years 2008-2017 (sums to about zero over a year);
 *   - how the net change divides between inflow and outflow, from the one quarter CBS reports both
 *     for (Q3 2017: 27,000 in, 34,000 out, cbs_trends_2018, against the year's quarterly means from
 *     cbs_84066NED): inflow carries `inflowShare` of the seasonal deviation, exits the rest;
 *   - the flow rates that turn a net change into factors on the flows (2017, cbs_84066NED).
 *
 * The model then multiplies month m's applicants by 1 + a·s(m)/inRate and its exits other than to
 * work (school, moving, household, removal) by 1 - (1-a)·s(m)/nonWorkRate. Exits to work keep the
 * labour market's own timing (vacancies are seasonally adjusted).
 */
import { cbs } from '../data/cbs.ts';

export interface Seasonality {
  /** Seasonal net change of the caseload in calendar month 1..12 (index 0..11), share of the caseload. */
  netChange: number[];
  /** Share of the seasonal net change carried by inflow (the rest by exits other than to work). */
  inflowShare: number;
  /** Factor on applicants per calendar month. */
  inflowFactor: number[];
  /** Factor on exit hazards other than to work per calendar month. */
  nonWorkExitFactor: number[];
  note: string;
}

const FIRST_YEAR = 2008;
const LAST_YEAR = 2017;

let cached: Seasonality | undefined;

export function seasonality(): Seasonality {
  if (cached) return cached;
  const level = (y: number, m: number) => cbs('NL', `${y}-${String(m).padStart(2, '0')}`, 'uitkeringen_u_aow', 'nl_caseload').value;
  const sums = new Array<number>(12).fill(0);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const changes: number[] = [];
    for (let m = 1; m <= 12; m++) {
      const before = m === 1 ? level(y - 1, 12) : level(y, m - 1);
      changes.push((level(y, m) - before) / before);
    }
    const mean = changes.reduce((a, b) => a + b, 0) / 12;
    changes.forEach((c, i) => (sums[i] += c - mean));
  }
  const years = LAST_YEAR - FIRST_YEAR + 1;
  const netChange = sums.map((s) => s / years);
  // the split: Q3 2017's deviation of inflow and outflow from the year's quarterly mean
  const flows = (m: string) => cbs('NL', '2017', m, 'nl_flows').value;
  const inQ3 = cbs('NL', '2017Q3', 'inflow_persons_trends', 'nl_flows').value - flows('inflow_u_aow') / 4;
  const outQ3 = cbs('NL', '2017Q3', 'outflow_persons_trends', 'nl_flows').value - flows('outflow_u_aow') / 4;
  const inflowShare = inQ3 / (inQ3 - outQ3);
  // monthly rates as shares of the caseload (2017: mean of the end-2016 and end-2017 stocks)
  const stock = (cbs('NL', '2016Q4', 'persons_u_aow', 'nl_caseload').value + cbs('NL', '2017Q4', 'persons_u_aow', 'nl_caseload').value) * 500;
  const inRate = flows('inflow_u_aow') / 12 / stock;
  const nonWorkRate = (flows('outflow_u_aow') - flows('outflow_to_work_u_aow')) / 12 / stock;
  cached = {
    netChange,
    inflowShare,
    inflowFactor: netChange.map((s) => 1 + (inflowShare * s) / inRate),
    nonWorkExitFactor: netChange.map((s) => 1 - ((1 - inflowShare) * s) / nonWorkRate),
    note: `seasons from CBS's monthly benefits 2008-2017; ${Math.round(100 * inflowShare)}% of the seasonal net change in inflow, the rest in exits other than to work (Q3 2017)`,
  };
  return cached;
}
