/**
 * The report of a run folder: charts (Vega-Lite spec, SVG and PNG each, in `charts/`) and one
 * self-contained `report.html`. `writeReport` is what the run command calls once a run is complete;
 * `tsx src/report.ts <folder>` re-renders an existing folder.
 */
import { join } from 'node:path';
import { CAPTIONS } from './captions.ts';
import { isCalibrationFolder, writeCalibrationCharts } from './calibration.ts';
import { isExperimentFolder } from './experiment-data.ts';
import { writeExperimentReport } from './experiment.ts';
import { buildCharts } from './charts.ts';
import { loadRun, type RunData } from './data.ts';
import { libraryVersions, renderPage } from './html.ts';
import { writeAtomic, writeCharts } from './render.ts';
import { descriptionHtml, headlineSection, runSection } from './sections.ts';
import type { Lang } from './lang.ts';
import { missingDutchDescription, modelDescription } from './model-words.ts';
import { words } from './words.ts';
import { monthName, num } from './theme.ts';

export { writeComparison } from './compare.ts';
export { writeExperimentReport } from './experiment.ts';
export { writeCalibrationCharts } from './calibration.ts';

/** The report page of a loaded run (charts built, captions computed). */
export function buildReportHtml(run: RunData, charts = buildCharts(run)): string {
  const m = run.manifest;
  const W = words(run.lang);
  const figures = charts.map((c) => ({ ...c, caption: CAPTIONS[c.name](run) }));
  return renderPage({
    title: W.pageTitle(m.model.name, num(m.runs, 0, run.lang), m.scenarios.length),
    lead: [W.pageLead(m.months, monthName(run.startMonth, 0, run.lang), m.masterSeed, m.scenarios.join(', '))],
    leadHtml: m.parameters.model.description ? [descriptionHtml(m.model.name, m.parameters.model.description, run.lang)] : [],
    before: [headlineSection(run)],
    figures,
    after: [runSection(run, libraryVersions())],
    lang: run.lang,
  });
}

/**
 * Writes the charts and report of a finished run folder: `charts/<name>.vl.json`, `.svg`, `.png`
 * for each chart and `report.html`, each file atomically. Returns the files written, relative to
 * `runDir`. An experiment folder (its manifest names an `experiment`) gets the experiment report
 * (`writeExperimentReport`), a calibration report folder (targets.csv, no manifest) its targets chart
 * (`writeCalibrationCharts`). `lang` overrides the language the manifest records (run reports and
 * factorial experiment reports; trial, sampling and calibration reports are in English); `warn` hears a Dutch report's missing
 * translations. Throws an InputError if the folder is missing or not a complete run.
 */
export async function writeReport(runDir: string, lang?: Lang, warn: (message: string) => void = (w) => process.stderr.write(`warning: ${w}\n`)): Promise<string[]> {
  if (isExperimentFolder(runDir)) return writeExperimentReport(runDir, lang, warn);
  if (isCalibrationFolder(runDir)) return writeCalibrationCharts(runDir);
  const run = loadRun(runDir, lang);
  const description = run.manifest.parameters.model.description;
  if (description && !modelDescription(run.manifest.model.name, description, run.lang).translated) warn(missingDutchDescription(run.manifest.model.name));
  const charts = buildCharts(run);
  const { files } = await writeCharts(join(runDir, 'charts'), charts);
  writeAtomic(join(runDir, 'report.html'), buildReportHtml(run, charts));
  return [...files.map((f) => `charts/${f}`), 'report.html'];
}
