/**
 * The economy drawn by hand: one bar of annual GDP growth per calendar year of the run. Dragging a
 * bar sets its value (in steps of 0.1 point, between -6 and +6) and reports the whole path.
 */
import { html, setHtml, type Html } from './html.ts';
const SVG = 'http://www.w3.org/2000/svg';
const RANGE = 6;

export class GrowthEditor {
  private values: number[] = [];
  private firstYear = 2015;
  private readonly svg: SVGSVGElement;

  constructor(host: HTMLElement, private readonly onDraw: (annual: number[]) => void) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'growth-editor');
    this.svg.setAttribute('viewBox', '0 0 300 120');
    host.append(this.svg);
    let dragging = -1;
    const valueAt = (e: PointerEvent) => {
      const box = this.svg.getBoundingClientRect();
      const y = ((e.clientY - box.top) / box.height) * 120;
      return Math.round(Math.max(-RANGE, Math.min(RANGE, ((60 - y) / 50) * RANGE)) * 10) / 10;
    };
    const barAt = (e: PointerEvent) => {
      const box = this.svg.getBoundingClientRect();
      const x = ((e.clientX - box.left) / box.width) * 300;
      return Math.max(0, Math.min(this.values.length - 1, Math.floor((x - 30) / ((300 - 30) / this.values.length))));
    };
    this.svg.addEventListener('pointerdown', (e) => {
      if (this.values.length === 0) return;
      dragging = barAt(e);
      this.svg.setPointerCapture(e.pointerId);
      this.values[dragging] = valueAt(e);
      this.draw();
    });
    this.svg.addEventListener('pointermove', (e) => {
      if (dragging < 0) return;
      const b = barAt(e);
      this.values[b] = valueAt(e);
      this.draw();
    });
    const end = () => {
      if (dragging < 0) return;
      dragging = -1;
      this.onDraw([...this.values]);
    };
    this.svg.addEventListener('pointerup', end);
    this.svg.addEventListener('pointercancel', end);
  }

  /** Shows a path: annual growth per year of the run, starting in `firstYear`. */
  show(values: readonly number[], firstYear: number): void {
    this.values = values.map((v) => Math.round(v * 10) / 10);
    this.firstYear = firstYear;
    this.draw();
  }

  private draw(): void {
    const n = this.values.length;
    const w = (300 - 30) / Math.max(1, n);
    const y = (v: number) => 60 - (Math.max(-RANGE, Math.min(RANGE, v)) / RANGE) * 50;
    const parts: Html[] = [
      html`<line x1="30" x2="300" y1="60" y2="60" stroke="#888"/>`,
      ...[-4, -2, 2, 4].map((v) => html`<line x1="30" x2="300" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="26" y="${y(v) + 3}" text-anchor="end" font-size="8" fill="#777">${v}</text>`),
      html`<text x="26" y="63" text-anchor="end" font-size="8" fill="#777">0</text>`,
    ];
    this.values.forEach((v, k) => {
      const x0 = 30 + k * w + w * 0.15;
      const top = Math.min(y(v), 60), h = Math.abs(y(v) - 60);
      parts.push(
        html`<rect x="${x0}" y="${top}" width="${w * 0.7}" height="${Math.max(1, h)}" fill="${v < 0 ? '#d1495b' : '#2e8b57'}"><title>${this.firstYear + k}: ${v}%</title></rect>`,
        html`<text x="${x0 + w * 0.35}" y="${v >= 0 ? top - 2 : top + h + 8}" text-anchor="middle" font-size="8">${v}</text>`,
        n <= 12 || k % 2 === 0 ? html`<text x="${x0 + w * 0.35}" y="118" text-anchor="middle" font-size="8" fill="#555">${this.firstYear + k}</text>` : html``,
      );
    });
    setHtml(this.svg, html`${parts}`);
  }
}
