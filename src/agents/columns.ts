/**
 * The population as columns: one typed array per trait, indexed by slot. People are appended as
 * they apply; those who leave for good are compacted away now and then, keeping relative order,
 * so the monthly loop runs over a dense prefix `0 .. size-1`. No object per person.
 */
import { personLuckKey } from '../random/luck.ts';
import { kernelFor } from './specialise.ts';

/** Where a person is. */
export const State = {
  /** Receiving bijstand: part of the caseload. */
  onBenefit: 0,
  /** Left for work; can lose the job and come back (the revolving door). */
  inWork: 1,
  /** Gone for good from the model: pension age, a durable job, or past the return window. */
  gone: 2,
  /** Left by another route (school or removal, moving or cohabiting) or deterred at intake; may come back. */
  left: 3,
} as const;

/** The route by which a person last left (or was deterred), for returns by route. */
export const Route = { work: 0, school: 1, non: 2, deterred: 3 } as const;
export const ROUTES = 3; // routes whose returns are counted (deterred applicants reapply, but are not leavers)

/** Household types; a couple shares one benefit. */
export const Household = { single: 0, singleParent: 1, couple: 2 } as const;

type Numeric = Float32Array | Float64Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
type NumericCtor = { new (length: number): Numeric };

/** The columns every population has. Ages and durations in months. */
export class Agents {
  size = 0;
  capacity: number;
  /** Stable person key: the same person has the same key in every scenario (CRN). */
  key: Uint32Array;
  /** `personLuckKey(luckSeed, key)`: the person's share of every luck draw, hashed once. */
  luckKey: Uint32Array;
  /** The replicate's luck seed, from which `luckKey` is derived (set before people are added). */
  luckSeed = 0;
  /** How many times `compact` has moved slots: lists of slots kept across months are stale when it changes. */
  compactions = 0;
  state: Uint8Array;
  ageMonths: Uint16Array;
  /** Months on benefit, all spells together (the scarring clock). */
  monthsOnBenefit: Uint16Array;
  /** Months since the job started, for those in work. */
  monthsInWork: Uint16Array;
  /** 0-1: education and work skills. */
  skills: Float32Array;
  /** 0-1: willingness and confidence to look for work. */
  motivation: Float32Array;
  /** 1 = multi-problem (health, debts, care duties), 0 = not. */
  multiProblem: Uint8Array;
  /** Participation-ladder rung 1 (isolated) .. 6 (paid work). */
  rung: Uint8Array;
  household: Uint8Array;
  /** exp(unobserved log-frailty): what no caseworker sees. */
  frailty: Float32Array;
  /** Number of spells on benefit (1 at entry, +1 at each re-entry). */
  spells: Uint8Array;
  /** Month of last entry onto benefit (-1 for the starting population). */
  entryMonth: Int16Array;
  /** Month of the last exit (or deterrence); meaningful when in work or left. */
  exitMonth: Int16Array;
  /** Route of the last exit (`Route`). */
  leftRoute: Uint8Array;

  /** Employability from traits (derived; refreshed at the end of each month and at intake). */
  employability: Float32Array;
  /** Scratch: this month's employability before rounding to the float32 column, for exact sums (not carried by a compaction). */
  exactEmployability: Float64Array;
  /** Weight in the competition for jobs this month (derived, scratch; times `workScale` = work hazard). */
  workHazard: Float32Array;
  /** Per-month hazard multipliers written by policies (reset to 1 each month). */
  searchMult: Float32Array;
  employMult: Float32Array;
  schoolMult: Float32Array;
  /** Per-month additive hazards written by policies (reset to 0 each month): work outside the vacancy competition, benefit ended. */
  ownWorkHazard: Float32Array;
  removalHazard: Float32Array;

  /**
   * The index of the caseload: the slots on benefit in slot order, `caseload[0 .. caseloadSize)`.
   * The engine keeps it current where states change (intake, the exits pass, compaction), so that
   * stages and policies that concern recipients only visit them.
   */
  caseload: Int32Array;
  caseloadSize = 0;
  /**
   * Slots whose spell on benefit began since the exits pass before last (admitted at this month's
   * intake, back on benefit in last month's exits pass): `spellStarts[0 .. spellStartCount)`. The
   * exits pass starts the list afresh; a compaction renumbers it. Programmes keep their eligible
   * lists up to date from it, instead of scanning the caseload. Each has at most
   * `NEW_SPELL_MONTHS` months on benefit (a spell begins at 0, and the exits pass ages it once).
   */
  spellStarts = new Int32Array(1024);
  spellStartCount = 0;
  /**
   * The renumbering of the last compaction (number `compactions`): `renumbered[old]` is the slot
   * that was `old` before it, -1 if dropped, for `old` below the size before it. Lists of slots
   * kept across a compaction are carried over through it.
   */
  renumbered = new Int32Array(0);

  /**
   * Loops compiled for this population's columns (`specialise.ts`), by the function that makes
   * them. They hold the columns, so growing the columns drops them; recycling the population
   * (`takePopulation`) keeps them.
   */
  readonly kernels = new Map<object, { inputs: readonly object[]; run: unknown }[]>();

  private extra = new Map<string, Numeric>();
  /** The registered columns of the replicates before the last `clear`, zeroed, by name: `addColumn` takes them again. */
  private spare = new Map<string, Numeric>();
  /** Slots below this may have been written since the population was made or cleared. */
  private written = 0;
  /** Scratch of `compact`: the kept slots. */
  private keep = new Int32Array(0);

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    const n = this.capacity;
    this.key = new Uint32Array(n);
    this.luckKey = new Uint32Array(n);
    this.state = new Uint8Array(n);
    this.ageMonths = new Uint16Array(n);
    this.monthsOnBenefit = new Uint16Array(n);
    this.monthsInWork = new Uint16Array(n);
    this.skills = new Float32Array(n);
    this.motivation = new Float32Array(n);
    this.multiProblem = new Uint8Array(n);
    this.rung = new Uint8Array(n);
    this.household = new Uint8Array(n);
    this.frailty = new Float32Array(n);
    this.spells = new Uint8Array(n);
    this.entryMonth = new Int16Array(n);
    this.exitMonth = new Int16Array(n);
    this.leftRoute = new Uint8Array(n);
    this.employability = new Float32Array(n);
    this.exactEmployability = new Float64Array(n);
    this.workHazard = new Float32Array(n);
    this.searchMult = new Float32Array(n);
    this.employMult = new Float32Array(n);
    this.schoolMult = new Float32Array(n);
    this.ownWorkHazard = new Float32Array(n);
    this.removalHazard = new Float32Array(n);
    this.caseload = new Int32Array(n);
  }

  /** Lists the caseload afresh from the states (at the start, and after a compaction moved slots). */
  listCaseload(): void {
    let c = 0;
    for (let i = 0; i < this.size; i++) if (this.state[i] === State.onBenefit) this.caseload[c++] = i;
    this.caseloadSize = c;
  }

  /** Notes that slot `i` began a spell on benefit (see `spellStarts`). */
  noteSpellStart(i: number): void {
    if (this.spellStartCount === this.spellStarts.length) {
      const grown = new Int32Array(2 * this.spellStarts.length);
      grown.set(this.spellStarts);
      this.spellStarts = grown;
    }
    this.spellStarts[this.spellStartCount++] = i;
  }

  /** Registers an extra column (e.g. a policy's months-in-programme) that grows and compacts with the rest. */
  addColumn<T extends Numeric>(name: string, ctor: { new (length: number): T }): T {
    if (this.extra.has(name)) throw new Error(`column ${name} registered twice`);
    const old = this.spare.get(name);
    const col = old instanceof ctor && old.length === this.capacity ? old : new ctor(this.capacity);
    this.extra.set(name, col);
    return col;
  }

  /** The current array of a registered column (re-read after `append`, which may reallocate). */
  column<T extends Numeric>(name: string): T {
    const col = this.extra.get(name);
    if (!col) throw new Error(`no column ${name}`);
    return col as T;
  }

  /** Sets a person's key and, from it and `luckSeed`, the luck key. */
  setKey(slot: number, key: number): void {
    this.key[slot] = key;
    this.luckKey[slot] = personLuckKey(this.luckSeed, key);
  }

  /**
   * Appends one person and returns the slot. The caller sets every built-in trait; registered
   * columns (policies' state) are cleared here, since the slot may hold a compacted-away person.
   */
  append(): number {
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const slot = this.size++;
    if (this.size > this.written) this.written = this.size;
    for (const col of this.extra.values()) col[slot] = 0;
    return slot;
  }

  /**
   * Appends `n` people at once and returns the first slot; as `append` for each, with the
   * registered columns cleared once per column rather than once per person.
   */
  appendBlock(n: number): number {
    const from = this.size;
    let capacity = Math.max(1, this.capacity);
    while (from + n > capacity) capacity *= 2;
    if (capacity !== this.capacity) this.grow(capacity);
    this.size = from + n;
    if (this.size > this.written) this.written = this.size;
    for (const col of this.extra.values()) col.fill(0, from, this.size);
    return from;
  }

  private fields(): [string, Numeric][] {
    const own: [string, Numeric][] = [
      ['key', this.key], ['luckKey', this.luckKey], ['state', this.state], ['ageMonths', this.ageMonths],
      ['monthsOnBenefit', this.monthsOnBenefit], ['monthsInWork', this.monthsInWork],
      ['skills', this.skills], ['motivation', this.motivation], ['multiProblem', this.multiProblem],
      ['rung', this.rung], ['household', this.household], ['frailty', this.frailty],
      ['spells', this.spells], ['entryMonth', this.entryMonth], ['exitMonth', this.exitMonth], ['leftRoute', this.leftRoute], ['employability', this.employability],
      ['exactEmployability', this.exactEmployability],
      ['workHazard', this.workHazard], ['searchMult', this.searchMult],
      ['employMult', this.employMult], ['schoolMult', this.schoolMult],
      ['ownWorkHazard', this.ownWorkHazard], ['removalHazard', this.removalHazard],
    ];
    return own;
  }

  private grow(capacity: number): void {
    const resize = (a: Numeric): Numeric => {
      const b = new (a.constructor as NumericCtor)(capacity);
      b.set(a as never);
      return b;
    };
    for (const [name, col] of this.fields()) (this as unknown as Record<string, Numeric>)[name] = resize(col);
    for (const [name, col] of this.extra) this.extra.set(name, resize(col));
    this.caseload = resize(this.caseload) as Int32Array;
    this.capacity = capacity;
    this.kernels.clear();
  }

  /**
   * Empties the population for another replicate, as if it were new: every slot ever written is
   * zeroed, registered columns are dropped, the counters start again. The columns stay the same
   * arrays, and so do the loops compiled for them; a registered column registered again under its
   * name and type is the same array too.
   */
  clear(): void {
    const w = this.written;
    for (const [, col] of this.fields()) col.fill(0, 0, w);
    for (const col of this.extra.values()) col.fill(0, 0, w);
    this.caseload.fill(0, 0, w);
    this.spellStarts.fill(0);
    this.renumbered.fill(0);
    this.keep.fill(0);
    for (const [name, col] of this.extra) this.spare.set(name, col);
    this.extra = new Map();
    this.size = this.caseloadSize = this.spellStartCount = this.compactions = this.luckSeed = this.written = 0;
  }

  /**
   * Drops everyone `gone`, keeping the relative order of the rest. The kept slots are listed once,
   * then each column is gathered in a loop specialised to it (`gatherPass`). The month's scratch
   * columns (exact employability, work hazard, hazard multipliers, additive hazards) are not
   * carried: the engine rewrites them each month before reading them. Returns the new size.
   */
  compact(): number {
    const state = this.state;
    const n = this.size;
    let first = 0;
    while (first < n && state[first] !== State.gone) first++;
    if (this.keep.length < n) this.keep = new Int32Array(this.capacity);
    const keep = this.keep;
    const w = listKept(state, first, n, keep);
    if (w !== n) {
      const scratch = new Set<Numeric>([this.exactEmployability, this.workHazard, this.searchMult, this.employMult, this.schoolMult, this.ownWorkHazard, this.removalHazard]);
      const carried: Numeric[] = [];
      for (const [, col] of this.fields()) if (!scratch.has(col)) carried.push(col);
      for (const col of this.extra.values()) carried.push(col);
      kernelFor(this, gatherAllPass, carried)(keep, first, w);
    }
    if (w !== n) {
      this.compactions++;
      this.renumber(keep, first, w, n);
    }
    this.size = w;
    this.listCaseload();
    return w;
  }

  /** Fills `renumbered` for a compaction that kept `keep[first .. w)` of `n` slots, and renumbers `spellStarts`. */
  private renumber(keep: Int32Array, first: number, w: number, n: number): void {
    if (this.renumbered.length < n) this.renumbered = new Int32Array(this.capacity);
    fillRenumbering(this.renumbered, keep, first, w, n);
    this.spellStartCount = renumberSlots(this.spellStarts, this.spellStartCount, this.renumbered);
  }
}

/** `to[old]` = the new slot of `old` for a compaction that kept `keep[first .. w)` of `n` slots, -1 if dropped. */
function fillRenumbering(to: Int32Array, keep: Int32Array, first: number, w: number, n: number): void {
  for (let i = 0; i < first; i++) to[i] = i;
  to.fill(-1, first, n);
  for (let k = first; k < w; k++) to[keep[k]] = k;
}

/**
 * Renumbers the slots `list[0 .. count)` in place through a compaction's `renumbered` (`to`),
 * dropping those it dropped and keeping the order; returns the new count. (A module function: as
 * a loop inside a method, V8 threw the method's compiled code out call after call.)
 */
export function renumberSlots(list: Int32Array, count: number, to: Int32Array): number {
  let c = 0;
  for (let k = 0; k < count; k++) {
    const j = to[list[k]];
    list[c] = j;
    c += j >= 0 ? 1 : 0;
  }
  return c;
}

/** Lists in `keep` the slots in [first, n) that are not gone, from index `first`; returns the end. */
function listKept(state: Uint8Array, first: number, n: number, keep: Int32Array): number {
  let w = first;
  for (let i = first; i < n; i++) if (state[i] !== State.gone) keep[w++] = i;
  return w;
}

/**
 * Moves `col[keep[k]]` to `col[k]` for k in [from, to) (keep[k] >= k, so in place), bit for bit,
 * in every column of `cols` at once: one loop reads `keep` once a slot and moves each column's
 * element, over views of the columns' bits by element width (8-byte elements as pairs of 32-bit
 * words). Its source is written for the columns and compiled at run time, each column a constant
 * of the loop (`specialise.ts`); one column at a time, the gathers took about seven times as long
 * (27 columns of 45,000 kept slots: 3.6 ms against 0.5, `/tmp` benchmark). Where code cannot be
 * compiled at run time, a loop per column.
 */
function gatherAllPass(_a: unknown, cols: readonly Numeric[]) {
  const views: (Uint8Array | Uint16Array | Uint32Array)[] = [];
  const moves: string[] = [];
  for (const col of cols) {
    const bytes = col.BYTES_PER_ELEMENT;
    const v = bytes === 1 ? new Uint8Array(col.buffer, col.byteOffset, col.length)
      : bytes === 2 ? new Uint16Array(col.buffer, col.byteOffset, col.length)
      : new Uint32Array(col.buffer, col.byteOffset, col.length * (bytes / 4));
    const c = `c${views.length}`;
    moves.push(bytes === 8 ? `${c}[2 * k] = ${c}[2 * j]; ${c}[2 * k + 1] = ${c}[2 * j + 1];` : `${c}[k] = ${c}[j];`);
    views.push(v);
  }
  const source = `"use strict"; ${views.map((_, i) => `const c${i} = v[${i}];`).join(' ')}
    return function gatherAll(keep, from, to) { for (let k = from; k < to; k++) { const j = keep[k]; ${moves.join(' ')} } };`;
  try {
    return new Function('v', source)(views) as (keep: Int32Array, from: number, to: number) => void;
  } catch {
    return (keep: Int32Array, from: number, to: number): void => {
      for (let c = 0; c < views.length; c++) {
        const v = views[c], wide = cols[c].BYTES_PER_ELEMENT === 8;
        for (let k = from; k < to; k++) {
          const j = keep[k];
          if (wide) { v[2 * k] = v[2 * j]; v[2 * k + 1] = v[2 * j + 1]; } else v[k] = v[j];
        }
      }
    };
  }
}

/** The most months on benefit of a spell listed in `Agents.spellStarts` (checked in `tests/policies/longest-list.test.ts`). */
export const NEW_SPELL_MONTHS = 1;

/** Populations a finished replicate gave back, for the next one on this thread (at most two kept). */
const recycled: Agents[] = [];

/**
 * An empty population with room for `capacity` people: one given back by an earlier replicate
 * on this thread if one has room, with its compiled loops, else a new one. A recycled population
 * is cleared to the state of a new one, so results do not depend on which is taken.
 */
export function takePopulation(capacity: number): Agents {
  const k = recycled.findIndex((a) => a.capacity >= capacity);
  if (k < 0) return new Agents(capacity);
  const [a] = recycled.splice(k, 1);
  a.clear();
  return a;
}

/** Gives a population back once its replicate is done with it and nothing refers to its columns. */
export function givePopulationBack(a: Agents): void {
  if (recycled.includes(a)) return;
  recycled.push(a);
  if (recycled.length > 2) recycled.shift();
}
