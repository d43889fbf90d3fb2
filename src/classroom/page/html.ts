/**
 * The one way the page builds markup: the `html` tag escapes every value put into it (model and
 * programme labels, lesson texts, translations, numbers), so a label such as
 * `<img src=x onerror=...>` shows as text and never runs. Markup built with `html` can be nested
 * as a value (or a list of values); `setHtml` is the only place that assigns `innerHTML`.
 */

/** Markup that has been through `html` (its values escaped). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const part = (v: unknown): string => (v instanceof Html ? v.markup : Array.isArray(v) ? v.map(part).join('') : v === undefined || v === null || v === false ? '' : esc(v));

/** A template whose values are escaped unless they are `Html` themselves. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Replaces an element's content with markup built by `html`. */
export function setHtml(el: Element, markup: Html): void {
  el.innerHTML = markup.markup;
}
