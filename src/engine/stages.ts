/**
 * The stages of one month, each a pass over the columns. `step.ts` calls them in order.
 * Each returns the counts it produces; none keeps state outside `sim`.
 */
import { ROUTES, Route, State } from '../agents/columns.ts';
import { synthesisePerson } from '../agents/synthesise.ts';
import { luckOf, Purpose } from '../random/luck.ts';
import { openStream, poissonFromUniform } from '../random/streams.ts';
import type { MonthContext } from '../policies/types.ts';
import { computeEmployability } from './employability.ts';
import { APPLICANT_KEY_BASE, APPLICANT_KEY_STRIDE, type Sim } from './sim.ts';

/** Non-influenceable exits by household (single, single parent, couple): singles move in with a partner more. [choice] */
const HOUSEHOLD_NON_FACTOR = Float64Array.of(1.15, 1.0, 0.7);
const ON_BENEFIT = State.onBenefit;
const IN_WORK = State.inWork;
const GONE = State.gone;
const LEFT = State.left;

export function context(sim: Sim, month: number): MonthContext {
  return {
    month, agents: sim.agents, behaviour: sim.behaviour, seed: sim.seed, employability: sim.agents.employability,
    benefitPerRecipientMonth: sim.model.costs.benefitPerRecipientMonth,
  };
}

/** 2. Inflow: this month's applicants are drawn and appended, with their employability. */
export function inflow(sim: Sim, t: number): { from: number; to: number } {
  const u = openStream([...sim.streamKey, 'applicants', t]);
  const n = poissonFromUniform(sim.economy.applicants[t], u());
  const a = sim.agents;
  const from = a.size;
  const frailtySd = sim.behaviour.employability.frailtySd;
  for (let k = 0; k < n; k++) {
    const slot = a.append();
    synthesisePerson(a, slot, sim.applicants, u, APPLICANT_KEY_BASE + t * APPLICANT_KEY_STRIDE + k, frailtySd);
    a.entryMonth[slot] = t;
  }
  computeEmployability(a, sim.behaviour, sim.tables, a.employability, from, a.size);
  return { from, to: a.size };
}

/** 3. Intake: applicants may withdraw under the policies' deterrence. Returns [admitted, deterred]. */
export function intake(sim: Sim, t: number, from: number, to: number): [number, number] {
  const a = sim.agents;
  const deterring = sim.policies.filter((p) => p.deterrence);
  if (deterring.length === 0 || to === from) return [to - from, 0];
  let mean = 0;
  for (let i = from; i < to; i++) mean += a.employability[i];
  mean /= to - from;
  let deterred = 0;
  for (let i = from; i < to; i++) {
    let stay = 1;
    for (const p of deterring) stay *= 1 - p.deterrence!(a, i, a.employability[i] / mean);
    if (luckOf(a.luckKey[i], t, Purpose.intake) < 1 - stay) {
      a.state[i] = LEFT; // may apply again later (revolvingDoor.reapplyPerMonth)
      a.leftRoute[i] = Route.deterred;
      a.exitMonth[i] = t;
      a.monthsInWork[i] = 0;
      deterred++;
    }
  }
  return [to - from - deterred, deterred];
}

/** 4. Policy assignment: each policy ends finished spells, fills its places and sets its multipliers. */
export function assignPolicies(sim: Sim, t: number): number {
  const a = sim.agents;
  a.searchMult.fill(1, 0, a.size);
  a.employMult.fill(1, 0, a.size);
  a.schoolMult.fill(1, 0, a.size);
  if (sim.additiveHazards) {
    a.ownWorkHazard.fill(0, 0, a.size);
    a.removalHazard.fill(0, 0, a.size);
  }
  const ctx = context(sim, t);
  let participants = 0;
  for (const p of sim.policies) {
    p.assign?.(ctx);
    p.applyEffects?.(ctx);
    participants += p.participants();
  }
  return participants;
}

/**
 * 5. Hazards: jobs are limited and shared with the region's other jobseekers. Recipients' search
 * units U_r = sum of search x employability; the other unemployed add U_o = outsideSearch x their
 * number. Hires M = phi V (1 - exp(-mu (U_r + U_o) / (phi V))) (urn-ball matching: in a slack
 * market extra search mostly takes jobs from others, in a tight one it mostly creates hires).
 * Recipients get M U_r / (U_r + U_o), shared out by each person's weight w = search x
 * employability x employers' age preference. Displacement emerges, partial and market-dependent.
 */
export function workHazards(sim: Sim, t: number): number {
  const a = sim.agents;
  const { search, matching } = sim.behaviour;
  const { state, motivation, searchMult, employMult, ageMonths, employability: e, workHazard: w } = a;
  const empAge = sim.tables.employerAge;
  const last = empAge.length - 1;
  let units = 0;
  let weights = 0;
  for (let i = 0; i < a.size; i++) {
    if (state[i] !== State.onBenefit) { w[i] = 0; continue; }
    const se = (search.base + search.motivationSlope * motivation[i]) * searchMult[i] * e[i] * employMult[i];
    units += se;
    const wi = se * empAge[ageMonths[i] < last ? ageMonths[i] : last];
    w[i] = wi;
    weights += wi;
  }
  let V = sim.economy.vacancies[t];
  if (sim.vacancyPolicies.length > 0) {
    const ctx = context(sim, t);
    for (const p of sim.vacancyPolicies) V += p.vacancyChange!(ctx);
    V = Math.max(0, V);
  }
  sim.vacanciesThisMonth = V;
  const outside = matching.outsideSearch * sim.economy.otherJobseekers[t];
  const total = units + outside;
  const capacity = matching.fillsPerVacancy * V;
  const hires = capacity > 0 && total > 0 ? capacity * -Math.expm1((-matching.efficiency * total) / capacity) : 0;
  const jobs = total > 0 ? (hires * units) / total : 0;
  sim.market = { hires, fill: capacity > 0 ? hires / capacity : 1, jobs };
  // each person's work hazard is w[i] * (jobs / weights); `exits` applies the scale
  sim.workScale = weights > 0 ? jobs / weights : 0;
  return jobs;
}

/** Counts of stages 6-8: exits by route, re-entries, durable jobs, still in work. */
export interface Flows {
  work: number;
  school: number;
  non: number;
  pension: number;
  /** Former recipients back on benefit this month, by any route (the revolving door). */
  returned: number;
  /** Deterred applicants who applied again and were admitted. */
  reapplied: number;
  durable: number;
  inWork: number;
}

/**
 * 6-8 in one pass over the columns (each person's order is the stages' order, and no stage
 * depends on another person, so one pass gives the same result as three):
 *
 * 6. Exits by competing risks for those on benefit: work (the market's share), school/removal and
 *    non-influenceable, both falling with the years on benefit; the AOW age is certain.
 * 7. The revolving door: jobs found from bijstand end (higher in the first year) and some losers
 *    return; those who left by another route return with a hazard that fades with time since
 *    leaving; deterred applicants may apply again. Jobs that last become durable and leave the
 *    model, as do leavers past the return window.
 * 8. Ageing, durations and slow trait drift (motivation and skills fall while on benefit).
 */
export function exitsReentriesAgeing(sim: Sim, t: number): Flows {
  const a = sim.agents;
  const pensionMonths = sim.economy.pensionMonths[t];
  const season = sim.economy.nonWorkExitFactor[t];
  const { baseSchool, baseNon, workScale, durationFactor: dur, reentry } = sim;
  const lastDur = dur.length - 1;
  const youth = sim.behaviour.exits.youthSchoolFactor;
  const additive = sim.additiveHazards;
  const { ownWorkHazard: ownWork, removalHazard: removal } = a;
  const rd = sim.behaviour.revolvingDoor;
  const { jobLossPerMonthFirstYear: pFirst, jobLossPerMonthSecondYear: pLater, returnShare, durableAfterMonths, returnWindowMonths: window } = rd;
  const returnHazard = sim.returnHazard;
  const { motivationDecayPerMonth: decay, motivationFloor: floor, skillDecayPerMonth: skillDecay } = sim.behaviour.dynamics;
  const { state, ageMonths, workHazard: hw, schoolMult, household, luckKey, monthsInWork, monthsOnBenefit, spells, entryMonth, exitMonth, leftRoute, motivation, skills } = a;
  let work = 0, school = 0, non = 0, pension = 0, returned = 0, reapplied = 0, durable = 0, inWork = 0;
  const n = a.size;
  for (let i = 0; i < n; i++) {
    const s = state[i];
    if (s === GONE) continue;
    if (s === ON_BENEFIT) {
      // 6. exits
      if (ageMonths[i] >= pensionMonths) { state[i] = GONE; non++; pension++; continue; }
      const mob = monthsOnBenefit[i];
      const d = dur[mob < lastDur ? mob : lastDur];
      let hW = hw[i] * workScale;
      let hS = baseSchool * d * schoolMult[i] * (ageMonths[i] < 324 ? youth : 1) * season;
      if (additive) { hW += ownWork[i]; hS += removal[i]; }
      const h = hW + hS + baseNon * d * HOUSEHOLD_NON_FACTOR[household[i]] * season;
      // 1 - exp(-h): a Taylor series where h is small (error < h^4/24 < 5e-6 for h < 0.1)
      const p = h < 0.1 ? h * (1 - h * (0.5 - h / 6)) : -Math.expm1(-h);
      const u = luckOf(luckKey[i], t, Purpose.exit);
      if (u < p) {
        const r = (u / p) * h; // the same draw picks the route, in proportion to the hazards
        const route = r < hW ? Route.work : r < hW + hS ? Route.school : Route.non;
        exitMonth[i] = t;
        leftRoute[i] = route;
        monthsInWork[i] = 1;
        ageMonths[i]++;
        reentry.exits[t * ROUTES + route]++;
        if (route === Route.work) { state[i] = IN_WORK; work++; inWork++; continue; }
        state[i] = LEFT;
        if (route === Route.school) school++;
        else non++;
        continue;
      }
    } else if (s === IN_WORK) {
      // 7. the revolving door after a job (in work since an earlier month)
      const m = monthsInWork[i];
      if (m >= durableAfterMonths) { state[i] = GONE; durable++; continue; }
      if (luckOf(luckKey[i], t, Purpose.jobLoss) >= (m < 12 ? pFirst : pLater)) {
        ageMonths[i]++;
        monthsInWork[i] = m + 1;
        inWork++;
        continue;
      }
      if (luckOf(luckKey[i], t, Purpose.returnToBenefit) >= returnShare) { state[i] = GONE; continue; }
      if (!backOnBenefit(a, i, t, reentry)) { state[i] = GONE; continue; }
      returned++;
    } else {
      // 7. returns after another route, and deterred applicants applying again
      const m = monthsInWork[i];
      const route = leftRoute[i];
      if (m >= window || ageMonths[i] >= pensionMonths) { state[i] = GONE; continue; }
      if (luckOf(luckKey[i], t, Purpose.returnToBenefit) >= returnHazard[route * (window + 1) + m]) {
        ageMonths[i]++;
        monthsInWork[i] = m + 1;
        continue;
      }
      if (route === Route.deterred) {
        state[i] = ON_BENEFIT;
        monthsInWork[i] = 0;
        entryMonth[i] = t;
        reapplied++;
      } else {
        if (!backOnBenefit(a, i, t, reentry)) { state[i] = GONE; continue; }
        returned++;
      }
    }
    // 8. ageing on benefit
    ageMonths[i]++;
    monthsOnBenefit[i]++;
    const mo = motivation[i] - decay;
    motivation[i] = mo > floor ? mo : Math.min(floor, motivation[i]);
    const k = skills[i] - skillDecay;
    skills[i] = k > 0.02 ? k : 0.02;
  }
  return { work, school, non, pension, returned, reapplied, durable, inWork };

  function backOnBenefit(ag: typeof a, i: number, month: number, log: typeof reentry): boolean {
    const since = month - ag.exitMonth[i];
    if (since > log.window) return false;
    log.returns[(ag.exitMonth[i] * ROUTES + ag.leftRoute[i]) * (log.window + 1) + since]++;
    ag.state[i] = ON_BENEFIT;
    ag.monthsInWork[i] = 0;
    ag.monthsOnBenefit[i] = 0; // a new spell: the duration clock restarts (CBS counts durations per spell)
    if (ag.spells[i] < 255) ag.spells[i]++;
    ag.entryMonth[i] = month;
    return true;
  }
}

/** 8 (start). Programmes count their participants who left this month, by route and cohort. */
export function recordOutcomes(sim: Sim, t: number): void {
  for (const p of sim.policies) if (p.programmes) for (const g of p.programmes) g.recordOutcomes(sim.agents, t);
}

/** 8 (continued). The policies' own trait effects on their participants. */
export function developTraits(sim: Sim, t: number): void {
  const ctx = context(sim, t);
  for (const p of sim.policies) if (p.developTraits) p.developTraits(ctx);
}

const counts = new Float64Array(4);

/**
 * 9. Composition of the caseload at the end of the month, counted afresh: [count, share 45+,
 * share 5y+, mean employability, mean motivation]. Refreshes the employability column, which the
 * next month's policies and hazards use; the counts come from the same pass.
 */
export function composition(sim: Sim): [number, number, number, number, number] {
  const emp = computeEmployability(sim.agents, sim.behaviour, sim.tables, sim.agents.employability, 0, sim.agents.size, counts);
  const n = counts[0];
  return n === 0 ? [0, 0, 0, 0, 0] : [n, counts[1] / n, counts[2] / n, emp / n, counts[3] / n];
}

/** Drops the gone once they are a quarter of the slots. */
export function compactIfSparse(sim: Sim, gone: number): void {
  if (gone * 4 > sim.agents.size) sim.agents.compact();
}
