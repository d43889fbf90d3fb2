/**
 * One self-contained HTML page that opens offline from disk: the vega, vega-lite and vega-embed
 * bundles are inlined from node_modules, every chart's spec (with its data) is inlined, and
 * vega-embed draws them as SVG with tooltips. Nothing is fetched over the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from './lang.ts';
import { words } from './words.ts';

const require = createRequire(import.meta.url);

/** Library bundles, in load order (vega-lite needs vega; vega-embed needs both). */
const LIBRARIES = [
  { name: 'vega', bundle: 'vega.min.js' },
  { name: 'vega-lite', bundle: 'vega-lite.min.js' },
  { name: 'vega-embed', bundle: 'vega-embed.min.js' },
] as const;

/** The versions of the chart libraries, for the page's "what this run was". */
export function libraryVersions(): Record<string, string> {
  return Object.fromEntries(
    LIBRARIES.map((l) => [l.name, (JSON.parse(readFileSync(join(dirname(require.resolve(l.name)), '..', 'package.json'), 'utf8')) as { version: string }).version]),
  );
}

let scripts: string | undefined;
/** The three bundles as inline <script> elements (read once per process). */
function libraryScripts(): string {
  // each package's main entry lives in build/, beside its browser bundle
  scripts ??= LIBRARIES.map((l) => {
    const code = readFileSync(join(dirname(require.resolve(l.name)), l.bundle), 'utf8');
    return `<script>/* ${l.name} */\n${code.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  }).join('\n');
  return scripts;
}

/** Escapes text for HTML content and attribute values. */
export const esc = (s: string | number) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that is safe inside a <script> element. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export interface Figure {
  name: string;
  title: string;
  spec: TopLevelSpec;
  caption: string;
}

export interface Page {
  title: string;
  /** Lines under the title. */
  lead: string[];
  /** Lines under those, already HTML (a description marked with its language). */
  leadHtml?: string[];
  /** HTML sections before the charts (headline figures). */
  before: string[];
  figures: Figure[];
  /** HTML sections after the charts (what the run was). */
  after: string[];
  /** The page's language (default English). */
  lang?: Lang;
}

const STYLE = `
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #111; margin: 0 auto; max-width: 1120px; padding: 24px 32px 64px; line-height: 1.45; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 36px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; } p.lead { margin: 2px 0; color: #333; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; } th, td { padding: 4px 10px; text-align: right; vertical-align: top; border-bottom: 1px solid #eee; }
th:first-child, td:first-child { text-align: left; } thead th { border-bottom: 2px solid #ccc; } td .ci { display: block; color: #555; font-size: 11px; }
td.clear { font-weight: bold; } figure { margin: 28px 0; } figcaption { max-width: 900px; font-size: 14px; color: #222; margin-top: 6px; }
.chart { min-height: 120px; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13px; } dt { color: #555; } dd { margin: 0; }
code { font-size: 12px; background: #f4f4f4; padding: 1px 4px; word-break: break-all; } .note { font-size: 12px; color: #555; }
`;

/** Assembles the page. Figures are drawn into `<div class="chart" data-chart="NAME">` by vega-embed. */
export function renderPage(page: Page): string {
  const lang = page.lang ?? 'en';
  const W = words(lang);
  const figures = page.figures
    .map(
      (f) => `<figure id="figure-${esc(f.name)}">
<div class="chart" id="chart-${esc(f.name)}" data-chart="${esc(f.name)}" role="img" aria-label="${esc(f.title)}"></div>
<figcaption>${esc(f.caption)}</figcaption>
</figure>`,
    )
    .join('\n');
  const specs = Object.fromEntries(page.figures.map((f) => [f.name, f.spec]));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(page.title)}</h1>
${page.lead.map((l) => `<p class="lead">${esc(l)}</p>`).join('\n')}
${(page.leadHtml ?? []).map((l) => `<p class="lead">${l}</p>`).join('\n')}
</header>
${page.before.join('\n')}
<section id="charts">
<h2>${esc(W.charts)}</h2>
<noscript><p>${esc(W.noscript)}</p></noscript>
${figures}
</section>
${page.after.join('\n')}
${libraryScripts()}
<script>
const SPECS = ${scriptJson(specs)};
for (const el of document.querySelectorAll('[data-chart]')) {
  vegaEmbed(el, SPECS[el.dataset.chart], { actions: false, renderer: 'svg' })
    .then(() => el.setAttribute('data-rendered', 'true'))
    .catch((e) => { el.textContent = ${scriptJson(W.chartFailed)} + e.message; el.setAttribute('data-failed', 'true'); console.error(e); });
}
</script>
</body>
</html>
`;
}
