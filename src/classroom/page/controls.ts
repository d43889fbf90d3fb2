/**
 * The settings panel: the municipality, the economy (a named path or drawn by hand), the policy
 * levers (a switch per policy the model has, sliders for its main numbers, and common policies to
 * add), the town size and the seed. It owns the current `Settings` and reports every change.
 */
import type { Model } from '../../model/schema.ts';
import type { PolicySpec } from '../../policies/registry.ts';
import type { BundledModel } from '../protocol.ts';
import { LEVERS, leverKind, leverRange, yearsOf, type GrowthSetting, type Settings } from '../settings.ts';
import { GrowthEditor } from './growth-editor.ts';
import { fmt, getLang, growthName, nameOf, t, type Key } from './i18n.ts';
import { modelDescription, policyLabel } from '../../report/model-words.ts';
import { html, setHtml, type Html } from './html.ts';

/** The model's description in the page's language; English (marked) when no current Dutch one exists. Escaped. */
function describeModel(model: Model): Html {
  const d = modelDescription(model.name, model.description, getLang());
  return d.translated ? html`${d.text}` : html`<span lang="en">${d.text}</span>`;
}

const GROWTHS: [string, Key][] = [
  ['model', 'growthModel'], ['historical', 'growthHistorical'], ['flat', 'growthFlat'], ['recession', 'growthRecession'],
  ['recovery', 'growthRecovery'], ['boom', 'growthBoom'], ['hand', 'growthHand'],
];
const SCALES = [0.1, 0.25, 0.5, 1, 2, 5, 10];

export class Controls {
  settings: Settings;
  private readonly editor: GrowthEditor;
  /** The growth path the model currently runs with, by calendar year (from the worker). */
  private annual: number[] = [];
  private readonly fittedFile: string | null;

  constructor(private readonly root: HTMLElement, private readonly models: readonly BundledModel[], fittedFile: string | null, private readonly onChange: (s: Settings) => void) {
    this.settings = { model: models.find((m) => m.model.name === 'emmen')?.model.name ?? models[0].model.name };
    this.fittedFile = fittedFile;
    this.editor = new GrowthEditor(this.el('#growth-editor'), (annual) => {
      this.settings = { ...this.settings, growth: { annual } };
      this.changed();
    });
    this.el<HTMLSelectElement>('#model').addEventListener('change', (e) => {
      this.settings = { model: (e.target as HTMLSelectElement).value };
      this.changed();
    });
    this.el<HTMLSelectElement>('#growth').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      this.settings = { ...this.settings, growth: v === 'hand' ? { annual: this.annual.length ? this.annual : [1.5] } : (v as GrowthSetting) };
      this.changed();
    });
    this.el<HTMLSelectElement>('#scale').addEventListener('change', (e) => {
      this.settings = { ...this.settings, scale: Number((e.target as HTMLSelectElement).value) };
      this.changed();
    });
    this.el<HTMLInputElement>('#seed').addEventListener('change', (e) => {
      const v = Math.max(0, Math.min(2 ** 31, Math.round(Number((e.target as HTMLInputElement).value) || 0)));
      this.settings = { ...this.settings, seed: v };
      this.changed();
    });
    this.el('#new-seed').addEventListener('click', () => {
      this.settings = { ...this.settings, seed: this.seed() + 1 };
      this.changed();
    });
    this.el('#no-policy').addEventListener('click', () => {
      const levers = Object.fromEntries(this.model().policies.filter((p) => p.type !== 'cohort').map((p) => [p.type, { on: false }]));
      this.settings = { ...this.settings, levers };
      this.changed();
    });
    this.el('#model-policies').addEventListener('click', () => {
      this.settings = { ...this.settings, levers: {} };
      this.changed();
    });
  }

  private el<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.root.querySelector<T>(sel)!;
  }

  model(): Model {
    return (this.models.find((m) => m.model.name === this.settings.model) ?? this.models[0]).model;
  }

  seed(): number {
    return this.settings.seed ?? this.model().run.seed;
  }

  /** Replaces the settings (a lesson step) and redraws; does not report a change. */
  load(settings: Settings): void {
    this.settings = structuredClone(settings);
    this.render();
  }

  /** The path the worker built, month by month: the editor shows it by calendar year. */
  showGrowth(monthly: readonly number[], startMonth: string): void {
    const model = this.model();
    const offset = Number(startMonth.slice(5, 7)) - 1;
    this.annual = Array.from({ length: yearsOf(model) }, (_, y) => monthly[Math.min(monthly.length - 1, Math.max(0, y * 12 - offset))]);
    this.editor.show(this.annual, Number(startMonth.slice(0, 4)));
  }

  private changed(): void {
    this.render();
    this.onChange(this.settings);
  }

  render(): void {
    const bundled = this.models.find((m) => m.model.name === this.settings.model) ?? this.models[0];
    const model = bundled.model;
    const select = this.el<HTMLSelectElement>('#model');
    setHtml(select, html`${this.models.map((m) => html`<option value="${m.model.name}">${m.model.name[0].toUpperCase()}${m.model.name.slice(1)}</option>`)}`);
    select.value = model.name;
    const applied = Object.keys(bundled.applied).length;
    setHtml(this.el('#model-about'), html`<p>${describeModel(model)}</p><p class="muted">${t('recipients', fmt(model.population.size), model.horizonMonths, model.startMonth)}<br>${applied ? t('calibrated', applied, this.fittedFile ?? '') : t('notCalibrated')}</p>`);

    const growth = this.settings.growth ?? 'model';
    const g = this.el<HTMLSelectElement>('#growth');
    setHtml(g, html`${GROWTHS.map(([v, k]) => html`<option value="${v}">${t(k)}${v === 'model' ? ` (${typeof model.economy.growth === 'string' ? growthName(model.economy.growth) : '…'})` : ''}</option>`)}`);
    g.value = typeof growth === 'string' ? growth : 'hand';

    const scale = this.el<HTMLSelectElement>('#scale');
    setHtml(scale, html`${SCALES.map((s) => html`<option value="${s}">× ${fmt(s, s < 1 ? 2 : 0)} (${fmt(Math.round(model.population.size * s))})</option>`)}`);
    scale.value = String(this.settings.scale ?? 1);
    this.el<HTMLInputElement>('#seed').value = String(this.seed());
    this.renderLevers(model);
  }

  private renderLevers(model: Model): void {
    const host = this.el('#levers');
    host.replaceChildren();
    const present: string[] = [...new Set(model.policies.map((p) => p.type as string))].filter((type) => type !== 'cohort');
    const addable = LEVERS.filter((l) => l.template && !present.includes(l.type)).map((l) => l.type);
    for (const type of [...present, ...addable]) {
      const own = model.policies.find((p) => p.type === type);
      const kind = leverKind(type);
      const lever = this.settings.levers?.[type] ?? {};
      const on = own ? lever.on !== false : lever.on === true;
      const spec = (own ?? kind?.template?.(model.population.size)) as (PolicySpec & Record<string, unknown>) | undefined;
      const box = document.createElement('div');
      box.className = `lever${on ? '' : ' off'}${own ? '' : ' addable'}`;
      box.dataset.type = type;
      const ownLabel = own?.label ? policyLabel(own.label, getLang()) : '';
      const label = ownLabel && ownLabel !== nameOf(type) ? html`<span class="muted"> — ${ownLabel}</span>` : '';
      const checked = on ? html` checked` : '';
      const adding = own ? '' : html` <span class="muted">(${t('addPolicy').toLowerCase()})</span>`;
      setHtml(box, html`<label class="switch"><input type="checkbox"${checked}> ${nameOf(type)}${adding}${label}</label>`);
      box.querySelector('input')!.addEventListener('change', (e) => this.setLever(type, 'on', (e.target as HTMLInputElement).checked));
      if (on && spec) {
        for (const f of kind?.fields ?? []) {
          const current = spec[f.field];
          if (typeof current !== 'number') continue;
          const value = typeof lever[f.field] === 'number' ? (lever[f.field] as number) : current;
          const range = leverRange(f, model.population.size, current);
          const row = document.createElement('label');
          row.className = 'slider';
          setHtml(row, html`<span>${nameOf(f.field)}</span><input type="range" data-field="${f.field}" min="${range.min}" max="${range.max}" step="${range.step}" value="${value}"><output>${show(value, range.step)}</output>`);
          const input = row.querySelector('input')!;
          input.addEventListener('input', () => (row.querySelector('output')!.textContent = show(Number(input.value), range.step)));
          input.addEventListener('change', () => this.setLever(type, f.field, Number(input.value)));
          box.append(row);
        }
      }
      host.append(box);
    }
  }

  private setLever(type: string, field: string, value: number | boolean): void {
    const levers = { ...(this.settings.levers ?? {}) };
    levers[type] = { ...(levers[type] ?? {}), [field]: value };
    this.settings = { ...this.settings, levers };
    this.changed();
  }
}

function show(v: number, step: number): string {
  return step < 1 ? fmt(v, 2) : fmt(v);
}

