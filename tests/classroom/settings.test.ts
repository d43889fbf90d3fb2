import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.ts';
import { validateModel } from '../../src/model/validate.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { AS_IS } from '../../src/engine/sim.ts';
import { applySettings, leverKind, leverRange, LEVERS, monthlyFromAnnualValues, yearsOf } from '../../src/classroom/settings.ts';
import { modelFiles } from '../../src/classroom/build.ts';

const load = async (name: string) => (await loadModel(`models/${name}.ts`)).model;

describe('applySettings', () => {
  it('changes nothing the engine reads when the settings are the defaults', async () => {
    const model = await load('emmen');
    const applied = validateModel(applySettings(model, { model: 'emmen' }), 'emmen');
    expect({ ...applied, targets: model.targets, free: model.free, scenarios: model.scenarios }).toEqual(model);
    const a = simulateReplicate(model, AS_IS, 0, 7, 12).series;
    const b = simulateReplicate(applied, AS_IS, 0, 7, 12).series;
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('switches policies off, sets their numbers and adds common ones from templates', async () => {
    const model = await load('emmen');
    const out = validateModel(
      applySettings(model, { model: 'emmen', levers: { 'strict-intake': { on: false }, sanctions: { strictness: 0.8 }, tegenprestatie: { on: true, goalHoursPerWeek: 12 } } }),
      'emmen',
    );
    expect(out.policies.some((p) => p.type === 'strict-intake')).toBe(false);
    expect(out.policies.find((p) => p.type === 'sanctions')).toMatchObject({ strictness: 0.8, endShare: 0.1 });
    expect(out.policies.find((p) => p.type === 'tegenprestatie')).toMatchObject({ goalHoursPerWeek: 12, places: Math.round(model.population.size * 0.07) });
  });

  it('scales the town: people, applicants, vacancies and places, but not observation cohorts', async () => {
    const model = await load('wageningen');
    const out = validateModel(applySettings(model, { model: 'wageningen', scale: 10 }), 'wageningen');
    expect(out.population.size).toBe(model.population.size * 10);
    expect(out.inflow.applicantsPerMonth).toBeCloseTo(model.inflow.applicantsPerMonth * 10);
    expect(out.economy.labourForce).toBeCloseTo(model.economy.labourForce * 10);
    const places = (m: typeof model, type: string) => (m.policies.find((p) => p.type === type) as { places: number }).places;
    expect(places(out, 'exemption')).toBe(places(model, 'exemption') * 10);
    expect(places(out, 'cohort')).toBe(places(model, 'cohort'));
  });

  it('turns a hand-drawn economy into a monthly path by calendar year', async () => {
    const model = await load('wageningen'); // 2015-01 to 2019-09: five calendar years
    expect(yearsOf(model)).toBe(5);
    const path = monthlyFromAnnualValues([1, -2, 3, 0, 2], model.horizonMonths, model.startMonth);
    expect(path.slice(10, 14)).toEqual([1, 1, -2, -2]);
    expect(path[model.horizonMonths - 1]).toBe(2);
    const out = validateModel(applySettings(model, { model: 'wageningen', growth: { annual: [1, -2, 3, 0, 2] } }), 'wageningen');
    expect(out.economy.growth).toMatchObject({ monthlyPath: path });
  });

  it('keeps every lever of every model valid at both ends of its slider', async () => {
    for (const file of modelFiles()) {
      const model = (await loadModel(file)).model;
      for (const kind of LEVERS) {
        const own = model.policies.find((p) => p.type === kind.type) as Record<string, unknown> | undefined;
        const spec = own ?? (kind.template?.(model.population.size) as Record<string, unknown> | undefined);
        if (!spec) continue;
        for (const end of ['min', 'max'] as const) {
          const values: Record<string, number | boolean> = { on: true };
          for (const f of kind.fields) if (typeof spec[f.field] === 'number') values[f.field] = leverRange(f, model.population.size, spec[f.field] as number)[end];
          expect(() => validateModel(applySettings(model, { model: model.name, levers: { [kind.type]: values } }), `${file} ${kind.type} ${end}`)).not.toThrow();
        }
      }
    }
  });

  it('has a lever kind for every policy type a model file uses (except observation cohorts)', async () => {
    for (const file of modelFiles()) {
      for (const p of (await loadModel(file)).model.policies) if (p.type !== 'cohort') expect(leverKind(p.type), `${file}: ${p.type}`).toBeDefined();
    }
  });
});
