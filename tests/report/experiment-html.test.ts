/**
 * The experiment and calibration reports as a person opens them: headless Chromium, file://,
 * offline. Every chart is drawn, nothing is fetched or logged as an error, the verdicts come
 * first and what the run was last, and a tooltip appears on a heatmap cell.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCalibrationCharts, writeReport } from '../../src/report/index.ts';
import { distinctColours, visit } from './browser.ts';
import { experimentRun, TRIAL_FILE } from './helpers.ts';
import { CHROMIUM_ARGS, ensureChromium } from './setup-chromium.ts';

let base: string;
let factorial: string;
let trial: string;
let browser: Browser;

beforeAll(async () => {
  const executablePath = ensureChromium();
  base = mkdtempSync(join(tmpdir(), 'uitstroom-exp-html-'));
  factorial = await experimentRun({ base, name: 'factorial', runs: 3 });
  trial = await experimentRun({ base, name: 'trial', file: TRIAL_FILE, runs: 6 });
  await writeReport(factorial);
  await writeReport(trial);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the experiment report in headless Chromium', () => {
  it('draws all five charts of a factorial offline, without console errors; verdicts first, the run last', async () => {
    const v = await visit(browser, join(factorial, 'report.html'));
    try {
      expect(await v.page.locator('[data-chart]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.chart))).toEqual(
        ['decomposition', 'outcome-grid', 'effects', 'caseload-cells', 'savings'],
      );
      expect(await v.page.locator('[data-chart][data-rendered] svg.marks').count()).toBe(5);
      expect(await v.page.locator('figcaption').count()).toBe(5);
      expect(v.errors).toEqual([]);
      expect(v.failed).toEqual([]);
      expect(v.external).toEqual([]);
      const sections = await v.page.locator('body > section').evaluateAll((els) => els.map((e) => e.id));
      expect(sections).toEqual(['verdict', 'charts', 'run']);
      const text = await v.page.locator('body').innerText();
      expect(text).toContain('Policy or economy, in a small town?');
      expect(text).toMatch(/In this experiment, the economy explains \d+%/);
      expect(text).toContain('sha256');
      expect(text).toContain('behavioural defaults, no calibration');
      expect(text).toContain('npx tsx src/run.ts');
      expect(text).not.toMatch(/NaN|undefined/);
      expect(distinctColours(await v.page.screenshot({ fullPage: true }))).toBeGreaterThan(200);
    } finally {
      await v.page.close();
    }
  });

  it('shows a tooltip with the interval on a heatmap cell', async () => {
    const v = await visit(browser, join(factorial, 'report.html'));
    try {
      await v.page.locator('#chart-outcome-grid g.mark-rect path').first().hover({ force: true });
      const tooltip = v.page.locator('#vg-tooltip-element');
      await expect.poll(() => tooltip.getAttribute('class'), { timeout: 5000 }).toContain('visible');
      expect(await tooltip.innerText()).toContain('95% CI of the mean from');
    } finally {
      await v.page.close();
    }
  });

  it('draws the trial chart with its caption', async () => {
    const v = await visit(browser, join(trial, 'report.html'));
    try {
      expect(await v.page.locator('[data-chart][data-rendered] svg.marks').count()).toBe(1);
      expect(await v.page.locator('figcaption').innerText()).toContain('the power at these group sizes');
      expect(v.errors).toEqual([]);
      expect(v.external).toEqual([]);
    } finally {
      await v.page.close();
    }
  });

  it('draws the calibration report', async () => {
    const dir = join(base, 'calibration');
    mkdirSync(dir);
    writeFileSync(join(dir, 'targets.csv'), 'model,target,value,tolerance,mean,se,ci95_lo,ci95_hi,p05,p95,miss_in_tolerances,met\n"emmen","exits-work",857,90,858,1,856.04,859.96,857.1,858.9,0.011111111111111112,true\n');
    await writeCalibrationCharts(dir);
    const v = await visit(browser, join(dir, 'report.html'));
    try {
      expect(await v.page.locator('[data-chart][data-rendered] svg.marks').count()).toBe(1);
      expect(v.errors).toEqual([]);
      expect(v.external).toEqual([]);
    } finally {
      await v.page.close();
    }
  });
});
