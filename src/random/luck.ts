/**
 * Per-person luck: a counter-based generator. `luck(seed, person, month, purpose)` hashes its four
 * integer inputs into a uniform on [0, 1). It is a pure function, so a person's draw for a month
 * does not depend on who else is in the population, in what order people are visited, or which
 * scenario runs: the basis of common random numbers.
 *
 * The mixer is the `lowbias32` integer hash (Chris Wellons' hash-prospector; bias ~0.17), applied
 * as a sponge over the inputs. It passes the uniformity and independence checks in
 * `tests/random/luck.test.ts`.
 */

/** Purposes: one constant per kind of draw, so draws for different purposes are independent. */
export const Purpose = {
  exit: 1,
  jobLoss: 2,
  returnToBenefit: 3,
  intake: 4,
  priority: 5,
  traitDrift: 6,
  frailty: 7,
  lottery: 8,
  volunteer: 9,
} as const;

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The per-person part of the hash: (replicate seed, person key) -> 32 bits. The engine keeps it in
 * a column (`Agents.luckKey`) so that a draw in the monthly loop costs one round of the mixer.
 */
export function personLuckKey(seed: number, person: number): number {
  return mix(mix(seed ^ 0x9e3779b9) ^ Math.imul(person + 1, 0x85ebca6b));
}

/** A uniform on [0, 1) from a person's luck key, the month and the purpose. */
export function luckOf(personKey: number, month: number, purpose: number): number {
  return mix(personKey ^ Math.imul(((month + 1) << 8) | purpose, 0xc2b2ae35)) / 4294967296;
}

/** The (month, purpose) part of `luckOf`, for a loop that draws the same purpose for many people. */
export function luckSalt(month: number, purpose: number): number {
  return Math.imul(((month + 1) << 8) | purpose, 0xc2b2ae35);
}

/** `luckOf(personKey, month, purpose)` given `luckSalt(month, purpose)`: the same number. */
export function luckSalted(personKey: number, salt: number): number {
  return mix(personKey ^ salt) / 4294967296;
}

/**
 * A uniform on [0, 1) from (replicate seed, person key, month, purpose). Month (< 2^16) and
 * purpose (< 2^8) share one 32-bit word, so three rounds of the mixer suffice.
 * Equal to `luckOf(personLuckKey(seed, person), month, purpose)`.
 */
export function luck(seed: number, person: number, month: number, purpose: number): number {
  return luckOf(personLuckKey(seed, person), month, purpose);
}
