/**
 * The classroom page end to end in headless Chromium (Debian's, through playwright-core): built to
 * a temporary folder and opened from disk, as a teacher might. It must load with no console errors
 * and no network, give the command line's number for a fixed seed, react to a slider, run a lesson,
 * compare two settings exactly as the engine does, switch language and projector mode, and draw.
 * Frame times while the simulation runs are printed for the record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { buildClassroom, writeClassroom, type BuiltFile } from '../../src/classroom/build.ts';
import { serveClassroom } from '../../src/classroom/serve.ts';
import { applySettings, type Settings } from '../../src/classroom/settings.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS } from '../../src/engine/sim.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { loadModel } from '../../src/model/load.ts';
import { validateModel } from '../../src/model/validate.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../report/setup-chromium.ts';

const SEED = 4242;

let files: BuiltFile[];
let dir: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface ClassroomHook {
  frames: number[];
  work: number[];
  state(): { month: number; months: number; playing: boolean; small: number };
  charts(): Record<string, number[]>;
}
const hook = (p: Page) => p.evaluate(() => (window as unknown as { __classroom: ClassroomHook }).__classroom.state());

/** Sets a control's value as a user would and fires its change event. */
async function setValue(selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Plays the live replicate to its last month at full speed; returns the frame times meanwhile. */
async function playToEnd(): Promise<{ frames: number[]; work: number[] }> {
  await page.waitForFunction(() => (window as unknown as { __classroom: ClassroomHook }).__classroom.state().months > 0);
  await page.selectOption('#speed', 'Infinity');
  const before = await page.evaluate(() => [(window as unknown as { __classroom: ClassroomHook }).__classroom.frames.length, (window as unknown as { __classroom: ClassroomHook }).__classroom.work.length]);
  await page.click('#play');
  await page.waitForFunction(() => {
    const s = (window as unknown as { __classroom: ClassroomHook }).__classroom.state();
    return s.months > 0 && s.month >= s.months;
  }, null, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#stat-caseload')!.dataset.month === String((window as unknown as { __classroom: ClassroomHook }).__classroom.state().months));
  return page.evaluate(([f, w]) => {
    const hook = (window as unknown as { __classroom: ClassroomHook }).__classroom;
    return { frames: hook.frames.slice(f), work: hook.work.slice(w) };
  }, before);
}

const caseloadShown = async () => Number(await page.locator('#stat-caseload').getAttribute('data-value'));
const chartPixels = () => page.locator('#chart-caseload canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

function summarise(frames: number[]): string {
  const s = [...frames].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `${s.length} frames: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s[s.length - 1].toFixed(1)} ms, ${s.filter((f) => f > 50).length} over 50 ms`;
}

beforeAll(async () => {
  const executablePath = ensureChromium();
  files = await buildClassroom();
  dir = mkdtempSync(join(tmpdir(), 'classroom-'));
  writeClassroom(files, dir);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!/^(file|blob|data):/.test(r.url())) problems.push(`network request: ${r.url()}`); });
  await page.goto(pathToFileURL(join(dir, 'index.html')).href); // opened from disk
  await page.waitForSelector('main:not([hidden])', { timeout: 20_000 });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the classroom page', () => {
  it('is served by the command too', async () => {
    const { server, port } = await serveClassroom(files, 0);
    try {
      const html = await fetch(`http://127.0.0.1:${port}/`);
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      expect(await html.text()).toContain('<script src="app.js">');
      expect((await fetch(`http://127.0.0.1:${port}/app.js`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('shows the command line engine\'s caseload for Emmen with a fixed seed', async () => {
    const { model } = await loadModel('models/emmen.ts');
    const expected = simulateReplicate(model, AS_IS, 0, SEED, model.horizonMonths).series[(model.horizonMonths - 1) * METRIC_COUNT + M.caseloadEnd];
    expect(await page.locator('#model').inputValue()).toBe('emmen');
    await setValue('#seed', String(SEED));
    const frames = await playToEnd();
    expect(await caseloadShown()).toBe(expected);
    console.log(`Emmen, seed ${SEED}, replicate 0: the page shows ${await caseloadShown()} at month ${model.horizonMonths}; the engine in Node gives ${expected}`);
    console.log(`frame intervals while Emmen ran: ${summarise(frames.frames)}`);
    console.log(`the page's own work per frame (charts, people, numbers): ${summarise(frames.work)}`);
    const draws = await page.evaluate(() => (window as unknown as { __classroom: ClassroomHook }).__classroom.charts());
    console.log(`chart redraws (ms, median): ${Object.entries(draws).map(([k, v]) => `${k} ${[...v].sort((a, b) => a - b)[v.length >> 1]?.toFixed(1)}`).join(', ')}`);
  });

  it('redraws the charts when a slider moves', async () => {
    const before = await caseloadShown();
    const pixels = await chartPixels();
    await setValue('.lever[data-type="sanctions"] input[data-field="strictness"]', '1');
    await page.waitForFunction(() => (window as unknown as { __classroom: ClassroomHook }).__classroom.state().month === 0);
    await playToEnd();
    expect(await caseloadShown()).not.toBe(before);
    expect(await chartPixels()).not.toBe(pixels);
    expect(await page.locator('#settings-label').textContent()).toMatch(/Sanctions \(strictness.* 1\)/);
  });

  it('runs an economy drawn by hand', async () => {
    const bars = page.locator('.growth-editor rect');
    expect(await bars.count()).toBe(3); // Emmen runs 2015-2017 (its three CBS years)
    const box = (await page.locator('.growth-editor').boundingBox())!;
    const first = (await bars.first().boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(first.x + first.width / 2, box.y + box.height * 0.9, { steps: 3 }); // drag year 1 down into a recession
    await page.mouse.up();
    expect(await page.locator('#growth').inputValue()).toBe('hand');
    expect(await page.locator('#settings-label').textContent()).toMatch(/drawn by hand \(-\d/);
    await playToEnd();
  });

  it('compares two settings replicate by replicate, as the engine does', async () => {
    const a: Settings = { model: 'emmen', seed: SEED };
    const b: Settings = { model: 'emmen', seed: SEED, levers: { sanctions: { strictness: 1 } } };
    await page.selectOption('#growth', 'model'); // back to the model's economy
    await page.click('#model-policies'); // and its policies: A
    await page.click('#set-a');
    await setValue('.lever[data-type="sanctions"] input[data-field="strictness"]', '1');
    await page.click('#set-b');
    await setValue('#replicate-count', '20');
    await page.click('#run-compare');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#compare-text')!.dataset.n === '20', null, { timeout: 30_000 });
    const shown = Number(await page.locator('#compare-text').getAttribute('data-value'));
    const { model } = await loadModel('models/emmen.ts');
    const end = (s: Settings, r: number) => simulateReplicate(validateModel(applySettings(model, s), 'emmen'), AS_IS, r, SEED, model.horizonMonths).series[(model.horizonMonths - 1) * METRIC_COUNT + M.caseloadEnd];
    let sum = 0;
    for (let r = 0; r < 20; r++) sum += end(b, r) - end(a, r);
    expect(shown).toBeCloseTo(sum / 20, 9);
  });

  it('runs a lesson: the lottery, a hundred times', async () => {
    await page.click('button.lesson:has-text("lottery")');
    await expect(page.locator('.question').textContent()).resolves.toContain('Wageningen');
    await page.click('button.step >> nth=1');
    expect(await page.locator('#model').inputValue()).toBe('wageningen');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#fan-text')!.dataset.n === '100', null, { timeout: 30_000 });
    expect(await page.locator('#programmes-text p').count()).toBe(4); // the control group and three arms
    await page.click('#reveal');
    await expect(page.locator('.reveal').textContent()).resolves.toContain('Small groups give noisy answers');
  });

  it('speaks Dutch, goes large for a projector, and draws something', async () => {
    await page.click('#lang');
    expect(await page.locator('h1 span').textContent()).toBe('uitstroom: het klaslokaal');
    expect(await page.locator('.reveal').textContent()).toContain('Kleine groepen');
    await page.check('#projector');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('21px');
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = PNG.sync.read(await page.screenshot());
    const colours = new Set<number>();
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 600) ink++;
    }
    expect(colours.size).toBeGreaterThan(200);
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.02);
  });

  it('school wording: plain words, the exact term in a tooltip, and back', async () => {
    await page.check('#school');
    const seed = page.locator('[data-i18n="seed"]');
    expect(await seed.textContent()).toBe('Startworp');
    expect(await seed.getAttribute('title')).toBe('Seed');
    expect(await page.locator('[data-i18n="replicates"]').textContent()).toBe('Veel pogingen');
    expect(await page.locator('#run-replicates').getAttribute('title')).toMatch(/replicaties draaien/);
    await page.uncheck('#school');
    expect(await seed.textContent()).toBe('Seed');
    expect(await seed.getAttribute('title')).toBe('');
  });

  it('logged no errors and asked the network for nothing', () => {
    expect(problems).toEqual([]);
  });
});
