/**
 * One month of the simulation, in a fixed order:
 *
 *   1. economy       vacancies and expected applicants for the month (precomputed path)
 *   2. inflow        applicants are drawn and appended
 *   3. intake        policies may deter applicants; the rest are admitted
 *   4. assignment    employability; policies end finished spells, fill places, set multipliers
 *   5. hazards       limited jobs shared out by weight (matching function)
 *   6. exits         competing risks: work, school/removed, non-influenceable (incl. pension)
 *   7. re-entry      jobs end, leavers of every route may return, deterred applicants reapply
 *   8. ageing        age, durations, motivation and skills drift, employability, policies' trait effects
 *                    (6-8 run as one pass over the columns, in this order per person)
 *   9. bookkeeping   the month's row of metrics; stock-flow identity holds by construction
 */
import { M, METRIC_COUNT } from './metrics.ts';
import * as stage from './stages.ts';
import type { Sim } from './sim.ts';

/** Runs month `t` and writes its metrics into `out` at row `t`. */
export function step(sim: Sim, t: number, out: Float64Array): void {
  const caseload = sim.caseload;                                          // start of month
  const { demand } = sim.economy;                                         // 1
  const { from, to } = stage.inflow(sim, t);                              // 2
  const [admitted, deterred] = stage.intake(sim, t, from, to);            // 3
  const participants = stage.assignPolicies(sim, t);                      // 4
  stage.workHazards(sim, t);                                              // 5
  const f = stage.exitsReentriesAgeing(sim, t);                           // 6, 7, 8
  stage.recordOutcomes(sim, t);                                           // 8
  const traits = stage.developTraits(sim, t);                             // 8
  const [caseloadEnd, share45, share5y, emp, mot] = stage.composition(sim, f, traits); // 9
  let programmeCost = 0, withheld = 0;
  for (const p of sim.policies) {
    programmeCost += p.cost(to - from);
    if (p.withheldBenefit) withheld += p.withheldBenefit();
  }
  const v = out.subarray(t * METRIC_COUNT, (t + 1) * METRIC_COUNT);
  v[M.caseload] = caseload;
  v[M.applicants] = to - from + f.reapplied;
  v[M.deterred] = deterred;
  v[M.admitted] = admitted + f.reapplied;
  v[M.reapplied] = f.reapplied;
  v[M.otherJobseekers] = sim.economy.otherJobseekers[t];
  v[M.hires] = sim.market.hires;
  v[M.vacancyFill] = sim.market.fill;
  v[M.unemploymentPct] = sim.economy.unemploymentPct[t];
  v[M.reentries] = f.returned;
  v[M.exitsWork] = f.work;
  v[M.exitsSchool] = f.school;
  v[M.exitsNonInfluenceable] = f.non;
  v[M.exitsPension] = f.pension;
  v[M.caseloadEnd] = caseloadEnd;
  v[M.inWork] = f.inWork;
  v[M.durableJobs] = f.durable;
  v[M.share45Plus] = share45;
  v[M.share5YearsPlus] = share5y;
  v[M.meanEmployability] = emp;
  v[M.meanMotivation] = mot;
  v[M.participants] = participants;
  v[M.vacancies] = sim.vacanciesThisMonth;
  v[M.demand] = demand[t];
  v[M.benefitCost] = (caseload + admitted + f.reapplied + f.returned) * sim.model.costs.benefitPerRecipientMonth - withheld;
  v[M.programmeCost] = programmeCost;
  sim.caseload = caseloadEnd;
  stage.compactIfSparse(sim, sim.agents.size - caseloadEnd - f.inWork);
}
