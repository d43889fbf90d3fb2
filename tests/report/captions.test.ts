/**
 * Captions state the run's own numbers: each figure is found in summary.json or series.csv, and
 * the wording follows the sign of the numbers (below / above, pays back / never / not for good).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTIONS, caseloadCaption, costsCaption } from '../../src/report/captions.ts';
import { loadRun, type RunData } from '../../src/report/data.ts';
import { bands, caseloadPaths, savings } from '../../src/report/derive.ts';
import { between, num, range } from '../../src/report/theme.ts';
import { smallRun } from './helpers.ts';

let run: RunData;
beforeAll(async () => {
  run = loadRun(await smallRun({ runs: 4 }));
});
afterAll(() => rmSync(dirname(run.dir), { recursive: true, force: true }));

/** The same run seen with its scenarios in the other order (contrasts flipped). */
function reversed(r: RunData): RunData {
  const scenarios = [...r.scenarios].reverse();
  const contrasts = r.summary.contrasts.map((c) => ({
    ...c, scenario: c.against, against: c.scenario,
    difference: { ...c.difference, mean: -c.difference.mean, ci95: [-c.difference.ci95[1], -c.difference.ci95[0]], range95: [-c.difference.range95[1], -c.difference.range95[0]] },
  }));
  return { ...r, scenarios, summary: { ...r.summary, contrasts } };
}

describe('captions', () => {
  it('exist for every chart and contain no missing numbers', () => {
    for (const [name, caption] of Object.entries(CAPTIONS)) {
      const text = caption(run);
      expect(text.length, name).toBeGreaterThan(60);
      expect(text, name).not.toMatch(/NaN|undefined|n\/a|Infinity/);
    }
  });

  it('caseload: the end figure, the spread of runs and the paired difference with its CI', () => {
    const end = bands(caseloadPaths(run, 'as-is'))[run.months];
    const c = run.summary.contrasts.find((x) => x.scenario === 'no-policy' && x.metric === 'caseloadEnd')!.difference;
    expect(c.mean).toBeGreaterThan(0); // the fixture's policies lower the caseload
    const text = caseloadCaption(run);
    expect(text).toContain(`Under as-is the caseload goes from 2,000 to ${num(run.summary.scenarios['as-is'].caseloadEnd.mean)} by Jan 2017`);
    expect(text).toContain(`(90% of runs end ${between(end.p05, end.p95)})`);
    expect(text).toContain(`, ${num(c.mean)} below no-policy (95% CI ${range(c.ci95[0], c.ci95[1])})`);
  });

  it('caseload seen from the other side says "above", with the interval turned round', () => {
    const c = run.summary.contrasts.find((x) => x.scenario === 'no-policy' && x.metric === 'caseloadEnd')!.difference;
    expect(caseloadCaption(reversed(run))).toContain(`, ${num(c.mean)} above as-is (95% CI ${range(c.ci95[0], c.ci95[1])})`);
  });

  it('costs: totals with CIs, the saving at the end and the payback month', () => {
    const text = costsCaption(run);
    const total = run.summary.scenarios['as-is'].totalCost;
    expect(text).toContain(`Over the 24 months, as-is costs EUR ${num(total.mean, 1)} million (95% CI ${range(total.ci95[0], total.ci95[1], 1)})`);
    expect(text).toContain('no-policy costs');
    expect(text).toContain('with no programme cost');
    const [s] = savings(run);
    if (s.paybackMonth === null) expect(text).toContain('never turns positive');
    else expect(text).toMatch(/first turns positive in [A-Z][a-z]{2} 20\d\d, after \d+ months?/);
  });

  it('costs seen from the other side: a saving that turns and does not last, or never comes', () => {
    const text = costsCaption(reversed(run));
    const [s] = savings(reversed(run));
    expect(text).toContain('Against as-is, no-policy has cost EUR');
    expect(text).toMatch(s.paybackMonth === null ? /never turns positive/ : /but does not stay positive/);
  });
});

describe('captions in Dutch', () => {
  it('state the same numbers, formatted for Dutch, in Dutch words', () => {
    const nl: RunData = { ...run, lang: 'nl' };
    const end = bands(caseloadPaths(run, 'as-is'))[run.months];
    const c = run.summary.contrasts.find((x) => x.scenario === 'no-policy' && x.metric === 'caseloadEnd')!.difference;
    const text = caseloadCaption(nl);
    expect(text).toContain(`Bij as-is gaat het bestand van ${num(2000, 0, 'nl')} naar ${num(run.summary.scenarios['as-is'].caseloadEnd.mean, 0, 'nl')} in jan 2017`);
    expect(text).toContain(`(90% van de simulaties eindigt ${between(end.p05, end.p95, 0, 'nl')})`);
    expect(text).toContain(`, ${num(c.mean, 0, 'nl')} lager dan no-policy (95%-interval ${range(c.ci95[0], c.ci95[1], 0, 'nl')})`);
    const total = run.summary.scenarios['as-is'].totalCost;
    expect(costsCaption(nl)).toContain(`Over de 24 maanden kost as-is ${num(total.mean, 1, 'nl')} miljoen euro (95%-interval ${range(total.ci95[0], total.ci95[1], 1, 'nl')})`);
    for (const [name, caption] of Object.entries(CAPTIONS)) expect(caption(nl), name).not.toMatch(/NaN|undefined|n\/a|n\.b\.|Infinity| the | and /);
  });
});
