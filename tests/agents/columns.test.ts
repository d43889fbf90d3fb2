import { describe, expect, it } from 'vitest';
import { Agents, givePopulationBack, State, takePopulation } from '../../src/agents/columns.ts';
import { personLuckKey } from '../../src/random/luck.ts';

/** Appends a person whose traits are all derived from `k`, so rows can be recognised later. */
function addPerson(a: Agents, k: number, state: number = State.onBenefit): number {
  const i = a.append();
  a.setKey(i, 1000 + k);
  a.state[i] = state;
  a.ageMonths[i] = 216 + k;
  a.skills[i] = (k % 97) / 100;
  a.motivation[i] = (k % 89) / 100;
  a.rung[i] = 1 + (k % 6);
  a.entryMonth[i] = k - 5;
  return i;
}

describe('Agents', () => {
  it('append grows the capacity and keeps the data already written', () => {
    const a = new Agents(16);
    expect(a.capacity).toBe(16);
    const n = 1000;
    for (let k = 0; k < n; k++) expect(addPerson(a, k)).toBe(k); // slots are handed out densely
    expect(a.size).toBe(n);
    expect(a.capacity).toBeGreaterThanOrEqual(n);
    // every column was reallocated large enough
    for (const col of [a.key, a.state, a.ageMonths, a.skills, a.motivation, a.rung, a.entryMonth, a.employability, a.searchMult]) {
      expect(col.length).toBe(a.capacity);
    }
    for (let k = 0; k < n; k++) {
      expect(a.key[k]).toBe(1000 + k);
      expect(a.ageMonths[k]).toBe(216 + k);
      expect(a.skills[k]).toBeCloseTo((k % 97) / 100, 6);
      expect(a.rung[k]).toBe(1 + (k % 6));
      expect(a.entryMonth[k]).toBe(k - 5);
    }
  });

  it('appendBlock is n appends: the same slots and capacities, registered columns cleared where a compaction left old values', () => {
    for (const [capacity, before, n] of [[4, 3, 0], [4, 3, 1], [4, 3, 2], [4, 4, 9], [16, 2, 14], [1, 0, 40]]) {
      const one = new Agents(capacity), block = new Agents(capacity);
      for (const a of [one, block]) {
        a.addColumn('prog', Int16Array);
        for (let k = 0; k < before + 3; k++) addPerson(a, k, k < before ? State.onBenefit : State.gone);
        a.column<Int16Array>('prog').fill(7); // stale values in every slot, also those a compaction frees
        a.compact();
      }
      for (let k = 0; k < n; k++) one.append();
      const from = block.appendBlock(n);
      expect(from).toBe(before);
      expect(block.size).toBe(one.size);
      expect(block.capacity).toBe(one.capacity);
      const prog = block.column<Int16Array>('prog');
      expect(Array.from(prog.subarray(0, block.size))).toEqual(Array.from(one.column<Int16Array>('prog').subarray(0, one.size)));
      for (let i = from; i < block.size; i++) expect(prog[i]).toBe(0);
    }
  });

  it('addColumn columns grow with the rest and keep their data', () => {
    const a = new Agents(16);
    a.addColumn('months', Int16Array);
    a.addColumn('score', Float64Array);
    expect(() => a.addColumn('months', Int16Array)).toThrow(/twice/);
    expect(() => a.column('nope')).toThrow(/no column/);
    for (let k = 0; k < 300; k++) {
      const i = addPerson(a, k);
      // re-read after append: growing may reallocate
      a.column<Int16Array>('months')[i] = k * 3;
      a.column<Float64Array>('score')[i] = k + 0.25;
    }
    const months = a.column<Int16Array>('months');
    const score = a.column<Float64Array>('score');
    expect(months).toBeInstanceOf(Int16Array);
    expect(months.length).toBe(a.capacity);
    expect(score.length).toBe(a.capacity);
    for (let k = 0; k < 300; k++) {
      expect(months[k]).toBe(k * 3);
      expect(score[k]).toBe(k + 0.25);
    }
  });

  it('compact removes the gone, keeps the relative order and keeps every column aligned', () => {
    const a = new Agents(16);
    a.addColumn('extra', Float64Array);
    const n = 500;
    const goneAt = (k: number) => k % 3 === 0 || (k >= 100 && k < 140) || k === n - 1; // runs and singles
    for (let k = 0; k < n; k++) {
      const i = addPerson(a, k, goneAt(k) ? State.gone : k % 2 ? State.inWork : State.onBenefit);
      a.column<Float64Array>('extra')[i] = k * 10 + 0.5;
    }
    const survivors = Array.from({ length: n }, (_, k) => k).filter((k) => !goneAt(k));
    const size = a.compact();
    expect(size).toBe(survivors.length);
    expect(a.size).toBe(survivors.length);
    const extra = a.column<Float64Array>('extra');
    survivors.forEach((k, i) => {
      expect(a.key[i]).toBe(1000 + k);
      expect(a.state[i]).toBe(k % 2 ? State.inWork : State.onBenefit);
      expect(a.ageMonths[i]).toBe(216 + k);
      expect(a.skills[i]).toBeCloseTo((k % 97) / 100, 6);
      expect(a.motivation[i]).toBeCloseTo((k % 89) / 100, 6);
      expect(a.rung[i]).toBe(1 + (k % 6));
      expect(a.entryMonth[i]).toBe(k - 5);
      expect(extra[i]).toBe(k * 10 + 0.5);
    });
    // nobody gone is left in the live prefix
    for (let i = 0; i < a.size; i++) expect(a.state[i]).not.toBe(State.gone);
  });

  it('compact moves the same bits where code cannot be compiled at run time (the gather\'s loop per column)', () => {
    const fill = () => {
      const a = new Agents(16);
      a.addColumn('wide', Float64Array);
      a.addColumn('narrow', Int16Array);
      for (let k = 0; k < 300; k++) {
        const i = addPerson(a, k, k % 4 === 1 || (k > 50 && k < 90) ? State.gone : State.onBenefit);
        a.column<Float64Array>('wide')[i] = k / 7;
        a.column<Int16Array>('narrow')[i] = -k;
      }
      return a;
    };
    const compiled = fill();
    compiled.compact();
    const refused = fill();
    const RealFunction = globalThis.Function;
    // a page's content security policy: the Function constructor throws
    globalThis.Function = function refuse() { throw new EvalError('code generation from strings disallowed'); } as unknown as FunctionConstructor;
    try {
      refused.compact();
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(refused.size).toBe(compiled.size);
    expect(refused.size).toBeLessThan(300);
    const columns = (a: Agents) => ({
      key: a.key, state: a.state, ageMonths: a.ageMonths, skills: a.skills, motivation: a.motivation, rung: a.rung, entryMonth: a.entryMonth,
      wide: a.column<Float64Array>('wide'), narrow: a.column<Int16Array>('narrow'),
    });
    const want = columns(compiled), got = columns(refused);
    for (const name of Object.keys(want) as (keyof typeof want)[]) {
      expect(Array.from(got[name].subarray(0, refused.size)), name).toEqual(Array.from(want[name].subarray(0, compiled.size)));
    }
  });

  it('compact records its renumbering, and carries the spells begun over it', () => {
    const a = new Agents(16);
    const n = 300;
    const goneAt = (k: number) => k % 4 === 1 || (k >= 50 && k < 70);
    for (let k = 0; k < n; k++) addPerson(a, k, goneAt(k) ? State.gone : State.onBenefit);
    const started = [3, 5, 60, 61, 150, 299]; // 5 and 61 (gone) drop out
    for (const i of started) a.noteSpellStart(i);
    const before = a.compactions;
    a.compact();
    expect(a.compactions).toBe(before + 1);
    for (let old = 0; old < n; old++) {
      const j = a.renumbered[old];
      if (goneAt(old)) expect(j, `slot ${old}`).toBe(-1);
      else expect(a.key[j], `slot ${old}`).toBe(1000 + old); // the same person in the new slot
    }
    const carried = Array.from(a.spellStarts.subarray(0, a.spellStartCount), (i) => a.key[i] - 1000);
    expect(carried).toEqual(started.filter((k) => !goneAt(k)));
  });

  it('compact is a no-op without gone rows, empties an all-gone population, and appending after it works', () => {
    const a = new Agents(16);
    for (let k = 0; k < 40; k++) addPerson(a, k);
    expect(a.compact()).toBe(40);
    for (let k = 0; k < 40; k++) expect(a.key[k]).toBe(1000 + k);
    for (let i = 0; i < a.size; i++) a.state[i] = State.gone;
    expect(a.compact()).toBe(0);
    const i = addPerson(a, 7);
    expect(i).toBe(0);
    expect(a.size).toBe(1);
    expect(a.key[0]).toBe(1007);
  });

  it('keeps each luck key with its person through growth and compaction', () => {
    const a = new Agents(16);
    a.luckSeed = 4242;
    for (let k = 0; k < 100; k++) addPerson(a, k, k % 3 === 0 ? State.gone : State.onBenefit);
    a.compact();
    expect(a.size).toBe(66);
    for (let i = 0; i < a.size; i++) expect(a.luckKey[i]).toBe(personLuckKey(4242, a.key[i]));
    // the luck key depends on the seed: a different seed gives (almost) all different keys
    let same = 0;
    for (let i = 0; i < a.size; i++) same += +(personLuckKey(4243, a.key[i]) === a.luckKey[i]);
    expect(same).toBe(0);
  });
});

describe('recycled populations', () => {
  /** Every typed array a population holds, by field name. */
  const arraysOf = (a: Agents) => Object.entries(a).filter(([, v]) => ArrayBuffer.isView(v)) as [string, ArrayLike<number>][];

  it('a population given back is taken again, cleared to the state of a new one', () => {
    const a = takePopulation(64);
    a.luckSeed = 77;
    a.addColumn('months', Int16Array);
    for (let k = 0; k < 200; k++) {
      const i = addPerson(a, k, k % 4 === 0 ? State.gone : State.onBenefit);
      a.column<Int16Array>('months')[i] = k; // re-read: appending grows the columns
      a.employability[i] = 0.5;
      a.exactEmployability[i] = 0.25;
      a.workHazard[i] = 0.1;
      a.noteSpellStart(i);
    }
    a.listCaseload();
    a.compact();
    a.kernels.set(addPerson, [{ inputs: [], run: 1 }]);
    const columns = arraysOf(a).map(([, v]) => v);
    const months = a.column<Int16Array>('months');
    givePopulationBack(a);
    givePopulationBack(a); // twice is once

    const b = takePopulation(100);
    expect(b).toBe(a);
    expect([b.size, b.caseloadSize, b.spellStartCount, b.compactions, b.luckSeed]).toEqual([0, 0, 0, 0, 0]);
    for (const [name, v] of arraysOf(b)) expect(Array.prototype.some.call(v, (x: number) => x !== 0), name).toBe(false);
    expect(arraysOf(b).every(([, v], k) => v === columns[k])).toBe(true); // the same arrays
    expect(() => b.column('months')).toThrow(/no column/); // registered columns go with the replicate
    const again = b.addColumn('months', Int16Array); // registered again: the same array, zeroed
    expect(again).toBe(months);
    expect(again.some((x) => x !== 0)).toBe(false);
    expect(b.addColumn('other', Int16Array)).not.toBe(months);
    expect(b.kernels.get(addPerson)?.[0].run).toBe(1); // compiled loops stay
    expect(takePopulation(100)).not.toBe(a); // it is taken only once
  });

  it('a population too small for what is asked is not taken', () => {
    const small = takePopulation(16);
    givePopulationBack(small);
    const big = takePopulation(small.capacity + 1);
    expect(big).not.toBe(small);
    expect(big.capacity).toBe(small.capacity + 1);
    expect(takePopulation(16)).toBe(small);
  });
});
