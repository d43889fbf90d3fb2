import { beforeAll, describe, expect, it } from 'vitest';
import { Agents, givePopulationBack, State } from '../../src/agents/columns.ts';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS, createSim, type Sim } from '../../src/engine/sim.ts';
import { kernelFor, specialise } from '../../src/agents/specialise.ts';
import { step } from '../../src/engine/step.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';

/** A kernel factory by the rules of `specialise.ts`: it uses only its arguments. */
function weightedAges(a: Agents, inputs: readonly [Float64Array]) {
  const [weight] = inputs;
  const { ageMonths, state } = a;
  return function sum(n: number): number {
    let s = 0;
    for (let i = 0; i < n; i++) if (state[i] === 0) s += ageMonths[i] * weight[0];
    return s;
  };
}

function population(n: number, capacity = n): Agents {
  const a = new Agents(capacity);
  for (let k = 0; k < n; k++) {
    const i = a.append();
    a.ageMonths[i] = 216 + k;
    a.state[i] = k % 3 === 0 ? State.left : State.onBenefit;
  }
  return a;
}

describe('specialise', () => {
  it('makes a fresh copy that computes what the factory computes', () => {
    const a = population(500);
    const w = Float64Array.of(0.5);
    const copy = specialise(weightedAges);
    expect(copy).not.toBe(weightedAges);
    expect(specialise(weightedAges)).not.toBe(copy); // every copy is new
    const [fromCopy, fromFactory] = [copy(a, [w]), weightedAges(a, [w])];
    expect(fromCopy(a.size)).toBe(fromFactory(a.size));
    expect(fromCopy(a.size)).toBeGreaterThan(0);
  });

  it('falls back to the factory where its source cannot be compiled', () => {
    expect(specialise(Math.max)).toBe(Math.max); // "[native code]" is not source
  });
});

describe('kernelFor', () => {
  it('keeps the loop for the same columns and inputs, and makes and keeps another for other inputs', () => {
    const a = population(100);
    const w = Float64Array.of(2);
    const k1 = kernelFor(a, weightedAges, [w] as const);
    expect(kernelFor(a, weightedAges, [w] as const)).toBe(k1);
    const other = Float64Array.of(3);
    const k2 = kernelFor(a, weightedAges, [other] as const);
    expect(k2).not.toBe(k1);
    expect(k2(a.size)).toBe(1.5 * k1(a.size));
    expect(kernelFor(a, weightedAges, [w] as const)).toBe(k1); // both kept: scenarios take turns
  });

  it('makes the loop again when the columns grow (it would read the old arrays)', () => {
    const a = population(16, 16);
    const w = Float64Array.of(1);
    const before = kernelFor(a, weightedAges, [w] as const);
    const sum16 = before(a.size);
    const i = a.append(); // grows every column
    a.ageMonths[i] = 1000;
    a.state[i] = State.onBenefit;
    const after = kernelFor(a, weightedAges, [w] as const);
    expect(after).not.toBe(before);
    expect(after(a.size)).toBe(sum16 + 1000);
    expect(before(a.size)).toBe(sum16); // the stale loop still sees the old columns
  });
});

describe('a recycled population', () => {
  let input: ModelInput;
  let model: Model;
  let other: Model;
  beforeAll(async () => {
    input = (await import('../fixtures/small.ts')).default;
    model = validateModel(input, 'small');
    // fewer people (it fits in the same columns) in a recession
    other = validateModel({ ...structuredClone(input), population: { ...input.population, size: Math.round(input.population.size / 2) }, economy: { ...input.economy, growth: 'recession' } }, 'other');
  });

  function run(sim: Sim, months: number): Float64Array {
    const series = new Float64Array(months * METRIC_COUNT);
    for (let t = 0; t < months; t++) step(sim, t, series);
    return series;
  }

  it('gives a replicate the results of a new one, with the loops compiled for it kept', () => {
    const months = 24;
    const first = createSim(model, AS_IS, 2, model.run.seed, months);
    const fresh = run(first, months);
    const kernels = [...first.agents.kernels.values()].flat().map((k) => k.run);
    expect(kernels.length).toBeGreaterThan(0);
    givePopulationBack(first.agents);

    // another model's replicate takes it and leaves other data in every column
    const between = createSim(other, AS_IS, 5, 99, months);
    expect(between.agents).toBe(first.agents);
    run(between, months);
    givePopulationBack(between.agents);

    const again = createSim(model, AS_IS, 2, model.run.seed, months);
    expect(again.agents).toBe(first.agents);
    expect(Buffer.from(run(again, months).buffer).equals(Buffer.from(fresh.buffer))).toBe(true);
    // the loops are made for the columns only (tables and scalars are arguments): not made again
    expect([...again.agents.kernels.values()].flat().map((k) => k.run)).toEqual(kernels);
  });
});
