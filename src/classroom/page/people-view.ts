/**
 * A dot per followed person, in order of arrival (the starting caseload first, then applicants as
 * they come), coloured by what they are doing now. Hovering a dot shows the person's age, years on
 * benefit, motivation and skills.
 */
import { PERSON_STATUSES, type PeopleSnapshot } from '../protocol.ts';
import { fmt, t, type Key } from './i18n.ts';
import { html, setHtml } from './html.ts';

export const STATUS_COLOURS = ['#1f5fa8', '#8c6bb1', '#e07b39', '#7fc97f', '#1b7837', '#c7c7c7', '#e4e4e4'];

export class PeopleView {
  private people: PeopleSnapshot | undefined;
  private readonly canvas: HTMLCanvasElement;
  private readonly tip: HTMLDivElement;
  private readonly legend: HTMLDivElement;
  private cell = 8;
  private cols = 1;

  constructor(private readonly host: HTMLElement, private readonly caption: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'people';
    this.tip = document.createElement('div');
    this.tip.className = 'tooltip';
    this.tip.hidden = true;
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    host.append(this.canvas, this.legend, this.tip);
    this.canvas.addEventListener('pointermove', (e) => this.hover(e));
    this.canvas.addEventListener('pointerleave', () => (this.tip.hidden = true));
  }

  show(people: PeopleSnapshot | undefined): void {
    this.people = people;
    this.draw();
  }

  /** Redraws at the host's current width (also after a language or projector switch). */
  draw(): void {
    const p = this.people;
    const width = Math.max(200, this.host.clientWidth);
    const height = Math.round(width * 0.55);
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== width * ratio || this.canvas.height !== height * ratio) {
      this.canvas.width = width * ratio;
      this.canvas.height = height * ratio;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!p) return;
    const n = p.status.length;
    // the largest cell that fits n dots (and room for the applicants still to come)
    const room = Math.max(n, 1) * 1.1;
    this.cell = Math.max(3, Math.floor(Math.sqrt((width * height) / room)));
    this.cols = Math.max(1, Math.floor(width / this.cell));
    const r = Math.max(1, this.cell * 0.38);
    const counts = new Array<number>(PERSON_STATUSES.length).fill(0);
    for (let i = 0; i < n; i++) {
      const s = p.status[i];
      counts[s]++;
      ctx.fillStyle = STATUS_COLOURS[s];
      ctx.beginPath();
      ctx.arc((i % this.cols) * this.cell + this.cell / 2, Math.floor(i / this.cols) * this.cell + this.cell / 2, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    this.caption.textContent = t('chartPeople', fmt(p.every));
    setHtml(this.legend, html`${PERSON_STATUSES.map(
      (s, k) => html`<span><i style="background:${STATUS_COLOURS[k]}"></i>${t(`status_${s}` as Key)} <b>${fmt(counts[k])}</b></span>`,
    )}`);
  }

  private hover(e: PointerEvent): void {
    const p = this.people;
    if (!p) return;
    const box = this.canvas.getBoundingClientRect();
    const x = e.clientX - box.left, y = e.clientY - box.top;
    const i = Math.floor(y / this.cell) * this.cols + Math.floor(x / this.cell);
    if (x >= this.cols * this.cell || i < 0 || i >= p.status.length) {
      this.tip.hidden = true;
      return;
    }
    const prog = p.programme[i] >= 0 ? html`<br>${t('programme')}: ${p.programmes[p.programme[i]]}` : '';
    setHtml(this.tip, html`${[
      html`<b>${t(`status_${PERSON_STATUSES[p.status[i]]}` as Key)}</b>`,
      html`<br>${t('age')}: ${fmt(p.age[i])}<br>${t('years')}: ${fmt(p.yearsOnBenefit[i], 1)}`,
      html`<br>${t('motivationPerson')}: ${fmt(p.motivation[i], 2)}<br>${t('skills')}: ${fmt(p.skills[i], 2)}`,
      html`<br>${t('spells')}: ${p.spells[i]}${prog}`,
    ]}`);
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(x + 12, box.width - 180)}px`;
    this.tip.style.top = `${y + 12}px`;
  }
}
