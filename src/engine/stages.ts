/**
 * The stages of one month, each a pass over the columns. `step.ts` calls them in order.
 * Each returns the counts it produces; none keeps state outside `sim`. Stages 6-8, one pass,
 * are in `exits.ts`.
 */
import { Route, State } from '../agents/columns.ts';
import { synthesisePerson } from '../agents/synthesise.ts';
import { luckOf, Purpose } from '../random/luck.ts';
import { openStream, poissonFromUniform, type Uniform } from '../random/streams.ts';
import { HAZARD_COLUMNS, type MonthContext } from '../policies/types.ts';
import { computeEmployability, refreshEmployability } from './employability.ts';
import { kernelFor } from '../agents/specialise.ts';
import { APPLICANT_KEY_BASE, APPLICANT_KEY_STRIDE, NO_SLOT, type Sim } from './sim.ts';
import { readsExact, type Flows } from './exits.ts';

const ON_BENEFIT = State.onBenefit;
const LEFT = State.left;

export function context(sim: Sim, month: number): MonthContext {
  return {
    month, agents: sim.agents, behaviour: sim.behaviour, seed: sim.seed, employability: sim.agents.employability,
    benefitPerRecipientMonth: sim.model.costs.benefitPerRecipientMonth, employabilityTables: sim.tables,
    exactKept: readsExact(sim.policies),
  };
}

/** 2. Inflow: this month's applicants are drawn and appended, with their employability. */
export function inflow(sim: Sim, t: number): { from: number; to: number } {
  const u = openStream([...sim.streamKey, 'applicants', t]);
  const n = poissonFromUniform(sim.economy.applicants[t], u());
  const a = sim.agents;
  const from = a.appendBlock(n);
  drawApplicants(a, from, n, sim.applicants, u, t, sim.behaviour.employability.frailtySd);
  computeEmployability(a, sim.behaviour, sim.tables, a.employability, from, a.size);
  return { from, to: a.size };
}

/**
 * Synthesises the `n` applicants of month `t` into slots `from ..`. A loop of its own, given no
 * `Sim`: as part of `inflow`, compiled on the stack for one shape of the sim, its code was thrown
 * out on entry call after call in some processes when a replicate's sim had another (`specialise.ts`).
 */
function drawApplicants(a: Sim['agents'], from: number, n: number, traits: Sim['applicants'], u: Uniform, t: number, frailtySd: number): void {
  for (let k = 0; k < n; k++) {
    const slot = from + k;
    synthesisePerson(a, slot, traits, u, APPLICANT_KEY_BASE + t * APPLICANT_KEY_STRIDE + k, frailtySd);
    a.entryMonth[slot] = t;
  }
}

/**
 * 3. Intake: applicants may withdraw under the policies' deterrence; the rest join the caseload.
 * Returns [admitted, deterred].
 */
export function intake(sim: Sim, t: number, from: number, to: number): [number, number] {
  const a = sim.agents;
  const deterring = sim.policies.filter((p) => p.deterrence);
  let deterred = 0;
  if (deterring.length > 0 && to > from) {
    let mean = 0;
    for (let i = from; i < to; i++) mean += a.employability[i];
    mean /= to - from;
    for (let i = from; i < to; i++) {
      let stay = 1;
      for (const p of deterring) stay *= 1 - p.deterrence!(a, i, a.employability[i] / mean);
      if (luckOf(a.luckKey[i], t, Purpose.intake) < 1 - stay) {
        a.state[i] = LEFT; // may apply again later (revolvingDoor.reapplyPerMonth)
        a.employability[i] = 0; // off benefit (the month's mean above is computed already)
        a.leftRoute[i] = Route.deterred;
        a.exitMonth[i] = t;
        a.monthsInWork[i] = 0;
        deterred++;
      }
    }
  }
  // the admitted follow everyone else in slot order
  for (let i = from; i < to; i++) {
    if (a.state[i] !== ON_BENEFIT) continue;
    a.caseload[a.caseloadSize++] = i;
    a.noteSpellStart(i);
  }
  return [to - from - deterred, deterred];
}

/** 4. Policy assignment: each policy ends finished spells, fills its places and sets its multipliers. */
export function assignPolicies(sim: Sim, t: number): number {
  const a = sim.agents;
  let everyone = 1; // the policies' factors on everyone's search (`searchFactor`)
  for (const p of sim.policies) if (p.searchFactor) everyone *= p.searchFactor(t);
  resetHazards(sim, everyone);
  const ctx = context(sim, t);
  const h = sim.hazards, now = sim.hazardsNow;
  let participants = 0;
  let removals: ArrayLike<number>[] | undefined = []; // where the policies that wrote the removal hazard wrote it, while each says
  for (const p of sim.policies) {
    p.assign?.(ctx);
    if (p.applyEffects) {
      p.applyEffects(ctx);
      const writes = p.wroteThisMonth?.() ?? true ? p.writes ?? HAZARD_COLUMNS : [];
      for (const c of writes) now[c] = h[c];
      if (writes.includes('removalHazard')) removals = p.removals && removals ? [...removals, p.removals()] : undefined;
    }
    participants += p.participants();
  }
  // where every policy said where it wrote the removal hazard, the exits pass reads it there only
  sim.removalSlots = listSlots(now.removalHazard ? removals : [], sim.removalSlots);
  if (removals) now.removalHazard = false;
  return participants;
}

/**
 * The slots of `lists` in slot order, each once, ending with `NO_SLOT`, in `scratch` (or a larger
 * array); without lists (where a policy cannot say), just `NO_SLOT`.
 */
function listSlots(lists: ArrayLike<number>[] | undefined, scratch: Int32Array): Int32Array {
  let n = 0;
  for (const l of lists ?? []) n += l.length;
  const out = scratch.length > n ? scratch : new Int32Array(2 * n + 1);
  n = 0;
  for (const l of lists ?? []) for (let k = 0; k < l.length; k++) out[n++] = l[k];
  out.subarray(0, n).sort();
  let w = 0;
  for (let k = 0; k < n; k++) if (w === 0 || out[k] !== out[w - 1]) out[w++] = out[k];
  out[w] = NO_SLOT;
  return out;
}

/**
 * Sets the hazard columns to what the engine assumes before the policies' effects: multipliers 1
 * (the search multiplier `everyone`, the factor on everyone's search), additive hazards 0. A
 * column a policy wrote since its last reset is reset for every slot it may hold a value in;
 * the others hold those values below `multipliersSetTo` already (compaction leaves these columns
 * as they are), and get them in new slots. Then no column is marked written (`hazardsNow`), but
 * the search multiplier when `everyone` is not 1.
 */
function resetHazards(sim: Sim, everyone: number): void {
  const a = sim.agents, now = sim.hazardsNow;
  const from = Math.min(sim.multipliersSetTo, a.size), upTo = Math.max(sim.multipliersSetTo, a.size);
  if (everyone !== 1) {
    a.searchMult.fill(everyone, 0, a.size);
    if (now.searchMult) a.searchMult.fill(1, a.size, upTo);
  } else if (now.searchMult) a.searchMult.fill(1, 0, upTo);
  else a.searchMult.fill(1, from, a.size);
  for (const c of ['employMult', 'schoolMult'] as const) a[c].fill(1, now[c] ? 0 : from, now[c] ? upTo : a.size);
  for (const c of ['ownWorkHazard', 'removalHazard'] as const) if (now[c]) a[c].fill(0, 0, upTo); // 0 from the start in slots never written
  sim.multipliersSetTo = upTo;
  for (const c of HAZARD_COLUMNS) now[c] = false;
  now.searchMult = everyone !== 1;
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
  const pass = kernelFor(a, weightsPass, [] as const);
  const empAge = sim.tables.employerAge;
  const weights = pass.run(a.caseloadSize, search.base, search.motivationSlope, sim.hazardsNow.searchMult, sim.hazardsNow.employMult, empAge, empAge.length - 1);
  const units = pass.units();
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

/**
 * Search units and job-competition weights of the caseload, for the employers' age preference
 * `empAge` by age in months: each recipient's weight goes into the `workHazard` column; `run`
 * returns the weights' sum, `units` then gives the units. Others' weights are never read. A loop
 * specialised to the columns (`specialise.ts`), ending with its loop (see there).
 */
function weightsPass(a: Sim['agents'], _inputs: readonly []) {
  const { motivation, searchMult, employMult, ageMonths, employability: e, workHazard: w, caseload } = a;
  let lastUnits = 0;
  function weights(n: number, base: number, slope: number, searched: boolean, employed: boolean, empAge: Float64Array, last: number): number {
    let units = 0;
    let weights = 0;
    for (let k = 0; k < n; k++) {
      const i = caseload[k];
      // (base + slope m) x searchMult x e x employMult; a multiplier no policy writes is 1 and x * 1
      // is exact: its column is not read
      let se = base + slope * motivation[i];
      if (searched) se *= searchMult[i];
      se *= e[i];
      if (employed) se *= employMult[i];
      units += se;
      const wi = se * empAge[ageMonths[i] < last ? ageMonths[i] : last];
      w[i] = wi;
      weights += wi;
    }
    lastUnits = units;
    return weights;
  }
  return { run: weights, units: () => lastUnits };
}

export { exitsReentriesAgeing, type Flows } from './exits.ts';

/** 8 (start). Programmes count their participants who left this month, by route and cohort. */
export function recordOutcomes(sim: Sim, t: number): void {
  for (const p of sim.policies) if (p.programmes) for (const g of p.programmes) g.recordOutcomes(sim.agents, t);
}

/** What the policies' trait effects did to the month's caseload (`developTraits`). */
export interface TraitChanges {
  /** Whether anyone's traits may have changed. */
  touched: boolean;
  /** Whether each policy that touched anyone gave its motivation change (`motivationChange`): then the sums below are the changes. */
  summed: boolean;
  /** The change of the caseload's exact employability sum and of its motivation sum. */
  employability: number;
  motivation: number;
}

/**
 * 8 (continued). The policies' own trait effects on their participants; the employability of
 * those they changed is computed again (by the policy itself where it gives `employabilityChange`).
 * Returns what changed, for the composition.
 */
export function developTraits(sim: Sim, t: number): TraitChanges {
  const ctx = context(sim, t);
  const a = sim.agents;
  const change: TraitChanges = { touched: false, summed: true, employability: 0, motivation: 0 };
  for (const p of sim.policies) {
    const slots = p.developTraits?.(ctx);
    if (!slots || slots.length === 0) continue;
    change.touched = true;
    change.employability += p.employabilityChange ? p.employabilityChange() : refreshEmployability(a, slots, sim.behaviour, sim.tables);
    if (p.motivationChange) change.motivation += p.motivationChange();
    else change.summed = false;
  }
  return change;
}

/**
 * 9. Composition of the caseload at the end of the month: [count, share 45+, share 5y+, mean
 * employability, mean motivation]. The counts and sums come from the exits pass; where a policy
 * changed someone's traits after it, the sums move by the changes the policies report, or, if one
 * gave none, are summed again over the caseload in slot order.
 */
export function composition(sim: Sim, f: Flows, change: TraitChanges): [number, number, number, number, number] {
  const n = f.caseloadEnd;
  if (n === 0) return [0, 0, 0, 0, 0];
  let emp = f.employability, mot = f.motivation;
  if (change.touched && change.summed) {
    emp += change.employability;
    mot += change.motivation;
  } else if (change.touched) {
    const sums = kernelFor(sim.agents, sumsPass, [] as const);
    emp = sums.run(n);
    mot = sums.motivation();
  }
  return [n, f.over45 / n, f.over5y / n, emp / n, mot / n];
}

/**
 * The sums of the exact employability and of motivation over the caseload's first `n` slots,
 * each in list order, in one loop specialised to the columns (`specialise.ts`): `run` returns
 * employability's, `motivation` then gives motivation's.
 */
function sumsPass(a: Sim['agents'], _inputs: readonly []) {
  const { caseload, exactEmployability, motivation } = a;
  let lastMotivation = 0;
  function sums(n: number): number {
    let e = 0, m = 0;
    for (let k = 0; k < n; k++) {
      const i = caseload[k];
      e += exactEmployability[i];
      m += motivation[i];
    }
    lastMotivation = m;
    return e;
  }
  return { run: sums, motivation: () => lastMotivation };
}

/**
 * Drops the gone once they are a share `sim.compactAt` of the slots (half, by default), or half
 * that share when the slots in use fill seven eighths of the columns (growing every column costs
 * more than a compaction). A gone slot costs the exits pass a byte read; a compaction costs a
 * gather of every column and each policy's carrying of its lists over it (the kept eligible, the
 * members, the sanctions' calendar). At a quarter always, Rotterdam as-is compacted 3-4 times in
 * 60 months; now once (`npm run bench`: as-is against no-policy 0.76 -> 0.80, no-policy the same).
 * When it compacts does not change results.
 */
export function compactIfSparse(sim: Sim, gone: number): void {
  const a = sim.agents;
  if (gone > a.size * sim.compactAt || (2 * gone > a.size * sim.compactAt && a.size * 8 > a.capacity * 7)) a.compact();
}
