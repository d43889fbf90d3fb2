/**
 * The classroom page. The live replicate runs in a worker a month at a time, paced by the
 * animation frame: play / pause / step / speed; its caseload, exits and composition charts and the
 * people view update as months arrive, and six replicates from the pool grow alongside. A change of
 * settings restarts the live run (the previous caseload stays as a grey line).
 */
import { LESSON_FILES, BUILD_INFO } from 'virtual:classroom-page';
import { M, METRIC_COUNT } from '../../engine/metrics.ts';
import type { Model } from '../../model/schema.ts';
import type { LessonStep } from '../lesson.ts';
import type { BundledModel, FromWorker, PeopleSnapshot } from '../protocol.ts';
import type { Settings } from '../settings.ts';
import { Batches } from './batches.ts';
import { Chart, dateOf, setChartLocale, spec, type Frame } from './charts.ts';
import { Controls } from './controls.ts';
import { describeSettings } from './describe.ts';
import { fmt, getLang, monthName, pct, setLang, setWording, t, translate } from './i18n.ts';
import { LessonsPanel } from './lessons.ts';
import { PeopleView } from './people-view.ts';
import { Pool, send, startWorker } from './workers.ts';
import { html, setHtml } from './html.ts';

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const SPEEDS = [1, 3, 10, 30, Infinity];
const SMALL = 6;

/** Animation-frame intervals and the page's own work in each frame (ms), for the tests' responsiveness figures. */
const frames: number[] = [];
const work: number[] = [];
(window as unknown as { __classroom: unknown }).__classroom = {
  frames,
  work,
  state: () => ({ month: rows.length, months, playing, small: small.size }),
  charts: () => Object.fromEntries(Object.entries(liveCharts).map(([k, c]) => [k, c.drawMs])),
};

let models: BundledModel[] = [];
let controls: Controls;
let batches: Batches;
let pool: Pool;
let people: PeopleView;

// the live replicate
let liveId = 0;
let months = 0;
let startMonth = '2015-01';
let rows: number[][] = [];
let ghost: { date: number; value: number }[] = [];
let snapshot: PeopleSnapshot | undefined;
let playing = false;
let pending = false;
let speed = 10;
let lastStep = 0;
let dirty = false;
let small = new Map<number, Float64Array>();
let cancelSmall: (() => void) | undefined;

const liveCharts = {
  caseload: new Chart($('#chart-caseload'), (f) => spec.caseload(f)),
  exits: new Chart($('#chart-exits'), (f) => spec.exits(f)),
  composition: new Chart($('#chart-composition'), (f) => spec.composition(f)),
  small: new Chart($('#chart-small'), (f) => spec.small(f)),
};

function fail(message: string): void {
  const el = $('#error');
  el.hidden = false;
  el.textContent = t('workerError', message);
  playing = false;
  pending = false;
  showPlaying();
}

if (navigator.language.toLowerCase().startsWith('nl')) setLang('nl');
setChartLocale(getLang());
const live = startWorker(onLive, fail);
send(live, { kind: 'init' });

function modelOf(s: Settings): Model {
  return (models.find((m) => m.model.name === s.model) ?? models[0]).model;
}

function frameFor(model: Model, el: HTMLElement, monthsOverride?: number): Frame {
  const n = monthsOverride ?? model.horizonMonths;
  return { domain: [dateOf(model.startMonth, 0), dateOf(model.startMonth, n - 1)], width: Math.max(220, el.clientWidth - 110), large: document.documentElement.classList.contains('projector') };
}

function onLive(msg: FromWorker): void {
  switch (msg.kind) {
    case 'ready':
      models = msg.models;
      if (msg.problems.length) fail(msg.problems.join('\n'));
      start(msg.fittedFile);
      return;
    case 'prepared':
      if (msg.id !== liveId) return;
      controls.showGrowth(msg.growth, msg.startMonth);
      if (msg.months !== months || msg.startMonth !== startMonth) {
        months = msg.months;
        startMonth = msg.startMonth;
        renderLiveCharts(); // the time axis changed
      }
      dirty = true;
      return;
    case 'month':
      if (msg.id !== liveId) return;
      if (msg.t >= 0) rows[msg.t] = msg.row;
      snapshot = msg.people;
      pending = false;
      dirty = true;
      if (rows.length >= months) {
        playing = false;
        showPlaying();
      }
      return;
    case 'error':
      fail(msg.message);
      return;
  }
}

function start(fittedFile: string | null): void {
  pool = new Pool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)), fail);
  controls = new Controls($('#settings'), models, fittedFile, () => prepare());
  batches = new Batches(pool, modelOf, () => controls.settings, (m, el) => frameFor(m, el), fail);
  people = new PeopleView($('#people'), $('#people-caption'));
  const lessons = new LessonsPanel($('#lessons'), LESSON_FILES, models.map((m) => m.model.name), runLessonStep);
  setHtml($('#speed'), html`${SPEEDS.map((s) => html`<option value="${s}">${Number.isFinite(s) ? t('perSecond', s) : t('fastest')}</option>`)}`);
  ($('#speed') as HTMLSelectElement).value = String(speed);
  $('#speed').addEventListener('change', (e) => (speed = Number((e.target as HTMLSelectElement).value)));
  $('#play').addEventListener('click', () => {
    if (rows.length >= months) restart();
    playing = !playing;
    showPlaying();
  });
  $('#step').addEventListener('click', () => {
    playing = false;
    showPlaying();
    requestMonth();
  });
  $('#reset').addEventListener('click', () => restart());
  $('#replicate-count').addEventListener('change', () => batches.labels());
  $('#lang').addEventListener('click', () => {
    setLang(getLang() === 'en' ? 'nl' : 'en');
    setChartLocale(getLang());
    relabel();
    lessons.render();
  });
  $('#school').addEventListener('change', (e) => {
    setWording((e.target as HTMLInputElement).checked ? 'school' : 'standard');
    relabel();
    lessons.render();
  });
  $('#projector').addEventListener('change', (e) => {
    document.documentElement.classList.toggle('projector', (e.target as HTMLInputElement).checked);
    relabel();
  });
  let resize: number | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = window.setTimeout(relabel, 200);
  });
  $('#loading').hidden = true;
  $('main').hidden = false;
  translate();
  controls.render();
  lessons.render();
  batches.setCompare('a', controls.settings);
  relabel();
  prepare();
  requestAnimationFrame(frame);
}

/** Everything that carries words or sizes, drawn again (language, projector, window size). */
function relabel(): void {
  translate();
  controls.render();
  $('#footer').textContent = t('footer', BUILD_INFO.version, BUILD_INFO.builtAt);
  $('#settings-label').textContent = describeSettings(controls.settings, modelOf(controls.settings));
  const speedSel = $<HTMLSelectElement>('#speed');
  for (const o of speedSel.options) o.textContent = Number.isFinite(Number(o.value)) ? t('perSecond', o.value) : t('fastest');
  showPlaying();
  renderLiveCharts();
  batches.render();
  dirty = true;
}

function renderLiveCharts(): void {
  const model = modelOf(controls.settings);
  for (const [name, chart] of Object.entries(liveCharts)) chart.render(frameFor(model, $(`#chart-${name}`), months || undefined));
}

function showPlaying(): void {
  $('#play').textContent = playing ? t('pause') : t('play');
}

/** Builds the live replicate for the current settings; a playing run keeps playing from month 0. */
function prepare(): void {
  if (rows.length > 0) ghost = rows.map((r, k) => ({ date: dateOf(startMonth, k), value: r[M.caseloadEnd] }));
  liveId++;
  rows = [];
  snapshot = undefined;
  pending = false;
  send(live, { kind: 'prepare', id: liveId, settings: controls.settings, track: true });
  $('#settings-label').textContent = describeSettings(controls.settings, modelOf(controls.settings));
  cancelSmall?.();
  small = new Map();
  const id = liveId;
  cancelSmall = pool.run(controls.settings, Array.from({ length: SMALL }, (_, r) => r), (r) => {
    if (id !== liveId) return;
    small.set(r.replicate, r.series);
    dirty = true;
  }, () => {}, fail);
  dirty = true;
}

function restart(): void {
  ghost = [];
  rows = [];
  prepare();
}

function requestMonth(): void {
  if (pending || rows.length >= months || months === 0) return;
  pending = true;
  send(live, { kind: 'step', id: liveId });
}

let last = 0;
function frame(now: number): void {
  if (last) {
    frames.push(now - last);
    if (frames.length > 5000) frames.splice(0, 1000);
  }
  last = now;
  const began = performance.now();
  if (playing && now - lastStep >= 1000 / speed) {
    lastStep = now;
    requestMonth();
  }
  if (dirty) {
    dirty = false;
    drawLive();
  }
  for (const c of Object.values(liveCharts)) c.flush();
  for (const c of batches.charts) c.flush();
  work.push(performance.now() - began);
  if (work.length > 5000) work.splice(0, 1000);
  requestAnimationFrame(frame);
}

function drawLive(): void {
  const n = rows.length;
  const date = (k: number) => dateOf(startMonth, k);
  liveCharts.caseload.set('caseload', [
    ...rows.map((r, k) => ({ date: date(k), value: r[M.caseloadEnd], series: t('thisRun') })),
    ...ghost.map((g) => ({ ...g, series: t('previousRun') })),
  ]);
  const routes: [number, string][] = [[M.exitsWork, t('routeWork')], [M.exitsSchool, t('routeSchool')], [M.exitsNonInfluenceable, t('routeOther')]];
  liveCharts.exits.set('exits', rows.flatMap((r, k) => routes.map(([m, route], order) => ({ date: date(k), route, count: r[m], order }))));
  const emp0 = rows[0]?.[M.meanEmployability] || 1;
  liveCharts.composition.set('composition', rows.flatMap((r, k) => [
    { date: date(k), panel: t('panelShares'), measure: t('share45'), value: 100 * r[M.share45Plus] },
    { date: date(k), panel: t('panelShares'), measure: t('share5y'), value: 100 * r[M.share5YearsPlus] },
    { date: date(k), panel: t('panelIndex'), measure: t('motivation'), value: 100 * r[M.meanMotivation] },
    { date: date(k), panel: t('panelIndex'), measure: t('employability'), value: (100 * r[M.meanEmployability]) / emp0 },
  ]));
  // the six replicates grow with the live one (all of them once it has finished)
  const upTo = n >= months ? months : n;
  const smallRows: object[] = [];
  for (const [r, s] of [...small].sort((x, y) => x[0] - y[0])) {
    for (let k = 0; k < upTo; k++) smallRows.push({ date: date(k), replicate: `${t('replicate')} ${r + 1}`, value: s[k * METRIC_COUNT + M.caseloadEnd] });
  }
  liveCharts.small.set('small', smallRows);
  people.show(snapshot);
  // the headline numbers
  const model = modelOf(controls.settings);
  const caseload = n ? rows[n - 1][M.caseloadEnd] : model.population.size;
  const start = rows[0]?.[M.caseload] ?? model.population.size;
  $('#stat-month').textContent = n ? `${n} · ${monthName(startMonth, n - 1)}` : '0';
  const stat = $('#stat-caseload');
  stat.textContent = fmt(caseload);
  stat.dataset.value = String(caseload);
  stat.dataset.month = String(n);
  $('#stat-change').textContent = n ? `${caseload >= start ? '+' : ''}${pct(caseload / start - 1)}` : '–';
  $('#stat-work').textContent = fmt(rows.reduce((s, r) => s + r[M.exitsWork], 0));
  $('#stat-cost').textContent = `€ ${fmt(rows.reduce((s, r) => s + r[M.benefitCost], 0) / 1e6, 1)} M`;
}

function runLessonStep(step: LessonStep): void {
  controls.load(step.settings);
  prepare(); // the run before stays as the grey line: steps compare with the one before
  if (step.run === 'play') {
    playing = true;
  } else if (step.run === 'replicates') {
    batches.runFan(step.settings, step.replicates);
    $('#replicates-panel').scrollIntoView({ behavior: 'smooth' });
  } else {
    batches.setCompare('a', step.settings);
    batches.setCompare('b', step.compare ?? step.settings);
    batches.runCompare(step.replicates);
    $('#compare-panel').scrollIntoView({ behavior: 'smooth' });
  }
  showPlaying();
}
