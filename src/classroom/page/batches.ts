/**
 * Many replicates at once, on the worker pool: the fan chart of one setting (with the programmes'
 * outcomes replicate by replicate), and the paired comparison of two settings run with the same
 * seeds, with the difference and its interval.
 */
import { M, METRIC_COUNT } from '../../engine/metrics.ts';
import type { Model } from '../../model/schema.ts';
import type { Settings } from '../settings.ts';
import { Chart, dateOf, spec, type Frame } from './charts.ts';
import { describeSettings } from './describe.ts';
import { fmt, getLang, pct, setText, t } from './i18n.ts';
import { policyLabel } from '../../report/model-words.ts';
import { fan, meanInterval, pairedDifference, quantile } from './stats.ts';
import type { Pool, ReplicateResult } from './workers.ts';
import { html, setHtml } from './html.ts';

const $ = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

interface Batch {
  settings: Settings;
  model: Model;
  results: ReplicateResult[];
  wanted: number;
}

export class Batches {
  private fanBatch: Batch | undefined;
  private a: Batch | undefined;
  private b: Batch | undefined;
  private cancelFan: (() => void) | undefined;
  private cancelCompare: (() => void)[] = [];
  readonly charts: Chart[];
  private readonly fanChart = new Chart($('#chart-fan'), (f) => spec.fan(f));
  private readonly programmeChart = new Chart($('#chart-programmes'), (f) => spec.programmes(f));
  private readonly compareChart = new Chart($('#chart-compare'), (f) => spec.fan(f, 'chartCompare'));
  private readonly differenceChart = new Chart($('#chart-difference'), (f) => spec.difference(f));
  private compareSettings: { a?: Settings; b?: Settings } = {};

  constructor(private readonly pool: Pool, private readonly modelOf: (s: Settings) => Model, private readonly current: () => Settings, private readonly frame: (model: Model, el: HTMLElement) => Frame, private readonly onError: (m: string) => void) {
    this.charts = [this.fanChart, this.programmeChart, this.compareChart, this.differenceChart];
    $('#run-replicates').addEventListener('click', () => this.runFan(this.current(), Number($<HTMLSelectElement>('#replicate-count').value)));
    $('#cancel-replicates').addEventListener('click', () => this.stopFan());
    $('#set-a').addEventListener('click', () => this.setCompare('a', this.current()));
    $('#set-b').addEventListener('click', () => this.setCompare('b', this.current()));
    $('#run-compare').addEventListener('click', () => this.runCompare(Number($<HTMLSelectElement>('#replicate-count').value)));
  }

  /** Re-creates the charts (language, projector, size) and redraws their data. */
  render(): void {
    const fanModel = this.fanBatch?.model ?? this.modelOf(this.current());
    this.fanChart.render(this.frame(fanModel, $('#chart-fan')));
    this.programmeChart.render(this.frame(fanModel, $('#chart-fan'))); // its own box may still be hidden
    const cmpModel = this.a?.model ?? fanModel;
    this.compareChart.render(this.frame(cmpModel, $('#chart-compare')));
    this.differenceChart.render(this.frame(cmpModel, $('#chart-difference')));
    this.labels();
    this.drawFan();
    this.drawCompare();
  }

  labels(): void {
    const n = Number($<HTMLSelectElement>('#replicate-count').value);
    setText($('#run-replicates'), 'runReplicates', n);
    setText($('#run-compare'), 'runCompare', n);
    setText($('#fan-caption'), 'chartFan', this.fanBatch?.wanted ?? n);
    for (const k of ['a', 'b'] as const) {
      const s = this.compareSettings[k];
      $(`#label-${k}`).textContent = s ? describeSettings(s, this.modelOf(s)) : t('notSet');
    }
    $('#fan-settings').textContent = this.fanBatch ? describeSettings(this.fanBatch.settings, this.fanBatch.model) : '';
  }

  private stopFan(): void {
    this.cancelFan?.();
    this.cancelFan = undefined;
    $('#cancel-replicates').hidden = true;
  }

  /** Shows `n` in the replicate-count menu (a lesson may ask for a number it does not list). */
  private showCount(n: number): void {
    const select = $<HTMLSelectElement>('#replicate-count');
    if (![...select.options].some((o) => Number(o.value) === n)) select.add(new Option(String(n), String(n)));
    select.value = String(n);
  }

  runFan(settings: Settings, n: number): void {
    this.stopFan();
    this.showCount(n);
    const model = this.modelOf(settings);
    const batch: Batch = { settings: structuredClone(settings), model, results: [], wanted: n };
    this.fanBatch = batch;
    $('#cancel-replicates').hidden = false;
    this.render();
    const progress = $('#replicate-progress');
    progress.textContent = t('running', 0, n);
    this.cancelFan = this.pool.run(
      settings,
      Array.from({ length: n }, (_, r) => r),
      (r) => {
        batch.results.push(r);
        progress.textContent = t('running', batch.results.length, n);
        if (batch.results.length % 10 === 0) this.drawFan();
      },
      () => {
        progress.textContent = '';
        $('#cancel-replicates').hidden = true;
        this.drawFan();
      },
      this.onError,
    );
  }

  private drawFan(): void {
    const batch = this.fanBatch;
    if (!batch || batch.results.length === 0) return;
    const results = [...batch.results].sort((x, y) => x.replicate - y.replicate);
    const series = results.map((r) => r.series);
    const months = series[0].length / METRIC_COUNT;
    this.fanChart.set('fan', fan(series, M.caseloadEnd, months).map((row) => ({ ...row, date: dateOf(batch.model.startMonth, row.t), setting: '' })));
    const end = series.map((s) => s[(months - 1) * METRIC_COUNT + M.caseloadEnd]);
    const sorted = [...end].sort((x, y) => x - y);
    const m = meanInterval(end);
    const text = $('#fan-text');
    setText(text, 'fanText', fmt(m.mean), fmt(m.lo), fmt(m.hi), fmt(quantile(sorted, 0.025)), fmt(quantile(sorted, 0.975)));
    text.dataset.value = String(m.mean);
    text.dataset.n = String(m.n);
    // programmes: share of entrants off benefit within 12 months, per replicate
    const labels = [...new Set(results.flatMap((r) => r.programmes.filter((p) => p.entrants > 0).map((p) => p.label)))];
    $('#programmes-figure').hidden = labels.length === 0;
    const rows = results.flatMap((r) => r.programmes.filter((p) => p.entrants > 0).map((p) => ({ programme: p.label, share: p.left12 / p.entrants, replicate: r.replicate })));
    this.programmeChart.set('programmes', rows);
    setHtml($('#programmes-text'), html`${labels.map((label) => {
      const own = results.flatMap((r) => r.programmes.filter((p) => p.label === label && p.entrants > 0));
      const shares = own.map((p) => p.left12 / p.entrants).sort((x, y) => x - y);
      const entrants = own.reduce((s, p) => s + p.entrants, 0) / own.length;
      return html`<p class="small">${t('programmeText', policyLabel(label, getLang()), pct(meanInterval(shares).mean), pct(quantile(shares, 0.025)), pct(quantile(shares, 0.975)), fmt(entrants))}</p>`;
    })}`);
  }

  setCompare(which: 'a' | 'b', settings: Settings): void {
    this.compareSettings[which] = structuredClone(settings);
    this.labels();
  }

  /** Runs A and B with A's seed, replicates 0..n-1 each: replicate r of A and of B share their luck. */
  runCompare(n: number): void {
    for (const c of this.cancelCompare) c();
    const { a, b } = this.compareSettings;
    if (!a || !b) return;
    this.showCount(n);
    const seed = a.seed ?? this.modelOf(a).run.seed;
    const sa = { ...a, seed }, sb = { ...b, seed };
    this.a = { settings: sa, model: this.modelOf(sa), results: [], wanted: n };
    this.b = { settings: sb, model: this.modelOf(sb), results: [], wanted: n };
    this.render();
    const progress = $('#compare-progress');
    const update = () => {
      const done = this.a!.results.length + this.b!.results.length;
      progress.textContent = done < 2 * n ? t('running', done, 2 * n) : t('compareSeed', seed);
      if (done % 20 === 0 || done === 2 * n) this.drawCompare();
    };
    const replicates = Array.from({ length: n }, (_, r) => r);
    this.cancelCompare = [this.a, this.b].map((batch) =>
      this.pool.run(batch.settings, replicates, (r) => { batch.results.push(r); update(); }, () => {}, this.onError),
    );
    update();
  }

  private drawCompare(): void {
    const { a, b } = this;
    if (!a || !b || a.results.length === 0 || b.results.length === 0) return;
    const byRep = (x: Batch) => [...x.results].sort((p, q) => p.replicate - q.replicate);
    // pair replicate r with replicate r: only replicates both have finished
    const done = new Set(a.results.map((r) => r.replicate).filter((r) => b.results.some((q) => q.replicate === r)));
    const sa = byRep(a).filter((r) => done.has(r.replicate)).map((r) => r.series);
    const sb = byRep(b).filter((r) => done.has(r.replicate)).map((r) => r.series);
    if (sa.length === 0) return;
    const months = Math.min(sa[0].length, sb[0].length) / METRIC_COUNT;
    const start = a.model.startMonth;
    this.compareChart.set('fan', [
      ...fan(sa, M.caseloadEnd, months).map((row) => ({ ...row, date: dateOf(start, row.t), setting: 'A' })),
      ...fan(sb, M.caseloadEnd, months).map((row) => ({ ...row, date: dateOf(start, row.t), setting: 'B' })),
    ]);
    const diff = pairedDifference(sa, sb, M.caseloadEnd, months);
    this.differenceChart.set('diff', diff.map((d) => ({ date: dateOf(start, d.t), mean: d.mean, lo: d.lo, hi: d.hi })));
    const last = diff[diff.length - 1];
    const text = $('#compare-text');
    setText(text, 'compareText', fmt(last.mean), fmt(last.lo), fmt(last.hi), last.n, fmt(last.unpairedHalf));
    text.dataset.value = String(last.mean);
    text.dataset.n = String(last.n);
  }
}
