/**
 * report.html as a person opens it: in headless Chromium from a file:// URL, offline. Every chart
 * is drawn, nothing is fetched, nothing is logged as an error, tooltips appear on hover, and a
 * screenshot shows a page (not a blank one). The comparison report too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeComparison, writeReport } from '../../src/report/index.ts';
import { distinctColours, visit as open, type Visit } from './browser.ts';
import { smallRun } from './helpers.ts';
import { CHROMIUM_ARGS, ensureChromium } from './setup-chromium.ts';

let base: string;
let runA: string;
let runB: string;
let browser: Browser;
const visit = (file: string) => open(browser, file);

beforeAll(async () => {
  const executablePath = ensureChromium();
  base = mkdtempSync(join(tmpdir(), 'uitstroom-html-'));
  runA = await smallRun({ runs: 3, seed: 42, base });
  runB = await smallRun({ runs: 3, seed: 7, base });
  await writeReport(runA);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('report.html in headless Chromium', () => {
  let v: Visit;
  beforeAll(async () => {
    v = await visit(join(runA, 'report.html'));
  }, 120_000);
  afterAll(() => v?.page.close());

  it('draws every chart as a Vega view, offline, without console errors', async () => {
    const charts = await v.page.locator('[data-chart]').count();
    expect(charts).toBe(6);
    expect(await v.page.locator('[data-chart][data-rendered] svg.marks').count()).toBe(charts);
    expect(v.errors).toEqual([]);
    expect(v.failed).toEqual([]);
    expect(v.external).toEqual([]);
  });

  it('shows headline figures, captions and what the run was', async () => {
    const text = await v.page.locator('body').innerText();
    expect(text).toContain('Headline figures');
    expect(text).toContain('Differences from as-is');
    expect(await v.page.locator('figcaption').count()).toBe(6);
    expect(text).toContain('master seed');
    expect(text).toContain('npx tsx src/run.ts');
    expect(text).not.toMatch(/NaN|undefined/);
  });

  it('shows a tooltip with the figures when the pointer is on a month of the caseload chart', async () => {
    const point = v.page.locator('#chart-caseload g.mark-symbol path').nth(10);
    await point.hover({ force: true });
    const tooltip = v.page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.getAttribute('class'), { timeout: 5000 }).toContain('visible');
    const tip = await tooltip.innerText();
    expect(tip).toContain('Mean of runs');
    expect(tip).toContain('Month');
  });

  it('looks like a page in a screenshot (many distinct colours)', async () => {
    const shot = await v.page.screenshot({ fullPage: true });
    expect(distinctColours(shot)).toBeGreaterThan(200);
  });
});

describe('the comparison report in headless Chromium', () => {
  it('draws the side-by-side caseload chart and the headline table of both runs', async () => {
    const out = join(base, 'compare');
    const files = await writeComparison([runA, runB], out);
    expect(files).toEqual(['charts/caseload-compare.vl.json', 'charts/caseload-compare.svg', 'charts/caseload-compare.png', 'report.html']);
    const v = await visit(join(out, 'report.html'));
    try {
      expect(await v.page.locator('[data-chart][data-rendered] svg.marks').count()).toBe(1);
      expect(await v.page.locator('table.headlines thead th').allInnerTexts()).toEqual(['whole run', 'run 1: as-is', 'run 1: no-policy', 'run 2: as-is', 'run 2: no-policy']);
      expect(v.errors).toEqual([]);
      expect(v.failed).toEqual([]);
      expect(v.external).toEqual([]);
      expect(distinctColours(await v.page.screenshot())).toBeGreaterThan(100);
    } finally {
      await v.page.close();
    }
  });
});
