/**
 * One month of activation for a programme's participants still on benefit: the common trait
 * effect of the programmes that move people "off the couch" without a work goal first (soft
 * outreach, social activation, tegenprestatie after its delay). Motivation rises; a multi-problem
 * situation may resolve; the person may climb a rung of the participation ladder, up to `topRung`.
 * Each chance is the person's own luck for the month and the policy's purpose number.
 */
import { State, type Agents } from '../agents/columns.ts';
import { kernelFor } from '../agents/specialise.ts';
import { traitEmployability, type EmployabilityTables } from '../engine/employability.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import type { Programme } from './programme.ts';

export interface ActivationGains {
  motivationPerMonth: number;
  rungUpPerMonth: number;
  rungDraw: number;
  topRung: number;
  /** Monthly chance that multiProblem resolves (omit for none), and its luck purpose. */
  resolvePerMonth?: number;
  resolveDraw?: number;
}

/**
 * The month's activation: how many were activated, and the sums of their motivation changes and
 * of their exact employability's changes (see `Intervention.employabilityChange`).
 */
export interface Activation {
  changed: number;
  motivation: number;
  employability: number;
}

/**
 * The month's activation of the members of `programme` (month `month`): those on benefit more than
 * `delay` months in it are activated and listed in `activated`; every member's month in the
 * programme advances; those who left benefit this month are counted in its outcomes (the
 * programme leaves them to this loop: `Programme.outcomesCounted`). The employability of the
 * activated is computed again in the same loop (`b`'s coefficients, tables `t`; its exact copy
 * written if `exactKept`). Writes to `out` how many were activated (the others' traits did not
 * change) and the sums of their motivation changes and employability changes.
 */
export function activateMembers(
  a: Agents, programme: Programme, delay: number, month: number, g: ActivationGains, activated: Int32Array, out: Activation,
  b: Behaviour, t: EmployabilityTables, exactKept: boolean,
): void {
  const m = programme.months(a);
  const pass = kernelFor(a, activatePass, [m, programme.cohorts(a), ACTIVATE_LIB] as const);
  const resolve = g.resolvePerMonth ?? -1;
  const c = b.employability;
  const { months, exitsWork, exitsOther } = programme.outcomes;
  out.changed = pass.run(
    programme.members, programme.participants(), delay, month, g.motivationPerMonth, resolve, g.resolveDraw ?? 0, g.rungUpPerMonth, g.rungDraw, g.topRung, activated,
    c.skills, c.motivation, c.multiProblem, c.rung, t.age, t.scar, exactKept, month < months ? months : 0, exitsWork, exitsOther,
  );
  out.motivation = pass.motivation();
  out.employability = pass.employability();
}

/** What `activatePass` uses from other modules: its specialised copy is compiled outside this one. */
const ACTIVATE_LIB = { luckOf, traitEmployability, ON_BENEFIT: State.onBenefit, IN_WORK: State.inWork };

/**
 * The loop of `activateMembers`, specialised to the columns (`specialise.ts`), ending with its loop
 * (see there): `run` returns how many were activated, `motivation` then gives the sum of their
 * motivation changes (as stored), `employability` that of their exact employability's changes.
 * `resolve` < 0: no resolving. The employability before the change is computed from the traits
 * before it: the value the exits pass (or an earlier policy this month) left in the exact column.
 * Leavers are counted by enrolment cohort (`cohort`) into `exitsWork` or `exitsOther` at
 * `cohort x months + month`, unless `months` is 0 (a month past the outcomes' horizon).
 */
function activatePass(a: Agents, inputs: readonly [Int16Array, Int16Array, typeof ACTIVATE_LIB]) {
  const [m, cohort, { luckOf, traitEmployability, ON_BENEFIT, IN_WORK }] = inputs;
  const { state, motivation, multiProblem, rung, luckKey, skills, frailty, ageMonths, monthsOnBenefit, employability, exactEmployability: exact } = a;
  let lastMotivation = 0, lastEmployability = 0;
  function activate(
    members: Int32Array, n: number, delay: number, month: number, motivationPerMonth: number,
    resolve: number, resolveDraw: number, rungUp: number, rungDraw: number, topRung: number, activated: Int32Array,
    bS: number, bM: number, bMP: number, bR: number, ageT: Float64Array, scarT: Float64Array, keepExact: boolean,
    months: number, exitsWork: Int32Array, exitsOther: Int32Array,
  ): number {
    let changed = 0, gained = 0, change = 0;
    for (let k = 0; k < n; k++) {
      const i = members[k];
      const mi = m[i];
      m[i] = mi + 1; // one more month in the programme
      const s = state[i];
      if (s !== ON_BENEFIT) {
        if (months > 0) {
          const cell = cohort[i] * months + month;
          if (s === IN_WORK) exitsWork[cell]++;
          else exitsOther[cell]++;
        }
        continue;
      }
      if (mi <= delay) continue;
      const before = motivation[i];
      const ageF = ageT[ageMonths[i]], scarF = scarT[monthsOnBenefit[i]];
      const old = traitEmployability(frailty[i], skills[i], before, multiProblem[i], rung[i], ageF, scarF, bS, bM, bMP, bR);
      motivation[i] = Math.min(1, before + motivationPerMonth);
      gained += motivation[i] - before;
      if (resolve >= 0 && multiProblem[i] === 1 && luckOf(luckKey[i], month, resolveDraw) < resolve) multiProblem[i] = 0;
      if (rung[i] < topRung && luckOf(luckKey[i], month, rungDraw) < rungUp) rung[i]++;
      const e = traitEmployability(frailty[i], skills[i], motivation[i], multiProblem[i], rung[i], ageF, scarF, bS, bM, bMP, bR);
      change += e - old;
      employability[i] = e;
      if (keepExact) exact[i] = e;
      activated[changed++] = i;
    }
    lastMotivation = gained;
    lastEmployability = change;
    return changed;
  }
  return { run: activate, motivation: () => lastMotivation, employability: () => lastEmployability };
}
