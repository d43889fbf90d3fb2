/**
 * Sanctions (maatregelen): Emmen keeps them as "a stick behind the door, hardly used in practice,
 * but that it is mentioned in conversations and can be used has a certain effect" (seed 000);
 * Eindhoven becomes stricter on recipients who do not turn up for trainings and appointments,
 * "that will not remain without consequences" (seed 001); a reader of seed 002: "most people
 * respond to the soft approach, a small group only to sanctions".
 *
 * No places: the rules apply to everyone on benefit who matches `target`. Each month:
 * - the threat raises everyone's search effort, `searchMult *= 1 + threatSearchGain * strictness`;
 * - a person violates a duty (a no-show, a refused offer) with probability
 *   `violationRate * (1 - motivation)`, and a violation is sanctioned with probability `strictness`;
 * - a sanction ends the benefit with probability `endShare` (a large removal hazard: the person
 *   leaves by the school/removed route this month), otherwise it cuts the benefit by `cutShare`
 *   for `cutMonths` months, starting this month (the withheld EUR lower the benefit cost);
 * - a sanctioned person's motivation drops by `motivationLossPerSanction` (resentment), and yet
 *   their exit to work rises for the rest of the spell: search x (1 + afterSanctionWorkGain). Van den
 *   Berg, Van der Klaauw & Van Ours (2004, J. Labor Econ. 22(1), "Punitive sanctions and the
 *   transition rate from welfare to work") find on Rotterdam welfare records that a sanction raises
 *   the exit rate to work by about 140% (the default 1.4), an effect that persists;
 *   someone whose benefit is being cut is not sanctioned again until the cut is over.
 * Costs: a fixed enforcement cost per month plus a cost per sanction (hearing, decision, objections).
 *
 * Drawing cheaply: the month's sanction probability is q = violationRate x (1 - motivation) x
 * strictness. A draw for everyone at risk every month would cost a hash per recipient-month, so each
 * person carries a clock (a column): an Exp(1) budget, drawn once, from which each month at risk
 * spends that month's hazard -ln(1 - q); the month it runs out the person is sanctioned, and a new
 * budget is drawn at the next month at risk. By the memoryless property this is the same as an
 * independent draw each month, and a stricter regime sanctions the same person earlier (common
 * random numbers). The same column holds a cut: -r while r more months of it remain after this
 * one (whole numbers, exact in float32); a cut person has no budget, and a new one is drawn at the
 * first month at risk after the cut, as after any sanction. One column read per person a month.
 *
 * Choices (the seeds give no numbers): the defaults of `cutShare` (1: the Participatiewet's 100 %
 * cut for breaching work duties, art. 18), `cutMonths` (1, the statutory minimum) and `endShare`
 * (0.1), and every shared effect size.
 */
import { z } from 'zod';
import { renumberSlots, State, type Agents } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { kernelFor } from '../agents/specialise.ts';
import { luckOf } from '../random/luck.ts';
import { compileTarget, targetSchema, type Eligibility } from './target.ts';
import type { Intervention } from './types.ts';

/** Luck purposes of this policy: the sanction draw, and whether a sanction ends the benefit. */
const SANCTION_DRAW = 32;
const END_DRAW = 33;
/** A removal hazard that ends the benefit this month for certain (1 - e^-30 of leaving, nearly all by this route). */
const REMOVAL_CERTAIN = 30;

export const sanctionsSchema = z.strictObject({
  type: z.literal('sanctions'),
  label: z.string().optional(),
  /** Who the duties and sanctions apply to (default: everyone on benefit). */
  target: targetSchema.default({}),
  /** Probability that a violation is sanctioned (0: a threat never carried out; Emmen's rarely used stick is low). */
  strictness: z.number().min(0).max(1),
  /** Share of sanctions that end the benefit (removed from benefit); the rest cut it. */
  endShare: z.number().min(0).max(1).default(0.1),
  /** Share of the benefit withheld during a cut (Participatiewet art. 18: 100 % for work duties). */
  cutShare: z.number().min(0).max(1).default(1),
  /** Months a cut lasts, the month of the sanction included (the law: one to three). */
  cutMonths: z.number().int().min(1).max(12).default(1),
  /** EUR per sanction imposed (hearing, decision, objection procedures). */
  costPerSanction: z.number().min(0).max(1e5),
  /** EUR per month for enforcement staff (checking duties, following up no-shows). */
  fixedCostPerMonth: z.number().min(0).max(1e8).default(0),
  /** The regime applies from this month (from 0; e.g. Eindhoven's stricter line from 2019)... */
  fromMonth: z.number().int().min(0).max(1200).optional(),
  /** ...until this month (exclusive). Outside it there is no threat and no new sanction; cuts already imposed run their course. */
  untilMonth: z.number().int().min(1).max(1200).optional(),
});

export type SanctionsParams = z.infer<typeof sanctionsSchema>;

/** Shared effect sizes (behaviour.policyEffects.sanctions). */
export const sanctionsEffects = {
  schema: z.strictObject({
    /** Search effort gain from the threat at strictness 1 (x (1 + gain x strictness)); ex-ante effect of sanctions. */
    threatSearchGain: z.number().min(0).max(2),
    /** Monthly probability of violating a duty at motivation 0 (times 1 - motivation). */
    violationRate: z.number().min(0).max(0.5),
    /** Motivation lost by a sanctioned person (most respond to the soft approach, not to punishment). */
    motivationLossPerSanction: z.number().min(0).max(0.5),
    /** Rise of the sanctioned person's search (and so exit to work) for the rest of the spell (ex-post effect). */
    afterSanctionWorkGain: z.number().min(0).max(5),
  }),
  /**
   * Orders of magnitude: the ex-ante effect of a strict sanction regime on exits of the order of
   * 10-25 % (Lalive, Van Ours & Zweimüller 2005; Van der Klaauw & Van Ours 2013 for Rotterdam
   * welfare); a few per cent of recipients sanctioned a year at a middling strictness.
   */
  defaults: { threatSearchGain: 0.15, violationRate: 0.02, motivationLossPerSanction: 0.03, afterSanctionWorkGain: 1.4 },
};

/** What `monthlyPass` uses from other modules: its specialised copy is compiled outside this one. */
const PASS_LIB = { luckOf, SANCTION_DRAW, END_DRAW, REMOVAL_CERTAIN };

/**
 * The month's pass over everyone on benefit, for a regime's columns `clock` and `sanctionedBefore`
 * (see the header): cuts run on (paid less this month, not sanctioned again), the threat raises
 * search, and the clock spends this month's hazard -ln(1 - q) ~ q (1 + q/2) from each budget.
 * Lists the newly sanctioned in `list`; a first sanction also joins `before[beforeCount..]`.
 * Those who draw a budget (a log) are listed in `drawing` and served after the loop, as are the
 * sanctions (rare): the loop over everyone stays short. `run` returns how many were sanctioned;
 * `paidLess` and `beforeCount` then give the benefit withheld and the new `beforeCount`. A loop
 * specialised to the columns (`specialise.ts`) that ends with its loops (see there: after the
 * last, only the factory's variables are stored). Every withheld amount is the same, so their sum
 * does not depend on the order of the loops. (As two or three loops of their own, the draws and
 * the sanctions measured 1.5-2 ms a replicate slower.)
 */
function monthlyPass(agents: Agents, inputs: readonly [Float32Array, Uint8Array, typeof PASS_LIB]) {
  const [clock, sanctionedBefore, { luckOf, SANCTION_DRAW, END_DRAW, REMOVAL_CERTAIN }] = inputs;
  const { motivation, luckKey, searchMult, removalHazard, caseload } = agents;
  let lastPaidLess = 0, lastBeforeCount = 0;
  function pass(
    size: number, list: Int32Array, before: Int32Array, beforeCount: number, everyone: boolean, eligible: Eligibility,
    month: number, rate: number, threatNow: number, perCutMonth: number, endShare: number, cutMonths: number,
    drawing: Int32Array,
  ): number {
    let n = 0;
    let paidLess = 0;
    let d = 0;
    for (let k = 0; k < size; k++) {
      const i = caseload[k];
      const c = clock[i];
      if (c < 0) { // a month of a cut (see the header)
        paidLess += perCutMonth;
        clock[i] = c + 1;
        if (everyone || eligible(agents, i)) searchMult[i] *= threatNow;
        continue;
      }
      if (!everyone && !eligible(agents, i)) continue;
      searchMult[i] *= threatNow;
      if (rate === 0) continue;
      if (c === 0) { drawing[d++] = i; continue; } // a budget to draw: after this loop
      const q = rate * (1 - motivation[i]);
      const left = c - q * (1 + 0.5 * q);
      if (left > 0) clock[i] = left;
      else list[n++] = i;
    }
    // those without a budget (new on benefit, or at risk again after a sanction) draw one first
    for (let k = 0; k < d; k++) {
      const i = drawing[k];
      const c = Math.max(1e-30, -Math.log(1 - luckOf(luckKey[i], month, SANCTION_DRAW)));
      const q = rate * (1 - motivation[i]);
      const left = c - q * (1 + 0.5 * q);
      if (left > 0) clock[i] = left;
      else list[n++] = i;
    }
    // the sanctions: the benefit ends or is cut
    for (let k = 0; k < n; k++) {
      const i = list[k];
      clock[i] = 0; // 0: no budget drawn; a new one at the next month at risk
      if (sanctionedBefore[i] === 0) { sanctionedBefore[i] = 1; before[beforeCount++] = i; }
      if (luckOf(luckKey[i], month, END_DRAW) < endShare) removalHazard[i] += REMOVAL_CERTAIN;
      else { paidLess += perCutMonth; clock[i] = 1 - cutMonths; }
    }
    lastPaidLess = paidLess;
    lastBeforeCount = beforeCount;
    return n;
  }
  return { run: pass, paidLess: () => lastPaidLess, beforeCount: () => lastBeforeCount };
}

/**
 * Lists in `out` the slots of `flag[0 .. size)` set to 1; returns how many. (A module function: as
 * a loop in the monthly hook, which runs it in a replicate's first month only, V8 compiled the hook
 * on the stack there and threw it out in every replicate, see `specialise.ts`.)
 */
function listFlagged(flag: Uint8Array, size: number, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < size; i++) if (flag[i] === 1) out[n++] = i;
  return n;
}

export function sanctions(p: SanctionsParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.sanctions;
  const everyone = Object.keys(p.target).length === 0; // the common case: skip the eligibility test
  const eligible = compileTarget(p.target);
  /** Whether the regime applies this month (the staff cost is paid only then). */
  let activeNow = true;
  const threat = 1 + fx.threatSearchGain * p.strictness;
  const clockColumn = `sanctions#${index}:clock`;
  const afterColumn = `sanctions#${index}:after`;
  const after = 1 + fx.afterSanctionWorkGain;
  let sanctioned = new Int32Array(1024);
  /** Scratch of the pass: those who draw a new budget this month. */
  let drawing = new Int32Array(1024);
  let count = 0;
  /** Everyone sanctioned before who was on benefit at the last look (their slots), and when the slots were listed. */
  let before = new Int32Array(1024);
  let beforeCount = 0;
  let listedAt = -1;
  let withheld = 0;
  return {
    type: p.type,
    label: p.label ?? 'sanctions',
    init: (agents: Agents) => {
      agents.addColumn(clockColumn, Float32Array);
      agents.addColumn(afterColumn, Uint8Array);
    },
    writes: ['searchMult', 'removalHazard'],
    applyEffects: ({ agents, month, benefitPerRecipientMonth }) => {
      const clock = agents.column<Float32Array>(clockColumn);
      const sanctionedBefore = agents.column<Uint8Array>(afterColumn);
      const { state, searchMult } = agents;
      const perCutMonth = p.cutShare * benefitPerRecipientMonth;
      const active = month >= (p.fromMonth ?? 0) && month < (p.untilMonth ?? Infinity);
      activeNow = active;
      count = 0;
      withheld = 0;
      if (!active && month < (p.fromMonth ?? 0)) return; // not started: no threat, no cuts yet
      const rate = active ? fx.violationRate * p.strictness : 0;
      const threatNow = active ? threat : 1;
      if (sanctioned.length < agents.size) sanctioned = new Int32Array(agents.capacity);
      if (drawing.length < agents.size) drawing = new Int32Array(agents.capacity);
      if (before.length < agents.size) {
        const grown = new Int32Array(agents.capacity);
        grown.set(before);
        before = grown;
      }
      // those sanctioned before: off benefit their cut and the lasting effect end; on benefit they
      // search harder (a list of them is kept and carried over a compaction, in any order: each is
      // treated alone; listed afresh from the column when more than one compaction came between)
      if (listedAt >= 0 && listedAt === agents.compactions - 1) {
        beforeCount = renumberSlots(before, beforeCount, agents.renumbered);
        listedAt += 1;
      }
      if (listedAt !== agents.compactions) {
        listedAt = agents.compactions;
        beforeCount = listFlagged(sanctionedBefore, agents.size, before);
      }
      let kept = 0;
      for (let k = 0; k < beforeCount; k++) {
        const i = before[k];
        if (state[i] !== State.onBenefit) { if (clock[i] < 0) clock[i] = 0; sanctionedBefore[i] = 0; continue; } // a cut ends with the benefit
        searchMult[i] *= after;
        before[kept++] = i;
      }
      beforeCount = kept;
      // everyone on benefit: cuts run on, the threat, and the clock (`monthlyPass`)
      const pass = kernelFor(agents, monthlyPass, [clock, sanctionedBefore, PASS_LIB] as const);
      count = pass.run(agents.caseloadSize, sanctioned, before, beforeCount, everyone, eligible, month, rate, threatNow, perCutMonth, p.endShare, p.cutMonths, drawing);
      withheld = pass.paidLess();
      beforeCount = pass.beforeCount();
    },
    developTraits: ({ agents }) => {
      const { state, motivation } = agents;
      const loss = fx.motivationLossPerSanction;
      for (let k = 0; k < count; k++) {
        const i = sanctioned[k];
        if (state[i] === State.onBenefit) motivation[i] = Math.max(0, motivation[i] - loss);
      }
      return sanctioned.subarray(0, count); // whose motivation fell
    },
    withheldBenefit: () => withheld,
    participants: () => 0, // a rule for everyone, not a programme with places
    cost: () => (activeNow ? p.fixedCostPerMonth : 0) + count * p.costPerSanction,
  };
}
