/**
 * Why the engine's loops cost what they cost: the same loop over typed arrays, with the arrays as
 * module constants and as function parameters (as the engine passes its columns). On Node 20
 * (V8 11.3) TurboFan does not hoist a typed array's map check and data-pointer loads out of a loop
 * when the array is a parameter or an object's field: every access in every iteration pays them.
 * A module constant is known when the loop is compiled, and the checks go. The engine's columns
 * belong to a replicate, so they cannot be module constants. They can be the captured constants of
 * a closure that is the only one ever made from its place in the source: V8 then compiles it for
 * its own context, as `src/engine/specialise.ts` arranges (a fresh copy of the factory's source
 * per population). A second closure from the same place loses that.
 *
 *   npx tsx bench/typed-array-access.ts
 *
 * Prints ns per element of a loop that reads five columns at a person's slot, for a list of
 * 15,000 slots out of 70,000 (a programme's eligible among a caseload), the data in cache.
 */
import { specialise } from '../src/agents/specialise.ts';

const SLOTS = 70_000, LISTED = 15_000, ROUNDS = 40, CALLS = 20;

/** A fixed linear congruential sequence: the benchmark's data, not a model draw. */
let seed = 1;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

const state = new Uint8Array(SLOTS), age = new Uint16Array(SLOTS), dur = new Uint16Array(SLOTS), inProgramme = new Int16Array(SLOTS), done = new Uint8Array(SLOTS);
for (let i = 0; i < SLOTS; i++) {
  state[i] = next() < 0.97 ? 1 : 2;
  age[i] = 400 + Math.floor(next() * 300);
  dur[i] = 60 + Math.floor(next() * 200);
  inProgramme[i] = next() < 0.15 ? 3 : 0;
  done[i] = next() < 0.1 ? 1 : 0;
}
const listed: number[] = [];
for (let i = 0; i < SLOTS; i++) if (next() < LISTED / SLOTS) listed.push(i);
const list = Int32Array.from(listed);

function asConstants(count: number): number {
  let s = 0;
  for (let k = 0; k < count; k++) {
    const i = list[k];
    s += state[i] + age[i] + dur[i] + inProgramme[i] + done[i];
  }
  return s;
}

function asParameters(l: Int32Array, count: number, st: Uint8Array, ag: Uint16Array, du: Uint16Array, m: Int16Array, dn: Uint8Array): number {
  let s = 0;
  for (let k = 0; k < count; k++) {
    const i = l[k];
    s += st[i] + ag[i] + du[i] + m[i] + dn[i];
  }
  return s;
}

const columns = { list, state, age, dur, inProgramme, done };
function asFields(c: typeof columns, count: number): number {
  const { list: l, state: st, age: ag, dur: du, inProgramme: m, done: dn } = c;
  let s = 0;
  for (let k = 0; k < count; k++) {
    const i = l[k];
    s += st[i] + ag[i] + du[i] + m[i] + dn[i];
  }
  return s;
}

/** The engine's way (`src/engine/specialise.ts`): a factory that captures the columns, compiled afresh from its source. */
function overColumns(c: typeof columns) {
  const { list: l, state: st, age: ag, dur: du, inProgramme: m, done: dn } = c;
  return function sum(count: number): number {
    let s = 0;
    for (let k = 0; k < count; k++) {
      const i = l[k];
      s += st[i] + ag[i] + du[i] + m[i] + dn[i];
    }
    return s;
  };
}
const specialised = specialise(overColumns)(columns);
const shared = [overColumns(columns), overColumns(columns)][1]; // a second closure from the same place: not specialised

const variants: [string, () => number][] = [
  ['module constants', () => asConstants(list.length)],
  ['parameters', () => asParameters(list, list.length, state, age, dur, inProgramme, done)],
  ['fields of an object', () => asFields(columns, list.length)],
  ['captured, specialised', () => specialised(list.length)],
  ['captured, shared place', () => shared(list.length)],
];
const best = new Map<string, number>();
let check = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, run] of variants) {
    const t0 = performance.now();
    for (let c = 0; c < CALLS; c++) check += run();
    const ns = ((performance.now() - t0) * 1e6) / CALLS / list.length;
    best.set(name, Math.min(best.get(name) ?? Infinity, ns));
  }
}
console.log(`node ${process.version}: a loop reading 5 typed arrays at ${list.length} listed slots (best of ${ROUNDS} rounds, ns per element)`);
for (const [name, ns] of best) console.log(`  ${name.padEnd(22)} ${ns.toFixed(2)}`);
if (check === 0) console.log('(no data)');
