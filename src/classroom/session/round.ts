/**
 * One round of a class session: every group's town is the session's model with the policies the
 * group chose, run as one batch in which each group is a scenario (`g1`, `g2`, ...). Scenarios of a
 * batch share their people and luck (common random numbers), so the groups are paired: the same
 * seed and the same economy, only the choices differ. This is exactly what the command line does
 * with a model file listing those scenarios (`roundModelSource` writes that file), so the numbers
 * on the projector equal `tsx src/run.ts` for the same settings and seed.
 */
import { runBatch } from '../../batch/run-batch.ts';
import { Aggregator } from '../../output/aggregate.ts';
import { buildSummary } from '../../output/summary.ts';
import type { Model } from '../../model/schema.ts';
import { scenariosOf } from '../../engine/sim.ts';

/** What a round needs: the town, which of its policies each group chose, and the run settings. */
export interface RoundInput {
  model: Model;
  /** Per group, indices into `model.policies`. */
  choices: number[][];
  runs: number;
  seed: number;
  /** Another economy for every group (the reveal), or the model's own. */
  growth?: Model['economy']['growth'];
}

/** One group's town after a round: the figures the projector shows, each a mean with the 95% range of runs. */
export interface TownResult {
  caseloadStart: number;
  caseloadEnd: number;
  caseloadEndLo: number;
  caseloadEndHi: number;
  exitsWork: number;
  exitsWorkLo: number;
  exitsWorkHi: number;
  totalCost: number;
  programmeCost: number;
  share45PlusEnd: number;
  share5YearsPlusEnd: number;
  /** Caseload at the end of each month: mean and the 90% band of runs. */
  path: { mean: number[]; p05: number[]; p95: number[] };
}

/** Scenario name of group `i` (0-based). */
export const scenarioOf = (i: number) => `g${i + 1}`;

/** The session model of a round: the town with one scenario per group. */
export function roundModel(r: RoundInput): Model {
  const base: Model = r.growth === undefined ? r.model : { ...r.model, economy: { ...r.model.economy, growth: r.growth } };
  return {
    ...base,
    scenarios: r.choices.map((c, i) => ({ name: scenarioOf(i), policies: c.map((k) => r.model.policies[k]), commonRandomNumbers: true })),
  };
}

/** Runs a round in this thread; resolves with one result per group, in group order. */
export async function runRound(r: RoundInput): Promise<TownResult[]> {
  const model = roundModel(r);
  const names = scenariosOf(model).map((s) => s.name);
  const months = model.horizonMonths;
  const agg = new Aggregator(names, r.runs, months);
  await runBatch({ model, runs: r.runs, masterSeed: r.seed, months, workers: 0, onResult: (s, rep, series) => agg.add(s, rep, series) });
  const summary = buildSummary(agg);
  const paths = new Map<string, TownResult['path']>();
  for (const row of agg.seriesRows()) {
    if (row.metric !== 'caseloadEnd') continue;
    let p = paths.get(row.scenario);
    if (!p) paths.set(row.scenario, (p = { mean: [], p05: [], p95: [] }));
    p.mean[row.month] = row.mean;
    p.p05[row.month] = row.p05;
    p.p95[row.month] = row.p95;
  }
  return r.choices.map((_, i) => {
    const s = summary.scenarios[scenarioOf(i)];
    return {
      caseloadStart: s.caseloadStart.mean,
      caseloadEnd: s.caseloadEnd.mean, caseloadEndLo: s.caseloadEnd.range95[0], caseloadEndHi: s.caseloadEnd.range95[1],
      exitsWork: s.exitsWork.mean, exitsWorkLo: s.exitsWork.range95[0], exitsWorkHi: s.exitsWork.range95[1],
      totalCost: s.totalCost.mean, programmeCost: s.programmeCost.mean,
      share45PlusEnd: s.share45PlusEnd.mean, share5YearsPlusEnd: s.share5YearsPlusEnd.mean,
      path: paths.get(scenarioOf(i))!,
    };
  });
}

/**
 * The model file that runs a round on the command line: `tsx src/run.ts <file> --runs R --seed S`
 * gives the same numbers (summary.json, scenarios g1, g2, ...). `modelImport` is the town's model
 * file; the file must sit beside that model's `fitted.json` (a copy will do), as the session's did.
 */
export function roundModelSource(modelImport: string, r: Omit<RoundInput, 'model' | 'runs' | 'seed'>): string {
  const growth = r.growth === undefined ? '' : `  economy: { ...town.economy, growth: ${JSON.stringify(r.growth)} },\n`;
  const scenarios = r.choices.map((c, i) => `    { name: '${scenarioOf(i)}', policies: [${c.map((k) => `town.policies[${k}]`).join(', ')}] },`).join('\n');
  return `import town from ${JSON.stringify(modelImport)};\n\nexport default {\n  ...town,\n${growth}  scenarios: [\n${scenarios}\n  ],\n};\n`;
}
