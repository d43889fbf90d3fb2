import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadModel, InputError } from '../../src/model/load.ts';
import { mergeFitted } from '../../src/calibration/fit.ts';
import type { Fitted } from '../../src/calibration/fitted.ts';
import { resolveBehaviour } from '../../src/model/behaviour.ts';

const fitted = (over: Partial<Fitted> = {}): Fitted => ({
  method: 'test', fittedAt: '2026-01-01', objective: 0, replicates: 1, seed: 1, behaviour: {}, models: {}, ...over,
});

/** A folder with the small fixture as a model file (and its imports resolvable) plus an optional fitted.json. */
function folder(companion?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'uitstroom-fitted-'));
  mkdirSync(join(dir, 'm'));
  const src = join(process.cwd(), 'tests/fixtures/small.ts');
  // the fixture imports ../../src/model/define.ts: recreate that relative layout with a re-export
  mkdirSync(join(dir, 'src/model'), { recursive: true });
  writeFileSync(join(dir, 'src/model/define.ts'), `export * from ${JSON.stringify(join(process.cwd(), 'src/model/define.ts'))};\n`);
  mkdirSync(join(dir, 'm/x'), { recursive: true });
  copyFileSync(src, join(dir, 'm/x/small.ts'));
  if (companion !== undefined) writeFileSync(join(dir, 'm/x/fitted.json'), typeof companion === 'string' ? companion : JSON.stringify(companion));
  return join(dir, 'm/x/small.ts');
}

describe('fitted.json beside a model', () => {
  it('is applied on load: shared behaviour and the model\'s own local values, recorded as applied', async () => {
    const file = folder(fitted({
      behaviour: { 'matching.efficiency': 0.2, 'policyEffects.guidance.maxSearchGain': 1.5 },
      models: { 'small-town': { 'inflow.applicantsPerMonth': 33 }, other: { 'inflow.applicantsPerMonth': 99 } },
    }));
    const { model, fitted: applied } = await loadModel(file);
    expect(model.inflow.applicantsPerMonth).toBe(33);
    const b = resolveBehaviour(model.behaviour);
    expect(b.matching.efficiency).toBe(0.2);
    expect(b.policyEffects.guidance.maxSearchGain).toBe(1.5);
    expect(applied?.applied).toEqual({ 'behaviour.matching.efficiency': 0.2, 'behaviour.policyEffects.guidance.maxSearchGain': 1.5, 'inflow.applicantsPerMonth': 33 });
    const plain = await loadModel(file, { useFitted: false });
    expect(plain.model.inflow.applicantsPerMonth).toBe(40);
    expect(plain.fitted).toBeUndefined();
  });

  it('an edit to a fitted number in the model file is warned about, naming both values', async () => {
    const file = folder(fitted({ models: { 'small-town': { 'inflow.applicantsPerMonth': 33 } }, fileValues: { 'small-town': { 'inflow.applicantsPerMonth': 55 } } }));
    const seen: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => { seen.push(String(m)); });
    try {
      const { model } = await loadModel(file);
      expect(model.inflow.applicantsPerMonth).toBe(33);
      expect(seen.join('\n')).toMatch(/inflow\.applicantsPerMonth is 40 in the model file \(it was 55 when fitted\), but fitted\.json sets 33/);
      seen.length = 0;
      // unchanged since the fit: no warning
      await loadModel(folder(fitted({ models: { 'small-town': { 'inflow.applicantsPerMonth': 33 } }, fileValues: { 'small-town': { 'inflow.applicantsPerMonth': 40 } } })));
      expect(seen).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a broken companion stops loading with a message naming it', async () => {
    await expect(loadModel(folder('{ not json'))).rejects.toThrow(/fitted\.json: not valid JSON/);
    await expect(loadModel(folder({ method: 1 }))).rejects.toBeInstanceOf(InputError);
  });

  it('a fitted value outside the schema\'s bounds is refused like a bad model file', async () => {
    await expect(loadModel(folder(fitted({ behaviour: { 'matching.fillsPerVacancy': 30 } })))).rejects.toThrow(/behaviour\.matching\.fillsPerVacancy/);
  });

  it('mergeFitted keeps other models\' local values and replaces the shared ones', () => {
    const merged = mergeFitted(fitted({ behaviour: { a: 1, b: 2 }, models: { x: { p: 1 }, y: { p: 2 } } }), fitted({ behaviour: { b: 3 }, models: { y: { p: 5 } } }));
    expect(merged.behaviour).toEqual({ a: 1, b: 3 });
    expect(merged.models).toEqual({ x: { p: 1 }, y: { p: 5 } });
  });
});
