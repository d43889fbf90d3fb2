/**
 * `tsx src/run.ts models/rotterdam.ts --lang nl` (a short run): its report opened in headless Chromium contains no
 * English word of the interface. The English words are taken from the English report of the same
 * run (page text, chart text as drawn, and every title and tooltip title in the chart specs), so a
 * string that a later change forgets to translate shows up here. Allowed: names from the model file
 * (model, scenarios, policy types), library and tool names, and words that are the same in Dutch.
 * Text marked `lang="en"` (the model's own English description, the economy note) and `<code>` (file
 * names, the command) is not interface text and is skipped. The terminal table is checked the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlineTable } from '../../src/output/table.ts';
import { loadRun } from '../../src/report/data.ts';
import { buildReportHtml, writeReport } from '../../src/report/index.ts';
import { num } from '../../src/report/theme.ts';
import { visit } from './browser.ts';
import { ROOT } from './helpers.ts';
import { buildExperimentHtml } from '../../src/report/experiment.ts';
import { loadExperimentRun } from '../../src/report/experiment-data.ts';
import { CHROMIUM_ARGS, ensureChromium } from './setup-chromium.ts';

/** Words that are names or the same in both languages. */
const ALLOWED = new Set([
  'rotterdam', 'as', 'is', 'no', 'policy', 'as-is', 'no-policy', 'strict-intake', 'tegenprestatie', 'sanctions', 'exemption', 'uitstroom',
  'vega', 'vega-lite', 'vega-embed', 'node', 'git', 'sha256', 'sha', 'eur', 'scenario', 'model', 'route', 'index', 'in', 'se', 'n', 'min', 'seed', 'json', 'summary',
  'svg', 'png', 'charts', 'javascript', 'nl', 'en', 'x',
]);

/** Words spelled the same in Dutch and English, with the same meaning here. */
const SHARED = new Set([
  'over', 'per', 'start', 'school', 'routes', 'interval', 'band', 'tooltip', 'plus', 'factor', 'extra', 'was', 'experiment',
  // month abbreviations spelled alike
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'nov', 'dec',
]);
/** Spelled like an English word but Dutch here: "of" (or), as in "45 jaar of ouder". */
SHARED.add('of');

/** Words of two letters or more (single letters are from versions, hashes and times: v20, 2026-11-29T18:00Z). */
const wordsOf = (text: string) =>
  new Set((text.toLowerCase().match(/[a-zà-ÿ][a-zà-ÿ'’-]*/g) ?? []).map((w) => w.replace(/['’-]+$/, '')).filter((w) => w.length > 1));

let base: string;
let dir: string;
let stdout: string;
let browser: Browser;

beforeAll(async () => {
  const executablePath = ensureChromium();
  base = mkdtempSync(join(tmpdir(), 'uitstroom-lang-'));
  // the command as a person types it
  dir = join(base, 'rotterdam');
  stdout = execFileSync('npx', ['tsx', 'src/run.ts', 'models/rotterdam.ts', '--lang', 'nl', '--runs', '2', '--months', '12', '--seed', '5', '--workers', '0', '--out', dir], { cwd: ROOT, encoding: 'utf8' });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Every piece of interface text of an open report: page text, chart text, spec titles and tooltip titles. */
async function interfaceText(file: string): Promise<string> {
  const v = await visit(browser, file);
  try {
    expect(v.errors).toEqual([]);
    return await v.page.evaluate(() => {
      // text marked English inside the page (not the page itself, whose <html lang> is its language)
      const skip = (el: Element) => !!el.closest('body [lang="en"], code, script, style');
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement && !skip(n.parentElement)) out.push(n.textContent ?? '');
      out.push(document.title);
      const titles = (x: unknown, key = ''): void => {
        if (typeof x === 'string') {
          if (['title', 'subtitle', 'text', 'label'].includes(key)) out.push(x);
        } else if (Array.isArray(x)) x.forEach((y) => titles(y, key));
        else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) if (k !== 'values') titles(y, k);
      };
      // the specs' titles, axis titles and tooltip titles (data values are the model's names and numbers)
      titles((window as unknown as { eval: (s: string) => unknown }).eval('SPECS'));
      return out.join('\n');
    });
  } finally {
    await v.page.close();
  }
}

describe('--lang nl', () => {
  it('records the language in the manifest and the command that repeats the run', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.lang).toBe('nl');
    expect(manifest.reproduce).toContain('--lang nl');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="nl">');
  });

  it('report.html has no English interface word (the English report of the same run has many)', async () => {
    const dutch = await interfaceText(join(dir, 'report.html'));
    const englishFile = join(base, 'report-en.html');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(englishFile, buildReportHtml(loadRun(dir, 'en')));
    const english = await interfaceText(englishFile);
    const englishWords = [...wordsOf(english)].filter((w) => !ALLOWED.has(w));
    expect(englishWords.length).toBeGreaterThan(80); // the test can see English when it is there
    const dutchWords = wordsOf(dutch);
    const leaks = englishWords.filter((w) => dutchWords.has(w) && !SHARED.has(w));
    expect(leaks).toEqual([]);
    // and the other way round: no Dutch word in the English report
    const englishSet = wordsOf(english);
    const dutchOnly = [...dutchWords].filter((w) => !ALLOWED.has(w) && !SHARED.has(w));
    expect(dutchOnly.filter((w) => englishSet.has(w))).toEqual([]);
    expect(dutch).toContain('Kerncijfers');
    expect(dutch).toContain('Grafieken');
    // Dutch number formatting: the caseload at the start with a point for thousands
    expect(dutch).toContain(num(loadRun(dir).summary.scenarios['as-is'].caseloadStart.mean, 0, 'nl'));
  });

  it('the terminal table is Dutch too', () => {
    expect(stdout).toContain('bestand aan het eind (personen)');
    expect(stdout).toContain('Gepaarde verschillen');
    const summary = loadRun(dir).summary;
    const en = [...wordsOf(headlineTable(summary, 'en'))].filter((w) => !ALLOWED.has(w));
    const nl = wordsOf(headlineTable(summary, 'nl'));
    expect(en.length).toBeGreaterThan(20);
    expect(en.filter((w) => nl.has(w) && !SHARED.has(w))).toEqual([]);
    const enAll = wordsOf(headlineTable(summary, 'en'));
    expect([...nl].filter((w) => !ALLOWED.has(w) && !SHARED.has(w) && enAll.has(w))).toEqual([]);
    expect(headlineTable(summary, 'nl')).toContain('bestand aan het eind (personen)');
  });
});

describe('--lang nl for a factorial experiment', () => {
  it('report.html has no English interface word, and the verdicts are Dutch sentences with the same numbers', async () => {
    const { runExperiment } = await import('../../src/experiment/pipeline.ts');
    const { FACTORIAL_FILE } = await import('./helpers.ts');
    const r = await runExperiment({ file: FACTORIAL_FILE, workers: 0, runs: 3, out: join(base, 'factorial-nl'), lang: 'nl' });
    await writeReport(r.dir);
    const dutch = await interfaceText(join(r.dir, 'report.html'));
    const englishFile = join(base, 'factorial-en.html');
    const { writeFileSync } = await import('node:fs');
    const en = loadExperimentRun(r.dir, 'en');
    writeFileSync(englishFile, buildExperimentHtml(en));
    const english = await interfaceText(englishFile);
    // the experiment's own names (factors, levels, the experiment) are identifiers, allowed in both
    const names = wordsOf([en.manifest.experiment.name, ...en.factors.flatMap((f) => [f.name, ...f.levels])].join(' '));
    const englishWords = [...wordsOf(english)].filter((w) => !ALLOWED.has(w) && !names.has(w));
    expect(englishWords.length).toBeGreaterThan(80);
    const dutchWords = wordsOf(dutch);
    expect(englishWords.filter((w) => dutchWords.has(w) && !SHARED.has(w))).toEqual([]);
    // the Dutch verdict states the numbers of the English one (verdict.txt)
    const verdictEn = english.match(/In this experiment, [^.]*\./g) ?? [];
    const verdictNl = dutch.match(/In dit experiment verklaart [^.]*\./g) ?? [];
    expect(verdictNl.length).toBe(verdictEn.length);
    expect(verdictNl.length).toBeGreaterThan(0);
    verdictNl.forEach((v, i) => expect(v.match(/\d+/g)).toEqual(verdictEn[i].match(/\d+/g)));
    expect(dutch).toContain('Lees ze als');
  });
});

