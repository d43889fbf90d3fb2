/** The session's results as CSV (tidy: one row per round, economy and group), for the teacher to keep. */
import type { SessionState } from './state.ts';

const cell = (s: string | number) => (typeof s === 'number' ? String(s) : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function sessionCsv(s: SessionState): string {
  const header = [
    'round', 'economy', 'group', 'policies', 'model', 'runs', 'seed', 'caseload_start', 'caseload_end', 'caseload_end_lo95', 'caseload_end_hi95',
    'exits_work', 'exits_work_lo95', 'exits_work_hi95', 'total_cost_eur_million', 'programme_cost_eur_million', 'share_45plus_end_pct', 'share_5yearsplus_end_pct',
  ];
  const rows = s.rounds.flatMap((r) =>
    r.groups.map((g, i) => {
      const x = r.results[i];
      const policies = g.policies.map((k) => s.model.policies[k].type).join('+') || 'none';
      return [r.round, r.economy, g.name, policies, s.model.name, s.runs, s.seed, x.caseloadStart, x.caseloadEnd, x.caseloadEndLo, x.caseloadEndHi,
        x.exitsWork, x.exitsWorkLo, x.exitsWorkHi, x.totalCost, x.programmeCost, x.share45PlusEnd, x.share5YearsPlusEnd].map(cell).join(',');
    }),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}
