/**
 * Stages 6-8 of a month as one pass over the columns: exits, the revolving door, ageing and the
 * employability of the new traits. `stages.ts` runs it in the month's order.
 */
import { ROUTES, Route, State } from '../agents/columns.ts';
import { kernelFor } from '../agents/specialise.ts';
import { luckSalt, luckSalted, Purpose } from '../random/luck.ts';
import { fastExp } from './fast-exp.ts';
import { NO_SLOT, type Sim } from './sim.ts';
import type { Intervention } from '../policies/types.ts';

/** Non-influenceable exits by household (single, single parent, couple): singles move in with a partner more. [choice] */
const HOUSEHOLD_NON_FACTOR = Float64Array.of(1.15, 1.0, 0.7);
const ON_BENEFIT = State.onBenefit;
const IN_WORK = State.inWork;
const GONE = State.gone;
const LEFT = State.left;

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
  /** The caseload at the end of the pass: count, aged 45+, on benefit 5 years+. */
  caseloadEnd: number;
  over45: number;
  over5y: number;
  /** Sums over the caseload of employability (unrounded) and motivation, in slot order. */
  employability: number;
  motivation: number;
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
 * 8. Ageing, durations and slow trait drift (motivation and skills fall while on benefit); then
 *    the employability of the new traits (0 off benefit) and the caseload's counts and sums for
 *    the month's composition (`refreshTouched` and `composition` finish them after the policies'
 *    own trait effects).
 */
export function exitsReentriesAgeing(sim: Sim, t: number): Flows {
  const a = sim.agents;
  const pass = kernelFor(a, exitsPass, [EXITS_LIB] as const);
  const b = sim.behaviour, rd = b.revolvingDoor, dyn = b.dynamics, e = b.employability;
  const month: ExitsMonth = {
    t, pensionMonths: sim.economy.pensionMonths[t], season: sim.economy.nonWorkExitFactor[t],
    baseSchool: sim.baseSchool, baseNon: sim.baseNon, workScale: sim.workScale, youth: b.exits.youthSchoolFactor,
    // hazard columns no policy wrote this month are 1 or 0 everywhere (x * 1 and x + 0 are exact): not read
    schooled: sim.hazardsNow.schoolMult, ownWorked: sim.hazardsNow.ownWorkHazard, removed: sim.hazardsNow.removalHazard,
    pFirst: rd.jobLossPerMonthFirstYear, pLater: rd.jobLossPerMonthSecondYear, returnShare: rd.returnShare,
    durableAfterMonths: rd.durableAfterMonths, window: rd.returnWindowMonths,
    decay: dyn.motivationDecayPerMonth, floor: dyn.motivationFloor, skillDecay: dyn.skillDecayPerMonth,
    keepExact: readsExact(sim.policies),
    bS: e.skills, bM: e.motivation, bMP: e.multiProblem, bR: e.rung,
  };
  const removals = sim.removalSlots;
  const caseloadEnd = pass.run(month, sim.reentry.exits, sim.reentry.returns, sim.durationFactor, sim.tables.age, sim.tables.scar, sim.returnHazard, removals);
  for (let k = 0; removals[k] !== NO_SLOT; k++) a.removalHazard[removals[k]] = 0; // read: 0 again, as the month's reset leaves it
  a.caseloadSize = caseloadEnd;
  return pass.flows(caseloadEnd);
}

/**
 * Whether anything reads the unrounded employability the exits pass leaves (`exactEmployability`):
 * the engine's refresh after a policy's trait effects that computes no employability itself (it
 * takes the change from it), and the composition's sums again over the caseload after one that gives
 * no motivation change. A policy that computes the employability it changes starts from the traits.
 */
export function readsExact(policies: readonly Pick<Intervention, 'developTraits' | 'employabilityChange' | 'motivationChange'>[]): boolean {
  return policies.some((q) => q.developTraits !== undefined && (q.employabilityChange === undefined || q.motivationChange === undefined));
}

/**
 * The exits pass's scalars for the month, made in one place (one shape): the pass reads no object
 * of the sim, whose nested objects' shapes vary with the policies.
 */
interface ExitsMonth {
  t: number; pensionMonths: number; season: number; baseSchool: number; baseNon: number; workScale: number; youth: number;
  schooled: boolean; ownWorked: boolean; removed: boolean;
  pFirst: number; pLater: number; returnShare: number; durableAfterMonths: number; window: number;
  decay: number; floor: number; skillDecay: number; keepExact: boolean;
  /** The employability coefficients of skills, motivation, multi-problem and rung. */
  bS: number; bM: number; bMP: number; bR: number;
}

/** What the exits pass uses from other modules: its specialised copy is compiled outside this one. */
const EXITS_LIB = {
  luckSalt, luckSalted, fastExp, HOUSEHOLD_NON_FACTOR, ROUTES,
  ON_BENEFIT, IN_WORK, GONE, LEFT, WORK: Route.work, SCHOOL: Route.school, NON: Route.non, DETERRED: Route.deterred,
  EXIT: Purpose.exit, JOB_LOSS: Purpose.jobLoss, RETURN: Purpose.returnToBenefit,
};

/**
 * The exits pass over population `a`: a loop specialised to the columns (`specialise.ts`), ending
 * with its loop (see there): `run` returns the caseload at the end (listed in `caseload`), and
 * `flows` then gives the month's counts. Each call is given the month's scalars (`ExitsMonth`), the
 * re-entry log, and the behaviour's tables: `dur` (duration factor by months on benefit), `ageT` and `scarT` (employability) and
 * `returnHazard` (see `Sim`), and the slots with a removal hazard when the policies said where
 * (`Sim.removalSlots`; else `removed` reads the column for everyone). The tables are arguments, not captured, so that replicates with
 * other parameters (an ensemble) use the same compiled loop.
 */
function exitsPass(a: Sim['agents'], inputs: readonly [typeof EXITS_LIB]) {
  const [lib] = inputs;
  const { luckSalt, luckSalted, fastExp, HOUSEHOLD_NON_FACTOR, ROUTES, ON_BENEFIT, IN_WORK, GONE, LEFT, WORK, SCHOOL, NON, DETERRED } = lib;
  const { state, ageMonths, workHazard: hw, schoolMult, household, luckKey, monthsInWork, monthsOnBenefit, entryMonth, exitMonth, leftRoute, motivation, skills, employability: emp } = a;
  const { frailty, multiProblem, rung, spells, caseload, exactEmployability: exact, ownWorkHazard: ownWork, removalHazard: removal } = a;

  // the last call's counts, stored by the loop's end (see `run`) and read by `flows`
  let lWork = 0, lSchool = 0, lNon = 0, lPension = 0, lReturned = 0, lReapplied = 0, lDurable = 0, lInWork = 0;
  let lOver45 = 0, lOver5y = 0, lEmpSum = 0, lMotSum = 0;
  function exits(
    month: ExitsMonth, exitsLog: Float64Array, returnsLog: Float64Array,
    dur: Float64Array, ageT: Float64Array, scarT: Float64Array, returnHazard: Float64Array, removals: Int32Array,
  ): number {
    const lastDur = dur.length - 1;
    const { t, pensionMonths, season, baseSchool, baseNon, workScale, youth, schooled, ownWorked, removed } = month;
    const { pFirst, pLater, returnShare, durableAfterMonths, window, decay, floor, skillDecay, keepExact } = month;
    // employability as in `employabilityOf`, written out here so that the loop keeps it inline
    const { bS, bM, bMP, bR } = month;
    const exitSalt = luckSalt(t, lib.EXIT), jobLossSalt = luckSalt(t, lib.JOB_LOSS), returnSalt = luckSalt(t, lib.RETURN);
    let work = 0, school = 0, non = 0, pension = 0, returned = 0, reapplied = 0, durable = 0, inWork = 0;
    let caseloadEnd = 0, over45 = 0, over5y = 0, empSum = 0, motSum = 0;
    // the slots with a removal hazard where the policies said where (`Sim.removalSlots`), in slot order
    let r = 0, nextRemoval = removals[0];
    const n = a.size;
    // the caseload is listed afresh as the pass goes (it reads no list), and so are the spells
    // that start (returns, reapplications)
    a.spellStartCount = 0;
    for (let i = 0; i < n; i++) {
      // every slot passes here in order, so the list's next slot is never passed over (a loop
      // here instead, to skip ahead, made V8 compile this pass far worse: 70 -> 180 ms a replicate)
      const listed = i === nextRemoval;
      if (listed) nextRemoval = removals[++r];
      const s = state[i];
      if (s === GONE) continue; // employability 0 since the month they went
      if (s === ON_BENEFIT) {
        // 6. exits
        if (ageMonths[i] >= pensionMonths) { state[i] = GONE; emp[i] = 0; non++; pension++; continue; }
        const mob = monthsOnBenefit[i];
        const d = dur[mob < lastDur ? mob : lastDur];
        let hW = hw[i] * workScale;
        let hS = baseSchool * d * (schooled ? schoolMult[i] : 1) * (ageMonths[i] < 324 ? youth : 1) * season;
        if (ownWorked) hW += ownWork[i];
        if (removed || listed) hS += removal[i];
        const h = hW + hS + baseNon * d * HOUSEHOLD_NON_FACTOR[household[i]] * season;
        // 1 - exp(-h): a Taylor series where h is small (error < h^4/24 < 5e-6 for h < 0.1)
        const p = h < 0.1 ? h * (1 - h * (0.5 - h / 6)) : -Math.expm1(-h);
        const u = luckSalted(luckKey[i], exitSalt);
        if (u < p) {
          const r = (u / p) * h; // the same draw picks the route, in proportion to the hazards
          const route = r < hW ? WORK : r < hW + hS ? SCHOOL : NON;
          exitMonth[i] = t;
          leftRoute[i] = route;
          monthsInWork[i] = 1;
          ageMonths[i]++;
          emp[i] = 0;
          exitsLog[t * ROUTES + route]++;
          if (route === WORK) { state[i] = IN_WORK; work++; inWork++; continue; }
          state[i] = LEFT;
          if (route === SCHOOL) school++;
          else non++;
          continue;
        }
      } else if (s === IN_WORK) {
        // 7. the revolving door after a job (in work since an earlier month; employability already 0)
        const m = monthsInWork[i];
        if (m >= durableAfterMonths) { state[i] = GONE; durable++; continue; }
        const loss = m < 12 ? pFirst : pLater;
        if (loss === 0 || luckSalted(luckKey[i], jobLossSalt) >= loss) { // no draw where it cannot be lost
          ageMonths[i]++;
          monthsInWork[i] = m + 1;
          inWork++;
          continue;
        }
        if (luckSalted(luckKey[i], returnSalt) >= returnShare) { state[i] = GONE; continue; }
        if (!backOnBenefit(i, t, window, returnsLog)) { state[i] = GONE; continue; }
        returned++;
      } else {
        // 7. returns after another route, and deterred applicants applying again (employability 0
        // since they left, or since intake for the deterred)
        const m = monthsInWork[i];
        const route = leftRoute[i];
        if (m >= window || ageMonths[i] >= pensionMonths) { state[i] = GONE; continue; }
        const back = returnHazard[route * (window + 1) + m];
        if (back === 0 || luckSalted(luckKey[i], returnSalt) >= back) { // no draw where none returns
          ageMonths[i]++;
          monthsInWork[i] = m + 1;
          continue;
        }
        if (route === DETERRED) {
          state[i] = ON_BENEFIT;
          monthsInWork[i] = 0;
          entryMonth[i] = t;
          a.noteSpellStart(i);
          reapplied++;
        } else {
          if (!backOnBenefit(i, t, window, returnsLog)) { state[i] = GONE; continue; }
          returned++;
        }
      }
      // 8. ageing on benefit
      const age = ++ageMonths[i];
      const months = ++monthsOnBenefit[i];
      const mo = motivation[i] - decay;
      motivation[i] = mo > floor ? mo : Math.min(floor, motivation[i]);
      const k = skills[i] - skillDecay;
      skills[i] = k > 0.02 ? k : 0.02;
      // 8 (end). employability from the new traits (as stored: float32), and the caseload's counts and sums
      const mot = motivation[i];
      const x = bS * (skills[i] - 0.5) + bM * (mot - 0.5) - bMP * multiProblem[i] + bR * (rung[i] - 3);
      const e = frailty[i] * fastExp(x) * ageT[age] * scarT[months];
      emp[i] = e;
      if (keepExact) exact[i] = e;
      empSum += e;
      caseload[caseloadEnd++] = i;
      over45 += +(age >= 540);
      over5y += +(months >= 60);
      motSum += mot;
    }
    lWork = work; lSchool = school; lNon = non; lPension = pension; lReturned = returned; lReapplied = reapplied;
    lDurable = durable; lInWork = inWork; lOver45 = over45; lOver5y = over5y; lEmpSum = empSum; lMotSum = motSum;
    return caseloadEnd;
  }
  const flows = (caseloadEnd: number): Flows => ({
    work: lWork, school: lSchool, non: lNon, pension: lPension, returned: lReturned, reapplied: lReapplied, durable: lDurable,
    inWork: lInWork, caseloadEnd, over45: lOver45, over5y: lOver5y, employability: lEmpSum, motivation: lMotSum,
  });

  /** Person `i` back on benefit after leaving `month - exitMonth` months ago, if within the window: a new spell. */
  function backOnBenefit(i: number, month: number, window: number, returnsLog: Float64Array): boolean {
    const since = month - exitMonth[i];
    if (since > window) return false;
    returnsLog[(exitMonth[i] * ROUTES + leftRoute[i]) * (window + 1) + since]++;
    state[i] = ON_BENEFIT;
    monthsInWork[i] = 0;
    monthsOnBenefit[i] = 0; // a new spell: the duration clock restarts (CBS counts durations per spell)
    if (spells[i] < 255) spells[i]++;
    entryMonth[i] = month;
    a.noteSpellStart(i);
    return true;
  }
  return { run: exits, flows };
}
