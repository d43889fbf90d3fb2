/** Opening a report page in headless Chromium the way a person does (file://, offline) and recording what goes wrong. */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';

export interface Visit {
  page: Page;
  errors: string[];
  failed: string[];
  external: string[];
}

/** Opens a local file and waits until every chart has been drawn (or failed). */
export async function visit(browser: Browser, file: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const v: Visit = { page, errors: [], failed: [], external: [] };
  page.on('console', (m) => m.type() === 'error' && v.errors.push(m.text()));
  page.on('pageerror', (e) => v.errors.push(e.message));
  page.on('requestfailed', (r) => v.failed.push(r.url()));
  page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && v.external.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-chart]')].every((el) => el.hasAttribute('data-rendered') || el.textContent!.startsWith('This chart could not')),
    null,
    { timeout: 60_000 },
  );
  return v;
}

/** Distinct colours in a screenshot (sampled). */
export function distinctColours(png: Buffer): number {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4 * 3) seen.add(img.data.readUInt32BE(i));
  return seen.size;
}
