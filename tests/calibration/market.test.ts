/**
 * No town sits in a regime where its job competition is capped by a fitted constant: at the
 * calibrated values the hires stay below the most the vacancies can take (vacancyFill < 0.95) in
 * at least two thirds of the months of every model's horizon.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AS_IS } from '../../src/engine/sim.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { loadModel } from '../../src/model/load.ts';

describe('the job market at the calibrated values', () => {
  it('is capped (vacancy fill >= 0.95) in no more than a third of any model\'s months', async () => {
    const files = readdirSync('models').filter((f) => f.endsWith('.ts'));
    const lines: string[] = [];
    for (const f of files) {
      const { model } = await loadModel(`models/${f}`);
      const months = Math.min(model.horizonMonths, 72);
      const s = simulateReplicate(model, AS_IS, 0, model.run.seed, months).series;
      let capped = 0, fill = 0;
      for (let t = 0; t < months; t++) {
        const x = s[t * METRIC_COUNT + M.vacancyFill];
        fill += x / months;
        if (x >= 0.95) capped++;
      }
      lines.push(`${model.name}: capped ${capped}/${months}, mean fill ${fill.toFixed(2)}`);
      expect(capped / months, model.name).toBeLessThanOrEqual(1 / 3);
      expect(fill, model.name).toBeGreaterThan(0.05); // and the market is not empty either
    }
    console.log(lines.join('\n'));
  }, 240_000);
});
