/**
 * One report comparing run folders: the caseload fan chart of each run side by side (one y scale,
 * one colour per scenario name), the headline figures of every run's scenarios side by side, and
 * what each run was.
 */
import { join } from 'node:path';
import { loadRun, type RunData } from './data.ts';
import { bands, caseloadPaths } from './derive.ts';
import { libraryVersions, renderPage } from './html.ts';
import { bandPanel, topLevel } from './marks.ts';
import { writeAtomic, writeCharts } from './render.ts';
import { headlineTable, runSection } from './sections.ts';
import { between, monthName, monthTime, num, scenarioScale } from './theme.ts';
import type { Chart } from './charts.ts';

/** "run 1", "run 2", ... */
export const runLabel = (i: number) => `run ${i + 1}`;

/** A run in a few words: model, replicates, months, seed. */
export const describeRun = (r: RunData) =>
  `${r.manifest.model.name}, ${num(r.manifest.runs)} runs × ${r.months} months from ${monthName(r.startMonth, 0)}, seed ${r.manifest.masterSeed}`;

/** Scenario names of all runs, in first-seen order (one colour per name across panels). */
const scenarioNames = (runs: RunData[]) => [...new Set(runs.flatMap((r) => r.scenarios))];

/** The caseload fan chart of each run, side by side on one y scale. */
export function compareCaseloadChart(runs: RunData[]): Chart {
  const colorScale = scenarioScale(scenarioNames(runs));
  const width = runs.length <= 2 ? 420 : 280;
  const panels = runs.map((run, i) =>
    bandPanel({
      rows: run.scenarios.flatMap((scenario) =>
        bands(caseloadPaths(run, scenario)).map((b, t) => ({ scenario, run: runLabel(i), date: monthTime(run.startMonth, t), month: monthName(run.startMonth, t), ...b })),
      ),
      colorField: 'scenario', colorTitle: 'Scenario', colorScale, title: `${runLabel(i)}: ${run.manifest.model.name}, seed ${run.manifest.masterSeed}`,
      yTitle: 'People on benefit', format: ',.0f', months: run.months + 1, middleBand: true, width, height: 260,
    }),
  );
  const title = 'Caseload over time, run by run';
  const spec = topLevel(
    title,
    'People on benefit on the first of each month. Line: mean of the runs; dark band: middle 50% of runs; light band: 90% of runs.',
    { concat: panels, columns: Math.min(runs.length, 3), resolve: { scale: { y: 'shared' } } },
  );
  return { name: 'caseload-compare', title, spec };
}

/** Where each run's scenarios end. */
export function compareCaption(runs: RunData[]): string {
  return runs
    .map((run, i) => {
      const ends = run.scenarios.map((s) => {
        const e = bands(caseloadPaths(run, s))[run.months];
        return `${s} ends at ${num(e.mean)} (90% of runs ${between(e.p05, e.p95)})`;
      });
      return `In ${runLabel(i)} (${describeRun(run)}) ${ends.join(', ')}.`;
    })
    .join(' ');
}

/**
 * Writes `<outDir>/report.html` and `<outDir>/charts/caseload-compare.*` comparing the runs in
 * `runDirs` (each must be a finished run folder). Returns the files written, relative to `outDir`.
 */
export async function writeComparison(runDirs: string[], outDir: string): Promise<string[]> {
  const runs = runDirs.map((d) => loadRun(d));
  const charts = [compareCaseloadChart(runs)];
  const { files } = await writeCharts(join(outDir, 'charts'), charts);
  const columns = runs.flatMap((run, i) => run.scenarios.map((scenario) => ({ label: `${runLabel(i)}: ${scenario}`, run, scenario })));
  const libraries = libraryVersions();
  const html = renderPage({
    title: `Comparing ${runs.length} runs`,
    lead: runs.map((r, i) => `${runLabel(i)}: ${describeRun(r)} (${r.dir})`),
    before: [
      `<section id="headlines">
<h2>Headline figures side by side</h2>
${headlineTable(columns, 'whole run')}
<p class="note">Mean of each run's replicates; below it the 95% confidence interval of that mean. Totals over each run's months; shares at the end.</p>
</section>`,
    ],
    figures: charts.map((c) => ({ ...c, caption: compareCaption(runs) })),
    after: runs.map((r, i) => runSection(r, libraries, `run-${i + 1}`, `${runLabel(i)}: what it was`)),
  });
  writeAtomic(join(outDir, 'report.html'), html);
  return [...files.map((f) => `charts/${f}`), 'report.html'];
}
