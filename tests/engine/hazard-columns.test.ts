/**
 * The hazard columns a policy declares it writes (`Intervention.writes`): the engine resets and
 * reads only the columns some policy writes. This checks, for every policy type, that a policy
 * writes no column it leaves out (such a write would be silently ignored and never reset), that it
 * does write every column it declares, and that the results equal those of an engine that resets
 * and reads all five columns.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { createSim, hazardsWritten } from '../../src/engine/sim.ts';
import { step } from '../../src/engine/step.ts';
import { loadModel } from '../../src/model/load.ts';
import type { Model } from '../../src/model/schema.ts';
import { POLICY_TYPES } from '../../src/policies/registry.ts';
import { HAZARD_COLUMNS, type HazardColumn, type Intervention } from '../../src/policies/types.ts';
import { loadSmall, parsedScenario } from '../policies/helpers.ts';

const MONTHS = 24;
/** Policy types no model file uses, as their own tests write them. */
const EXTRA: Record<string, object> = {
  outsourcing: { type: 'outsourcing', target: { maxAge: 55 }, places: 250, durationMonths: 6, feePerParticipantMonth: 300, placementFee: 2_500 },
  'social-activation': { type: 'social-activation', target: { minYearsOnBenefit: 1, rungs: [1, 2] }, places: 150, durationMonths: 12, costPerParticipantMonth: 40 },
};

/**
 * One policy of each type: the first a model file uses, else `EXTRA`; places scaled to the small
 * fixture and open from the start to the end (a model's later start would leave the run without effects).
 */
const specs = new Map<string, object>();

beforeAll(async () => {
  for (const f of readdirSync('models').filter((x) => x.endsWith('.ts')).sort()) {
    const { model } = await loadModel(`models/${f}`);
    for (const p of model.policies) {
      if (specs.has(p.type)) continue;
      const { openFromMonth: _o, openUntilMonth: _u, fromMonth: _f, untilMonth: _t, ...always } = p as typeof p & Record<string, unknown>;
      specs.set(p.type, 'places' in p ? { ...always, places: Math.max(20, Math.round((p.places * 2_000) / model.population.size)) } : always);
    }
  }
  for (const [type, spec] of Object.entries(EXTRA)) if (!specs.has(type)) specs.set(type, spec);
}, 60_000);

/** Months in which a watched policy said it wrote nothing (`wroteThisMonth`), over the runs since reset. */
let idleMonths = 0;

/** Whether any column differs between `before` and `after`. */
const changed = (before: Float32Array[], after: Float32Array[]) => after.some((a, j) => a.some((v, i) => !Object.is(v, before[j][i])));

/** Runs one replicate of the small fixture with `spec`; `watch` sees each policy's applyEffects. */
function run(model: Model, spec: object, allColumns: boolean, watch?: (p: Intervention, before: Float32Array[], after: Float32Array[]) => void): Float64Array {
  const sc = parsedScenario(loadSmall().input, 'one', [spec]);
  const sim = createSim(model, sc, 1, model.run.seed, MONTHS);
  if (allColumns) {
    // an engine that resets and reads every column every month: the same policies with their declarations dropped
    sim.policies = sim.policies.map((p) => ({ ...p, writes: undefined, wroteThisMonth: undefined, removals: undefined }));
    sim.hazards = hazardsWritten(sim.policies);
  }
  if (watch) {
    sim.policies = sim.policies.map((p) => {
      const apply = p.applyEffects;
      if (!apply) return p;
      return {
        ...p,
        applyEffects: (ctx) => {
          const cols = () => HAZARD_COLUMNS.map((c) => ctx.agents[c].slice(0, ctx.agents.size));
          const before = cols();
          apply(ctx);
          watch(p, before, cols());
        },
        wroteThisMonth: p.wroteThisMonth && (() => { const wrote = p.wroteThisMonth!(); idleMonths += +!wrote; return wrote; }),
      };
    });
  }
  const series = new Float64Array(MONTHS * METRIC_COUNT);
  for (let t = 0; t < MONTHS; t++) step(sim, t, series);
  return series;
}

describe('hazard columns a policy declares', () => {
  it('every policy type has a sample', () => {
    expect([...specs.keys()].sort()).toEqual([...POLICY_TYPES].sort());
  });

  it.each([...POLICY_TYPES])('%s writes exactly the columns it declares, and the results equal an engine that resets and reads all', (type) => {
    const { model } = loadSmall();
    const spec = specs.get(type)!;
    const written = new Set<HazardColumn>();
    let declared: readonly HazardColumn[] | undefined;
    let applies = false;
    const declaredRun = run(model, spec, false, (p, before, after) => {
      applies = true;
      declared = p.writes;
      HAZARD_COLUMNS.forEach((c, j) => {
        const b = before[j], a = after[j];
        for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) { written.add(c); break; }
      });
    });
    if (!applies) {
      expect(written.size, `${type} has no applyEffects and writes nothing`).toBe(0);
      return;
    }
    expect(declared, `${type} declares what it writes`).toBeDefined();
    expect([...written].sort(), `${type}: columns written over ${MONTHS} months`).toEqual([...declared!].sort());
    const allRun = run(model, spec, true);
    expect(Buffer.from(declaredRun.buffer).equals(Buffer.from(allRun.buffer)), `${type}: same series as with every column reset and read`).toBe(true);
  });

  it.each([...POLICY_TYPES])('%s, a programme opening in month 8: in the months it says it wrote nothing it wrote nothing, and the results equal an engine that resets and reads all', (type) => {
    const { model } = loadSmall();
    const spec = { ...specs.get(type)!, openFromMonth: 8 };
    if (!('places' in spec) || type === 'triage') return; // not a programme of places with a window (triage has two, with their own)
    idleMonths = 0;
    let wroteWhenIdle = 0, months = 0;
    const declaredRun = run(model, spec, false, (p, before, after) => {
      months++;
      if (p.wroteThisMonth && !p.wroteThisMonth() && changed(before, after)) wroteWhenIdle++;
    });
    if (months === 0) return; // no effects on hazards (cohort): nothing to say
    expect(months).toBe(MONTHS);
    expect(idleMonths, `${type}: months without participants`).toBeGreaterThanOrEqual(8);
    expect(wroteWhenIdle).toBe(0);
    const allRun = run(model, spec, true);
    expect(Buffer.from(declaredRun.buffer).equals(Buffer.from(allRun.buffer))).toBe(true);
  });

  it('a programme that writes without participants is caught', () => {
    const before = [new Float32Array([1, 1])], after = [new Float32Array([1, 0.5])];
    expect(changed(before, after)).toBe(true);
    expect(changed(before, before.map((c) => c.slice()))).toBe(false);
  });

  it('a policy that says where it added a removal hazard lists every slot it added one to (sanctions)', () => {
    const { model } = loadSmall();
    let months = 0, added = 0, unlisted = 0;
    run(model, specs.get('sanctions')!, false, (p, before, after) => {
      const j = HAZARD_COLUMNS.indexOf('removalHazard');
      const listed = new Set(Array.from(p.removals!()));
      months++;
      for (let i = 0; i < after[j].length; i++) {
        if (Object.is(after[j][i], before[j][i])) continue;
        added++;
        unlisted += +!listed.has(i);
      }
    });
    expect(months).toBe(MONTHS);
    expect(added).toBeGreaterThan(0);
    expect(unlisted).toBe(0);
  });

  it('an undeclared write is caught: a policy that writes schoolMult but declares only searchMult', () => {
    const p: Intervention = { type: 'x', label: 'x', writes: ['searchMult'], applyEffects: ({ agents }) => { agents.schoolMult[0] *= 2; }, participants: () => 0, cost: () => 0 };
    expect(hazardsWritten([p]).schoolMult).toBe(false); // the engine would never reset nor read it
    expect(hazardsWritten([{ ...p, writes: undefined }]).schoolMult).toBe(true);
  });

  it('a factor on everyone\'s search makes the engine reset and read the search multiplier, whatever the policy declares', () => {
    const p: Intervention = { type: 'x', label: 'x', writes: [], searchFactor: () => 1.1, participants: () => 0, cost: () => 0 };
    expect(hazardsWritten([p]).searchMult).toBe(true);
    expect(hazardsWritten([{ ...p, searchFactor: undefined }]).searchMult).toBe(false);
  });
});
