/**
 * Synthesising people from a model's trait distributions. One latent "distance to the labour
 * market" per person couples the traits (`clustering`): with clustering 0 traits are drawn
 * independently; towards 1 the long-term recipients are also the low-skilled, less motivated,
 * multi-problem people on low rungs. Age and household are drawn independently. The unobserved
 * frailty is independent of everything observed (what no caseworker sees).
 *
 * Draws come from a sequential stream in a fixed order per person, so the k-th person of a stream
 * is the same person in every scenario.
 */
import { Household, State, takePopulation, type Agents } from './columns.ts';
import type { StockTraits, Traits } from '../model/schema.ts';
import { toDisadvantages, toNormals, type Uniform } from '../random/streams.ts';

/** Mean skills (0-1) by education: low, medium, high. */
export const SKILL_MEAN = { low: 0.3, medium: 0.55, high: 0.8 } as const;

/** Trait distributions turned into cumulative tables, once per model. */
export interface TraitSampler {
  rho: number;
  rest: number;
  ageCum: Float64Array; ageFrom: Float64Array; ageWidth: Float64Array;
  /** Absent for applicants (they start at 0 years on benefit). */
  durCum?: Float64Array; durFrom?: Float64Array; durWidth?: Float64Array;
  /** Education from most to least skilled: high, medium, low. */
  eduCum: Float64Array; eduSkill: Float64Array;
  motivationMean: number; motivationSd: number;
  multiProblemShare: number;
  /** Rungs from 6 down to 1. */
  rungCum: Float64Array;
  householdCum: Float64Array;
}

const cumulative = (shares: readonly number[]) => {
  const out = new Float64Array(shares.length);
  let c = 0;
  shares.forEach((s, k) => (out[k] = c += s));
  return out;
};

export function compileTraits(traits: Traits | StockTraits): TraitSampler {
  const rho = traits.clustering;
  const e = traits.education;
  const h = traits.household;
  const stock = 'yearsOnBenefit' in traits ? traits.yearsOnBenefit : undefined;
  return {
    rho,
    rest: Math.sqrt(1 - rho * rho),
    ageCum: cumulative(traits.age.map((b) => b.share)),
    ageFrom: Float64Array.from(traits.age, (b) => b.from),
    ageWidth: Float64Array.from(traits.age, (b) => b.to - b.from),
    durCum: stock && cumulative(stock.map((b) => b.share)),
    durFrom: stock && Float64Array.from(stock, (b) => b.from),
    durWidth: stock && Float64Array.from(stock, (b) => b.to - b.from),
    eduCum: cumulative([e.high, e.medium, e.low]),
    eduSkill: Float64Array.of(SKILL_MEAN.high, SKILL_MEAN.medium, SKILL_MEAN.low),
    motivationMean: traits.motivation.mean,
    motivationSd: traits.motivation.sd,
    multiProblemShare: traits.multiProblemShare,
    rungCum: cumulative([...traits.ladder].reverse()),
    householdCum: cumulative([h.single, h.singleParent, h.couple]),
  };
}

/** Index of the band a uniform falls in, by cumulative share. */
function pick(cum: Float64Array, u: number): number {
  for (let k = 0; k < cum.length; k++) if (u < cum[k]) return k;
  return cum.length - 1;
}

/**
 * The uniforms of one person, in the order the traits use them; then turned in place into what
 * the traits need (see `synthesisePerson`). Stock: 0 latent d (normal), 1 age band, 2 age within
 * it, 3 years-on-benefit band (disadvantage), 4 years within it, 5 education (disadvantage),
 * 6 skill noise (normal), 7 motivation (normal), 8 multi-problem (disadvantage), 9 rung
 * (disadvantage), 10 household, 11 frailty (normal). An applicant has no 3 and 4.
 */
const draws = new Float64Array(12);
const NORMALS = { stock: Int8Array.of(0, 3, 5, 6, 7, 8, 9, 11), applicant: Int8Array.of(0, 3, 4, 5, 6, 7, 9) };
/** Of the normals, the disadvantage draws: Phi(rho d + sqrt(1 - rho^2) z) on (0, 1), high = further from work. */
const DISADVANTAGES = { stock: Int8Array.of(3, 5, 8, 9), applicant: Int8Array.of(3, 6, 7) };

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const HOUSEHOLDS = [Household.single, Household.singleParent, Household.couple];

/** Writes one person into `slot`; years on benefit from the stock's bands, or 0 for an applicant. */
export function synthesisePerson(agents: Agents, slot: number, s: TraitSampler, u: Uniform, key: number, frailtySd: number): void {
  // the stream's uniforms in a fixed order, 12 for the stock (with years on benefit), 10 for an
  // applicant, drawn in one loop; then the normals and the disadvantage draws each in a loop of
  // their own, so that the traits below are plain arithmetic (a call per draw cost a heap number
  // each; the loops live beside the probit and the normal CDF in streams.ts, where they inline)
  const stock = s.durCum !== undefined;
  const v = draws;
  for (let j = 0, count = stock ? 12 : 10; j < count; j++) v[j] = u();
  toNormals(v, stock ? NORMALS.stock : NORMALS.applicant);
  const d = v[0];
  toDisadvantages(v, stock ? DISADVANTAGES.stock : DISADVANTAGES.applicant, s.rho * d, s.rest);
  const ab = pick(s.ageCum, v[1]);
  const ageYears = s.ageFrom[ab] + s.ageWidth[ab] * v[2];
  let months = 0;
  let j = 3;
  if (stock) {
    const b = pick(s.durCum!, v[j++]);
    // nobody has been on benefit since before age 18
    months = Math.round(Math.min(s.durFrom![b] + s.durWidth![b] * v[j++], Math.max(0, ageYears - 18)) * 12);
  }
  const edu = pick(s.eduCum, v[j++]);
  const skills = clamp(s.eduSkill[edu] + 0.1 * v[j++], 0.02, 0.98);
  const motivation = clamp(s.motivationMean - s.motivationSd * (s.rho * d + s.rest * v[j++]), 0.02, 1);
  const multiProblem = v[j++] > 1 - s.multiProblemShare ? 1 : 0;
  const rung = 6 - pick(s.rungCum, v[j++]);
  const household = HOUSEHOLDS[pick(s.householdCum, v[j++])];
  const frailty = Math.exp(frailtySd * v[j++] - (frailtySd * frailtySd) / 2);

  agents.setKey(slot, key);
  agents.state[slot] = State.onBenefit;
  agents.ageMonths[slot] = Math.round(ageYears * 12);
  agents.monthsOnBenefit[slot] = months;
  agents.monthsInWork[slot] = 0;
  agents.skills[slot] = skills;
  agents.motivation[slot] = motivation;
  agents.multiProblem[slot] = multiProblem;
  agents.rung[slot] = rung;
  agents.household[slot] = household;
  agents.frailty[slot] = frailty;
  agents.spells[slot] = 1;
  agents.entryMonth[slot] = -1;
}

/** The starting caseload: `size` people drawn from the stock distributions. */
export function synthesiseStock(size: number, traits: StockTraits, u: Uniform, frailtySd: number, luckSeed = 0): Agents {
  // leavers keep their slots while they may return: the slots in use reach 1.6-1.9 times the
  // starting caseload in the models, so room for twice as many avoids growing every column
  const agents = takePopulation(size * 2);
  agents.luckSeed = luckSeed;
  const s = compileTraits(traits);
  for (let k = 0; k < size; k++) synthesisePerson(agents, agents.append(), s, u, k, frailtySd);
  agents.listCaseload();
  return agents;
}
