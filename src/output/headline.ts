/**
 * Headline figures of one replicate, computed from its monthly series: what a council asks first.
 */
import { M, METRIC_COUNT } from '../engine/metrics.ts';

export const HEADLINES = [
  { key: 'caseloadStart', label: 'caseload at start', unit: 'people' },
  { key: 'caseloadEnd', label: 'caseload at end', unit: 'people' },
  { key: 'caseloadChange', label: 'caseload change', unit: 'people' },
  { key: 'caseloadChangePct', label: 'caseload change', unit: '%' },
  { key: 'exitsWork', label: 'exits to work', unit: 'people' },
  { key: 'exitsSchool', label: 'exits to school / removed', unit: 'people' },
  { key: 'exitsNonInfluenceable', label: 'exits non-influenceable', unit: 'people' },
  { key: 'exitsTotal', label: 'exits, all routes', unit: 'people' },
  { key: 'admitted', label: 'applicants admitted', unit: 'people' },
  { key: 'deterred', label: 'applicants deterred', unit: 'people' },
  { key: 'reentries', label: 're-entries after leaving by any route', unit: 'people' },
  { key: 'share45PlusEnd', label: 'share 45+ at end', unit: '%' },
  { key: 'share5YearsPlusEnd', label: 'share on benefit 5+ years at end', unit: '%' },
  { key: 'benefitCost', label: 'benefit cost', unit: 'EUR million' },
  { key: 'programmeCost', label: 'programme cost', unit: 'EUR million' },
  { key: 'totalCost', label: 'total cost', unit: 'EUR million' },
] as const;

export type HeadlineKey = (typeof HEADLINES)[number]['key'];
export const HEADLINE_COUNT = HEADLINES.length;

/** The headline values of one replicate's series, in `HEADLINES` order. */
export function headlinesOf(series: Float64Array, months: number): Float64Array {
  const at = (t: number, m: number) => series[t * METRIC_COUNT + m];
  const total = (m: number) => {
    let s = 0;
    for (let t = 0; t < months; t++) s += at(t, m);
    return s;
  };
  const start = at(0, M.caseload);
  const end = at(months - 1, M.caseloadEnd);
  const work = total(M.exitsWork);
  const school = total(M.exitsSchool);
  const non = total(M.exitsNonInfluenceable);
  const benefit = total(M.benefitCost) / 1e6;
  const programme = total(M.programmeCost) / 1e6;
  return Float64Array.of(
    start, end, end - start, start > 0 ? (100 * (end - start)) / start : 0,
    work, school, non, work + school + non,
    total(M.admitted), total(M.deterred), total(M.reentries),
    100 * at(months - 1, M.share45Plus), 100 * at(months - 1, M.share5YearsPlus),
    benefit, programme, benefit + programme,
  );
}
