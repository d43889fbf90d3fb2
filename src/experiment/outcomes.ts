/** The outcomes an experiment compares, each measured on one replicate's monthly series. */
import { M, METRIC_COUNT } from '../engine/metrics.ts';
import type { Outcome } from './schema.ts';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  'caseload-change': 'caseload change (people)',
  'caseload-change-pct': 'caseload change (%)',
  'caseload-end': 'caseload at the end (people)',
  'exits-to-work': 'exits to work (people)',
  'exits-to-work-per-100': 'exits to work per 100 recipients at the start',
  reentries: 're-entries after leaving by any route (people)',
  'share-45-plus-end': 'share 45+ at the end (%)',
  'share-5y-plus-end': 'share on benefit 5+ years at the end (%)',
  'employability-end': 'mean employability at the end',
  'benefit-cost': 'benefit cost (EUR)',
  'programme-cost': 'programme cost (EUR)',
  'total-cost': 'benefit plus programme cost (EUR)',
};

const sum = (s: Float64Array, months: number, col: number) => {
  let v = 0;
  for (let t = 0; t < months; t++) v += s[t * METRIC_COUNT + col];
  return v;
};

export function measureOutcome(o: Outcome, s: Float64Array, months: number): number {
  const last = (col: number) => s[(months - 1) * METRIC_COUNT + col];
  const start = s[M.caseload];
  switch (o) {
    case 'caseload-change': return last(M.caseloadEnd) - start;
    case 'caseload-change-pct': return (100 * (last(M.caseloadEnd) - start)) / start;
    case 'caseload-end': return last(M.caseloadEnd);
    case 'exits-to-work': return sum(s, months, M.exitsWork);
    case 'exits-to-work-per-100': return (100 * sum(s, months, M.exitsWork)) / start;
    case 'reentries': return sum(s, months, M.reentries);
    case 'share-45-plus-end': return 100 * last(M.share45Plus);
    case 'share-5y-plus-end': return 100 * last(M.share5YearsPlus);
    case 'employability-end': return last(M.meanEmployability);
    case 'benefit-cost': return sum(s, months, M.benefitCost);
    case 'programme-cost': return sum(s, months, M.programmeCost);
    case 'total-cost': return sum(s, months, M.benefitCost) + sum(s, months, M.programmeCost);
  }
}
