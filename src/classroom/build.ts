/**
 * Builds the classroom page: esbuild bundles the worker (the engine, the model files, the zod
 * schema, the calibration companion and the economic data) and the page (controls, charts with
 * vega-lite, lessons) for the browser. The result is two static files with nothing fetched at
 * run time: `index.html` (with the styles) and `app.js`, a classic script (so it also runs opened
 * from disk) that carries the worker's code as a string and starts it from a blob URL.
 *
 * The engine must stay free of Node: the build fails on any `node:` import in the worker except
 * `node:fs`, which the historical economy and `src/data/cbs.ts` use to read `data/nl-economy.csv`,
 * `data/nl-tightness.csv` and `data/cbs/*.csv`, and which is replaced by those files, inlined.
 */
import { build, type Plugin } from 'esbuild';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFitted } from '../calibration/fitted.ts';
import { parseLesson } from './lesson.ts';
import { InputError } from '../model/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));

/** Files the engine reads through `node:fs` (paths relative to the project root). */
const INLINED_FILES = [
  'data/nl-economy.csv',
  'data/nl-tightness.csv',
  ...readdirSync(join(ROOT, 'data/cbs')).filter((f) => f.endsWith('.csv')).sort().map((f) => `data/cbs/${f}`), // src/data/cbs.ts
];

export interface BuiltFile {
  name: string;
  contents: Uint8Array;
  type: string;
}

export interface BuildOptions {
  /** Folder of lesson files (default `lessons/`). */
  lessonsDir?: string;
  /** Folder of model files (default `models/`). */
  modelsDir?: string;
  minify?: boolean;
}

/** The model files: every `*.ts` in the folder that default-exports `defineModel(...)`. */
export function modelFiles(modelsDir = join(ROOT, 'models')): string[] {
  return readdirSync(modelsDir)
    .filter((f) => f.endsWith('.ts') && /export default defineModel\(/.test(readFileSync(join(modelsDir, f), 'utf8')))
    .sort()
    .map((f) => join(modelsDir, f));
}

/** Lesson files, each checked with the lesson schema and against the model names. */
export function readLessons(lessonsDir: string, modelNames: readonly string[]): { file: string; lesson: unknown }[] {
  return readdirSync(lessonsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = relative(ROOT, join(lessonsDir, f));
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(join(lessonsDir, f), 'utf8'));
      } catch (e) {
        throw new InputError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      parseLesson(data, file, modelNames);
      return { file, lesson: data };
    });
}

function virtualModule(name: string, contents: () => string): Plugin {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'classroom-virtual' }));
      b.onLoad({ filter: new RegExp(`^${name}$`), namespace: 'classroom-virtual' }, () => ({ contents: contents(), loader: 'js', resolveDir: ROOT }));
    },
  };
}

/** `node:fs` becomes the inlined data files; any other Node module stops the build. */
export const browserOnly: Plugin = {
  name: 'classroom-browser-only',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      if (args.path === 'node:fs') return { path: 'node:fs', namespace: 'classroom-virtual' };
      return { errors: [{ text: `${args.path} is imported by ${relative(ROOT, args.importer)}: the classroom worker runs in a browser and cannot use Node modules` }] };
    });
    b.onLoad({ filter: /^node:fs$/, namespace: 'classroom-virtual' }, () => {
      const files = Object.fromEntries(INLINED_FILES.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
      return {
        loader: 'js',
        contents: `const FILES = ${JSON.stringify(files)};
export function readFileSync(path) {
  const p = String(path);
  for (const name of Object.keys(FILES)) if (p.endsWith('/' + name)) return FILES[name];
  throw new Error('the classroom bundle has no file ' + p);
}`,
      };
    });
  },
};

async function bundle(entry: string, plugins: Plugin[], minify: boolean): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    // the historical economy locates its data file from its own URL; the fs stand-in matches on the name
    define: { 'import.meta.url': JSON.stringify('file:///uitstroom/src/economy/historical.ts') },
    plugins,
  });
  return out.outputFiles[0].text;
}

/** The worker's code: the engine, the model files (with their names) and the calibration companion. */
export async function buildWorker(options: BuildOptions = {}): Promise<{ code: string; modelNames: string[] }> {
  const modelsDir = options.modelsDir ?? join(ROOT, 'models');
  const files = modelFiles(modelsDir);
  const names: string[] = [];
  for (const f of files) names.push(((await import(pathToFileURL(f).href)) as { default: { name: string } }).default.name);
  const fitted = readFitted(join(modelsDir, 'fitted.json'));
  const models = virtualModule('virtual:classroom-models', () =>
    [
      ...files.map((f, k) => `import m${k} from ${JSON.stringify(f)};`),
      `export const BUNDLED_MODELS = [${files.map((f, k) => `{ file: ${JSON.stringify(relative(ROOT, f))}, input: m${k} }`).join(', ')}];`,
      `export const FITTED = ${fitted ? JSON.stringify({ file: relative(ROOT, fitted.file), fitted: fitted.fitted }) : 'null'};`,
    ].join('\n'),
  );
  return { code: await bundle(join(HERE, 'worker', 'main.ts'), [models, browserOnly], options.minify ?? true), modelNames: names };
}

/** Builds the page in memory. */
export async function buildClassroom(options: BuildOptions = {}): Promise<BuiltFile[]> {
  const minify = options.minify ?? true;
  const { code: worker, modelNames } = await buildWorker(options);
  const lessons = readLessons(options.lessonsDir ?? join(ROOT, 'lessons'), modelNames);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const page = virtualModule('virtual:classroom-page', () =>
    [
      `export const LESSON_FILES = ${JSON.stringify(lessons)};`,
      `export const WORKER_SOURCE = ${JSON.stringify(worker)};`,
      `export const BUILD_INFO = ${JSON.stringify({ builtAt: new Date().toISOString().slice(0, 16).replace('T', ' '), version })};`,
    ].join('\n'),
  );
  const app = await bundle(join(HERE, 'page', 'main.ts'), [page, browserOnly], minify);

  const css = readFileSync(join(HERE, 'page', 'style.css'), 'utf8');
  const html = readFileSync(join(HERE, 'page', 'index.html'), 'utf8').replace('/* STYLE */', () => css);
  const enc = new TextEncoder();
  return [
    { name: 'index.html', contents: enc.encode(html), type: 'text/html; charset=utf-8' },
    { name: 'app.js', contents: enc.encode(app), type: 'text/javascript; charset=utf-8' },
  ];
}

/** Writes the built page into `dir` (created if needed). */
export function writeClassroom(files: readonly BuiltFile[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.contents);
}
