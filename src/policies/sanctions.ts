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
 * Drawing only where a draw is needed: a person on benefit is sanctioned in a month with probability
 * q = P x (1 - motivation), P = violationRate x strictness. Each person carries a calendar of
 * candidate months, one month with probability P, independently (gaps drawn geometric: one draw
 * per candidate, not per month); a candidate month becomes a sanction with probability
 * 1 - motivation of that month (thinning), and only if the person is at risk then (on benefit in
 * the same spell, within `target`, not under a cut). That is the same law as a draw every month,
 * and the month's work is proportional to the people it touches: the new spells, whose first
 * candidate is drawn, and the candidates that fall due (`calendar.ts`). A stricter regime brings
 * the same person's candidates earlier (common random numbers). The threat, a factor on everyone's
 * search when `target` is everyone, is set by the engine where it resets the multipliers
 * (`searchFactor`); a narrower target is visited person by person.
 *
 * Choices (the seeds give no numbers): the defaults of `cutShare` (1: the Participatiewet's 100 %
 * cut for breaching work duties, art. 18), `cutMonths` (1, the statutory minimum) and `endShare`
 * (0.1), and every shared effect size.
 */
import { z } from 'zod';
import { renumberSlots, State, type Agents } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { traitEmployability } from '../engine/employability.ts';
import { Calendar } from './calendar.ts';
import { kernelFor } from '../agents/specialise.ts';
import { luckOf } from '../random/luck.ts';
import { compileTarget, targetSchema, type Eligibility } from './target.ts';
import type { Intervention } from './types.ts';

/** Luck purposes of this policy: the first candidate month of a spell, the next after a candidate, whether a candidate is sanctioned, whether a sanction ends the benefit. */
const FIRST_DRAW = 32;
const NEXT_DRAW = 60;
const ACCEPT_DRAW = 61;
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

/**
 * Lists in `out` the slots of `flag[0 .. size)` above 0; returns how many. (A module function: as
 * a loop in the monthly hook, which runs it in a replicate's first month only, V8 compiled the hook
 * on the stack there and threw it out in every replicate, see `specialise.ts`.)
 */
function listFlagged(flag: Uint8Array, size: number, out: Int32Array): number {
  let n = 0;
  for (let i = 0; i < size; i++) if (flag[i] > 0) out[n++] = i;
  return n;
}

/** Months from `u` (uniform on [0, 1)) to the first candidate, for `logKeep` = ln(1 - P): geometric on 0, 1, 2, ... */
function gap(u: number, logKeep: number): number {
  return Math.floor(Math.log(1 - u) / logKeep);
}

/** What `filePass` uses from other modules: its specialised copy is compiled outside this one. */
const FILE_LIB = { luckOf, gap, FIRST_DRAW, ON_BENEFIT: State.onBenefit };

/**
 * Files in `calendar` the first candidate month of each of `list[0 .. n)` on benefit, drawn in
 * `month`, tagged with the spell's origin; a uniform at or above `beyond` puts the candidate at or
 * past the horizon (not filed, and no logarithm). A loop specialised to the columns
 * (`specialise.ts`): it visits the whole caseload at the regime's start and every new spell after.
 */
function filePass(a: Agents, inputs: readonly [typeof FILE_LIB]) {
  const [{ luckOf, gap, FIRST_DRAW, ON_BENEFIT }] = inputs;
  const { state, luckKey, monthsOnBenefit } = a;
  return function fileFirst(list: Int32Array, n: number, month: number, logKeep: number, beyond: number, calendar: Calendar): void {
    for (let k = 0; k < n; k++) {
      const i = list[k];
      if (state[i] !== ON_BENEFIT) continue;
      const u = luckOf(luckKey[i], month, FIRST_DRAW);
      if (u < beyond) calendar.add(month + gap(u, logKeep), i, month - monthsOnBenefit[i]);
    }
  };
}

/**
 * The candidates due in `month`: for each still in the spell it was filed for, the next candidate
 * is filed, and the candidate is sanctioned with chance 1 - motivation if the person is at risk
 * (within the target, not under a cut). Lists the sanctioned in `out`; returns how many.
 */
function takeDue(calendar: Calendar, month: number, logKeep: number, agents: Agents, everyone: boolean, eligible: Eligibility, cut: Uint8Array, out: Int32Array): number {
  const { state, monthsOnBenefit: mob, luckKey, motivation } = agents;
  const due = calendar.due(month);
  const d = calendar.count(month);
  let n = 0;
  for (let k = 0; k < d; k++) {
    const i = due[2 * k], origin = due[2 * k + 1];
    if (state[i] !== State.onBenefit || month - mob[i] !== origin) continue; // the spell ended
    calendar.add(month + 1 + gap(luckOf(luckKey[i], month, NEXT_DRAW), logKeep), i, origin);
    if (cut[i] > 0 || (!everyone && !eligible(agents, i))) continue;
    if (luckOf(luckKey[i], month, ACCEPT_DRAW) < 1 - motivation[i]) out[n++] = i;
  }
  return n;
}

/**
 * Keeps in `before[0 .. count)` those on benefit, whose search rises by `after`; for the others
 * the lasting effect and any cut end. Returns how many are kept.
 */
function keepBefore(before: Int32Array, count: number, state: Uint8Array, cut: Uint8Array, flag: Uint8Array, searchMult: Float32Array, after: number): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const i = before[k];
    if (state[i] !== State.onBenefit) { cut[i] = 0; flag[i] = 0; continue; }
    searchMult[i] *= after;
    before[kept++] = i;
  }
  return kept;
}

/**
 * Runs on the cuts of `cuts[0 .. count)`, each of which this month is part of (its months left
 * after this one in `cut`), except those that ended off benefit (`cut` 0). Returns how many ran
 * this month; `cuts[0 .. counts[0])` then holds those that go on.
 */
function runCuts(cuts: Int32Array, count: number, cut: Uint8Array, counts: Int32Array): number {
  let kept = 0, running = 0;
  for (let k = 0; k < count; k++) {
    const i = cuts[k];
    if (cut[i] === 0) continue;
    running++;
    cut[i]--;
    if (cut[i] > 0) cuts[kept++] = i;
  }
  counts[0] = kept;
  return running;
}

export function sanctions(p: SanctionsParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.sanctions;
  const everyone = Object.keys(p.target).length === 0; // the common case: the threat is a factor for all
  const eligible = compileTarget(p.target);
  const from = p.fromMonth ?? 0, until = p.untilMonth ?? Infinity;
  /** Whether the regime applies this month (the staff cost is paid only then). */
  let activeNow = true;
  const threat = 1 + fx.threatSearchGain * p.strictness;
  const after = 1 + fx.afterSanctionWorkGain;
  /** A candidate month: a violation that would be sanctioned at motivation 0. */
  const P = fx.violationRate * p.strictness;
  const logKeep = Math.log1p(-P);
  const cutColumn = `sanctions#${index}:cut`;
  const afterColumn = `sanctions#${index}:after`;
  let calendar = new Calendar(0);
  /** Whether the caseload has its candidates filed (from the regime's first month on, new spells are filed as they start). */
  let filed = false;
  /** This month's sanctioned (slots). */
  let sanctioned: Int32Array = new Int32Array(1024);
  let count = 0;
  /** Everyone sanctioned before who was on benefit at the last look, and everyone under a cut (slots). */
  let before: Int32Array = new Int32Array(1024);
  let beforeCount = 0;
  let cuts: Int32Array = new Int32Array(1024);
  let cutCount = 0;
  /** This month's sanctioned whose benefit ends (their removal hazard). */
  let ended: Int32Array = new Int32Array(1024);
  let endedCount = 0;
  /** The compaction the lists are numbered for. */
  let listedAt = -1;
  let withheld = 0;
  /** The month's motivation change from resentment, and the employability change it made (`developTraits`). */
  let lost = 0, employabilityChange = 0;
  /** Scratch: how many cuts go on (`runCuts`). */
  const kept = new Int32Array(1);
  /** `list`, or a copy with room for `need` (the lists grow as they fill: most months add a few hundred). */
  const room = (list: Int32Array, need: number): Int32Array => {
    if (list.length >= need) return list;
    const grown = new Int32Array(Math.max(need, 2 * list.length));
    grown.set(list);
    return grown;
  };
  return {
    type: p.type,
    label: p.label ?? 'sanctions',
    init: (agents: Agents, months: number) => {
      agents.addColumn(cutColumn, Uint8Array);
      agents.addColumn(afterColumn, Uint8Array);
      calendar = new Calendar(months);
    },
    writes: ['searchMult', 'removalHazard'],
    searchFactor: (month) => (everyone && month >= from && month < until ? threat : 1),
    applyEffects: ({ agents, month, benefitPerRecipientMonth }) => {
      const cut = agents.column<Uint8Array>(cutColumn); // cut months left after this one
      const sanctionedBefore = agents.column<Uint8Array>(afterColumn);
      const { state, searchMult, motivation, monthsOnBenefit, luckKey, removalHazard } = agents;
      const perCutMonth = p.cutShare * benefitPerRecipientMonth;
      const active = month >= from && month < until;
      activeNow = active;
      count = 0;
      endedCount = 0;
      withheld = 0;
      if (month < from) return; // not started: no threat, no cuts yet
      // the lists and the calendar are carried over a compaction (each entry is treated alone, so
      // the order does not matter); listed afresh when more than one compaction came between
      if (listedAt === agents.compactions - 1) {
        beforeCount = renumberSlots(before, beforeCount, agents.renumbered);
        cutCount = renumberSlots(cuts, cutCount, agents.renumbered);
        calendar.renumber(agents.renumbered, month);
        listedAt += 1;
      }
      if (listedAt !== agents.compactions) {
        listedAt = agents.compactions;
        before = room(before, agents.size);
        cuts = room(cuts, agents.size);
        beforeCount = listFlagged(sanctionedBefore, agents.size, before);
        cutCount = listFlagged(cut, agents.size, cuts);
        calendar.clear();
        filed = false;
      }
      // those sanctioned before: off benefit their cut and the lasting effect end; on benefit they search harder
      beforeCount = keepBefore(before, beforeCount, state, cut, sanctionedBefore, searchMult, after);
      if (active && !everyone) {
        for (let k = 0; k < agents.caseloadSize; k++) {
          const i = agents.caseload[k];
          if (eligible(agents, i)) searchMult[i] *= threat;
        }
      }
      // candidates: first ones for the caseload at the regime's start, then for each new spell;
      // the tag is the spell's origin (month - months on benefit), constant while the spell lasts
      if (active && P > 0) {
        const fileFirst = kernelFor(agents, filePass, [FILE_LIB] as const);
        const beyond = -Math.expm1((calendar.months - month) * logKeep);
        if (filed) fileFirst(agents.spellStarts, agents.spellStartCount, month, logKeep, beyond, calendar);
        else fileFirst(agents.caseload, agents.caseloadSize, month, logKeep, beyond, calendar);
        filed = true;
        sanctioned = room(sanctioned, calendar.count(month));
        count = takeDue(calendar, month, logKeep, agents, everyone, eligible, cut, sanctioned);
        calendar.forget(month);
      }
      // cuts imposed before run on (this month is one of them: paid less)
      withheld = runCuts(cuts, cutCount, cut, kept) * perCutMonth;
      cutCount = kept[0];
      // the sanctions: the benefit ends or is cut
      before = room(before, beforeCount + count);
      cuts = room(cuts, cutCount + count);
      ended = room(ended, count);
      let cutNow = 0; // counted in a local: a closure's variable summed in the loop boxes each sum
      for (let k = 0; k < count; k++) {
        const i = sanctioned[k];
        if (sanctionedBefore[i] === 0) { sanctionedBefore[i] = 1; before[beforeCount++] = i; }
        if (luckOf(luckKey[i], month, END_DRAW) < p.endShare) { removalHazard[i] += REMOVAL_CERTAIN; ended[endedCount++] = i; continue; }
        cutNow++;
        if (p.cutMonths > 1) { cut[i] = p.cutMonths - 1; cuts[cutCount++] = i; }
      }
      let w = withheld;
      for (let k = 0; k < cutNow; k++) w += perCutMonth; // added one by one, as the cuts before
      withheld = w;
    },
    developTraits: ({ agents, behaviour: { employability: c }, employabilityTables: { age, scar }, exactKept }) => {
      const { state, motivation, skills, frailty, multiProblem, rung, ageMonths, monthsOnBenefit, employability, exactEmployability: exact } = agents;
      const loss = fx.motivationLossPerSanction;
      let fell = 0, change = 0; // summed in locals: a closure's variable stored in the loop boxes each sum
      for (let k = 0; k < count; k++) {
        const i = sanctioned[k];
        if (state[i] !== State.onBenefit) continue;
        const before = motivation[i];
        const ageF = age[ageMonths[i]], scarF = scar[monthsOnBenefit[i]];
        const old = traitEmployability(frailty[i], skills[i], before, multiProblem[i], rung[i], ageF, scarF, c.skills, c.motivation, c.multiProblem, c.rung);
        motivation[i] = Math.max(0, before - loss);
        fell += motivation[i] - before;
        const e = traitEmployability(frailty[i], skills[i], motivation[i], multiProblem[i], rung[i], ageF, scarF, c.skills, c.motivation, c.multiProblem, c.rung);
        change += e - old;
        employability[i] = e;
        if (exactKept) exact[i] = e;
      }
      lost = fell;
      employabilityChange = change;
      return sanctioned.subarray(0, count); // whose motivation fell
    },
    removals: () => ended.subarray(0, endedCount),
    motivationChange: () => lost,
    employabilityChange: () => employabilityChange,
    withheldBenefit: () => withheld,
    participants: () => 0, // a rule for everyone, not a programme with places
    cost: () => (activeNow ? p.fixedCostPerMonth : 0) + count * p.costPerSanction,
  };
}
