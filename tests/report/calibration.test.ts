/**
 * The calibration chart: every target of targets.csv on one axis in tolerances (the tolerance the
 * band from -1 to +1), with its interval, the raw figures and calibration.md's words in tooltips;
 * a caption counting what is met; and the files written, PNG a drawing. A folder without
 * targets.csv is refused naming the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalibration, targetsCaption, targetsChart } from '../../src/report/calibration.ts';
import { writeCalibrationCharts, writeReport } from '../../src/report/index.ts';
import { reportMsg } from '../../src/report/messages.ts';
import { compileSpec } from '../../src/report/render.ts';
import { dataOf, specStructure } from './helpers.ts';
import { pngFacts } from './png.ts';

// As src/calibrate.ts writes them (--check on two models), with one target missed on purpose.
const TARGETS_CSV = `model,target,value,tolerance,mean,se,ci95_lo,ci95_hi,p05,p95,miss_in_tolerances,met
"enschede","ict-track",32,4,32,0,32,32,32,32,0,true
"emmen","exits-work",857,90,1090,10,1070.4,1109.6,1075,1105,2.588888888888889,false
"emmen","caseload-flat",0,0.03,-0.006527777777777778,0.01569444444444444,-0.037288888888888885,0.024233333333333325,-0.020652777777777777,0.0075972222222222205,-0.21759259259259262,true
`;
const CALIBRATION_MD = `# Calibration report

- models: enschede, emmen
- replicates: 2
- seed: 1
- method: block-coordinate Nelder-Mead
- objective: 6.8
- targets met: 2 of 3

| model | target | seed figure | value | tolerance | simulated mean | 95% CI of the mean | 5-95% of replicates | met |
|---|---|---|---|---|---|---|---|---|
| enschede | ict-track | over thirty people follow an ICT track (seed 001) | 32.0 | ±4.0 | 32.0 | 32.0 to 32.0 | 32.0 to 32.0 | yes |
| emmen | exits-work | 857 to work in the first 1.5 years (seed 000) | 857 | ±90.0 | 1,090 | 1,070 to 1,110 | 1,075 to 1,105 | NO (+2.6 tol) |
| emmen | caseload-flat | the caseload stayed flat (about 3,600) (seed 000) | 0.0% | ±3.0% | -0.7% | -3.7% to 2.4% | -2.1% to 0.8% | yes |
`;

let base: string;
let dir: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-cal-report-'));
  dir = join(base, 'cal');
  mkdirSync(dir);
  writeFileSync(join(dir, 'targets.csv'), TARGETS_CSV);
  writeFileSync(join(dir, 'calibration.md'), CALIBRATION_MD);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the calibration targets chart', () => {
  it('puts every target on one axis: (simulated - target) / tolerance, with its interval', () => {
    const report = loadCalibration(dir);
    const chart = targetsChart(report);
    expect(compileSpec(chart.spec).warnings).toEqual([]);
    const [rows] = dataOf(chart.spec) as { label: string; z: number; zLo: number; zHi: number; tolLo: number; tolHi: number; status: string; value: number; figure: string }[][];
    expect(rows.map((r) => r.label)).toEqual(['enschede: ict-track', 'emmen: exits-work', 'emmen: caseload-flat']);
    report.targets.forEach((t, i) => expect(rows[i].z).toBeCloseTo(t.miss, 12));
    expect(rows[1].zLo).toBeCloseTo((1070.4 - 857) / 90, 12);
    expect(rows[1].status).toBe('outside tolerance');
    expect(rows.every((r) => r.tolLo === -1 && r.tolHi === 1)).toBe(true);
    // raw numbers and the seed figure in words for the tooltips
    expect(rows[2].value).toBe(0);
    expect(rows[0].figure).toBe('over thirty people follow an ICT track (seed 001)');
    expect(specStructure(chart.spec)).toMatchSnapshot();
  });

  it('captions what is met, the farthest target in the report\'s words, and intervals wholly outside', () => {
    expect(targetsCaption(loadCalibration(dir))).toBe(
      '2 of 3 targets are within their tolerance. The farthest from its target is emmen: exits-work, simulated 1,090 against 857 ±90.0 (+2.59 tolerances). ' +
        '1 target has a 95% confidence interval lying wholly outside its tolerance band.',
    );
  });

  it('works from targets.csv alone, with the raw numbers', () => {
    const alone = join(base, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'targets.csv'), TARGETS_CSV);
    const report = loadCalibration(alone);
    expect(report.meta).toEqual([]);
    expect(targetsCaption(report)).toContain('simulated 1,090 against 857 ± 90');
  });

  it('writes charts/targets.{vl.json,svg,png} and report.html; the PNG is a drawing', async () => {
    const files = await writeCalibrationCharts(dir);
    expect(files).toEqual(['charts/targets.vl.json', 'charts/targets.svg', 'charts/targets.png', 'report.html']);
    const png = pngFacts(join(dir, 'charts/targets.png'));
    expect(png.corner).toEqual([255, 255, 255, 255]);
    expect(png.colours).toBeGreaterThan(40);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('2 of 3 targets within their tolerance.');
    expect(html).toContain('block-coordinate Nelder-Mead');
  });

  it('is what writeReport (and so `tsx src/report.ts`) does with a calibration folder', async () => {
    expect(await writeReport(dir)).toEqual(['charts/targets.vl.json', 'charts/targets.svg', 'charts/targets.png', 'report.html']);
  });

  it('refuses a folder without targets.csv, naming the file', async () => {
    const empty = join(base, 'empty');
    mkdirSync(empty);
    await expect(writeCalibrationCharts(empty)).rejects.toThrow(reportMsg.tableMissing(join(empty, 'targets.csv')));
  });
});
