/**
 * One month of activation for a programme's participants still on benefit: the common trait
 * effect of the programmes that move people "off the couch" without a work goal first (soft
 * outreach, social activation, tegenprestatie after its delay). Motivation rises; a multi-problem
 * situation may resolve; the person may climb a rung of the participation ladder, up to `topRung`.
 * Each chance is the person's own luck for the month and the policy's purpose number.
 */
import { State, type Agents } from '../agents/columns.ts';
import { kernelFor } from '../agents/specialise.ts';
import { luckOf } from '../random/luck.ts';

export interface ActivationGains {
  motivationPerMonth: number;
  rungUpPerMonth: number;
  rungDraw: number;
  topRung: number;
  /** Monthly chance that multiProblem resolves (omit for none), and its luck purpose. */
  resolvePerMonth?: number;
  resolveDraw?: number;
}

/** The month's activation: how many were activated, and the sum of their motivation changes. */
export interface Activation {
  changed: number;
  motivation: number;
}

/**
 * The month's activation of the members `members[0 .. n)` of a programme with months-in-programme
 * column `m`: those on benefit more than `delay` months in it are activated and listed in
 * `activated`; every member's month in the programme advances. Writes to `out` how many were
 * activated (the others' traits did not change) and their motivation changes' sum.
 */
export function activateMembers(
  a: Agents, m: Int16Array, members: Int32Array, n: number, delay: number, month: number, g: ActivationGains, activated: Int32Array, out: Activation,
): void {
  const pass = kernelFor(a, activatePass, [m, ACTIVATE_LIB] as const);
  const resolve = g.resolvePerMonth ?? -1;
  out.changed = pass.run(members, n, delay, month, g.motivationPerMonth, resolve, g.resolveDraw ?? 0, g.rungUpPerMonth, g.rungDraw, g.topRung, activated);
  out.motivation = pass.motivation();
}

/** What `activatePass` uses from other modules: its specialised copy is compiled outside this one. */
const ACTIVATE_LIB = { luckOf, ON_BENEFIT: State.onBenefit };

/**
 * The loop of `activateMembers`, specialised to the columns (`specialise.ts`), ending with its loop
 * (see there): `run` returns how many were activated, `motivation` then gives the sum of their
 * motivation changes (as stored). `resolve` < 0: no resolving.
 */
function activatePass(a: Agents, inputs: readonly [Int16Array, typeof ACTIVATE_LIB]) {
  const [m, { luckOf, ON_BENEFIT }] = inputs;
  const { state, motivation, multiProblem, rung, luckKey } = a;
  let lastMotivation = 0;
  function activate(
    members: Int32Array, n: number, delay: number, month: number, motivationPerMonth: number,
    resolve: number, resolveDraw: number, rungUp: number, rungDraw: number, topRung: number, activated: Int32Array,
  ): number {
    let changed = 0, gained = 0;
    for (let k = 0; k < n; k++) {
      const i = members[k];
      const mi = m[i];
      m[i] = mi + 1; // one more month in the programme
      if (state[i] !== ON_BENEFIT || mi <= delay) continue;
      const before = motivation[i];
      motivation[i] = Math.min(1, before + motivationPerMonth);
      gained += motivation[i] - before;
      if (resolve >= 0 && multiProblem[i] === 1 && luckOf(luckKey[i], month, resolveDraw) < resolve) multiProblem[i] = 0;
      if (rung[i] < topRung && luckOf(luckKey[i], month, rungDraw) < rungUp) rung[i]++;
      activated[changed++] = i;
    }
    lastMotivation = gained;
    return changed;
  }
  return { run: activate, motivation: () => lastMotivation };
}
