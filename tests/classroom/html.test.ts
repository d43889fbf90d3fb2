/**
 * The classroom page builds markup only through the escaping `html` tag: a model or programme
 * label such as `<img src=x onerror=...>` becomes text. And no other page module touches innerHTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { esc, html } from '../../src/classroom/page/html.ts';

const PAGE = fileURLToPath(new URL('../../src/classroom/page/', import.meta.url));

describe('html', () => {
  const evil = '<img src=x onerror="alert(1)">';

  it('escapes every value, in content and in attributes', () => {
    expect(html`<p title="${evil}">${evil}</p>`.markup).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>',
    );
    expect(esc(`a & 'b'`)).toBe('a &amp; &#39;b&#39;');
  });

  it('nests markup built with html (and lists of it) without escaping it twice', () => {
    const items = ['<b>', 'x'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.markup).toBe('<ul><li>&lt;b&gt;</li><li>x</li></ul>');
    expect(html`${undefined}${''}${0}`.markup).toBe('0');
  });

  it('no page module but html.ts assigns innerHTML, outerHTML or insertAdjacentHTML', () => {
    const offenders = readdirSync(PAGE)
      .filter((f) => f.endsWith('.ts') && f !== 'html.ts')
      .filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(join(PAGE, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
