/**
 * One month of activation for a participant still on benefit: the common trait effect of the
 * programmes that move people "off the couch" without a work goal first (soft outreach,
 * social activation, tegenprestatie after its delay). Motivation rises; a multi-problem situation
 * may resolve; the person may climb a rung of the participation ladder, up to `topRung`.
 * Each chance is the person's own luck for the month and the policy's purpose number.
 */
import type { Agents } from '../agents/columns.ts';
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

export function activate(a: Agents, i: number, month: number, g: ActivationGains): void {
  const { motivation, multiProblem, rung, luckKey } = a;
  motivation[i] = Math.min(1, motivation[i] + g.motivationPerMonth);
  if (g.resolvePerMonth !== undefined && multiProblem[i] === 1 && luckOf(luckKey[i], month, g.resolveDraw!) < g.resolvePerMonth) multiProblem[i] = 0;
  if (rung[i] < g.topRung && luckOf(luckKey[i], month, g.rungDraw) < g.rungUpPerMonth) rung[i]++;
}
