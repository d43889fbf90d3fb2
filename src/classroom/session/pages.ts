/**
 * The session's pages. The shell (`pageShell`) is the same small page for teacher, projector and
 * student: it connects a WebSocket and shows the HTML the server sends. The views are rendered
 * here, on the server, in the reader's language and wording, with every number formatted for the
 * language and also kept raw in `data-*` attributes (so tests compare them with the command line).
 */
import { esc } from '../../report/html.ts';
import { formatNumber, type Lang } from '../../report/lang.ts';
import { hasDutchLabel, policyLabel } from '../../report/model-words.ts';
import type { TownResult } from './round.ts';
import type { Group, Round, SessionState } from './state.ts';
import { POLICY_NAMES, sessionWords, term, type Term, type Wording } from './words.ts';

const STYLE = `
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 0; padding: 16px; color: #111; line-height: 1.4; }
body.projector { font-size: 22px; } h1 { font-size: 1.4em; margin: 0 0 8px; } h2 { font-size: 1.15em; margin: 18px 0 6px; }
.bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; } .status { color: #a33; min-height: 1.2em; }
.code { font-size: 2.2em; font-weight: bold; letter-spacing: 0.15em; } .qr svg { width: 180px; height: 180px; }
table { border-collapse: collapse; } th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; } .towns { overflow-x: auto; } abbr { text-decoration: underline dotted; cursor: help; }
label.policy { display: block; padding: 6px 0; font-size: 1.05em; } button { font-size: 1em; padding: 6px 12px; } .note { color: #555; font-size: 0.85em; }
`;

/** The page every role opens; `role` is teacher, projector or student. */
export function pageShell(role: 'teacher' | 'projector' | 'student', lang: Lang): string {
  const W = sessionWords(lang);
  const join = role === 'student'
    ? `<form id="join" hidden><h1>${esc(W.join)}</h1>
<p><label>${esc(W.code)} <input name="code" autocomplete="off" maxlength="12" required></label></p>
<p><label>${esc(W.group)} <input name="group" autocomplete="off" maxlength="40" required></label></p>
<p><button type="submit">${esc(W.joinButton)}</button></p></form>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(W.title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body data-role="${role}" data-lost="${esc(W.lost)}"${role === 'projector' ? ' class="projector"' : ''}>
<p class="status" id="status" role="status"></p>
${join}
<main id="view"></main>
<script>${CLIENT}</script>
</body></html>`;
}

/** The pages' script: connect, say who we are, show the views the server sends, send clicks and choices; reconnect on loss. */
const CLIENT = `
const params = new URLSearchParams(location.search);
const role = document.body.dataset.role;
const TOKEN = 'uitstroom-session-token';
const view = document.getElementById('view');
const status = document.getElementById('status');
const joinForm = document.getElementById('join');
let ws;
const send = (m) => ws && ws.readyState === 1 && ws.send(JSON.stringify(m));
function wire() {
  for (const b of view.querySelectorAll('[data-action]')) b.onclick = () => {
    const m = { type: b.dataset.action, key: params.get('key') };
    if (b.dataset.action === 'reveal') m.economy = view.querySelector('select[name=economy]').value;
    send(m);
  };
  const boxes = [...view.querySelectorAll('input[name=policy]')];
  for (const box of boxes) box.onchange = () => send({ type: 'choose', token: localStorage.getItem(TOKEN), policies: boxes.filter((x) => x.checked).map((x) => Number(x.value)) });
}
function connect() {
  const q = new URLSearchParams({ lang: document.documentElement.lang, words: params.get('words') || 'standard', role });
  ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?' + q);
  ws.onopen = () => {
    status.textContent = '';
    if (role !== 'student') send({ type: 'teacher', key: params.get('key') || '' });
    else if (localStorage.getItem(TOKEN)) send({ type: 'rejoin', token: localStorage.getItem(TOKEN) });
    else joinForm.hidden = false;
  };
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'joined') { localStorage.setItem(TOKEN, m.token); joinForm.hidden = true; }
    if (m.type === 'forget') { localStorage.removeItem(TOKEN); view.innerHTML = ''; joinForm.hidden = false; }
    if (m.type === 'view') { view.innerHTML = m.html; document.body.dataset.phase = m.phase; wire(); }
    if (m.type !== 'error' && m.type !== 'view') status.textContent = '';
    if (m.type === 'error') status.textContent = m.text;
  };
  ws.onclose = () => { status.textContent = document.body.dataset.lost; setTimeout(connect, 1000); };
}
if (joinForm) joinForm.onsubmit = (e) => { e.preventDefault(); const f = new FormData(joinForm); send({ type: 'join', code: String(f.get('code')), group: String(f.get('group')) }); };
connect();
`;

export interface Reader {
  lang: Lang;
  wording: Wording;
}

const n = (x: number, d: number, lang: Lang) => formatNumber(x, d, lang);
/** A term in the reader's wording: plain words with the exact term as tooltip in school wording. */
function t(r: Reader, what: Term): string {
  const { text, title } = term(r.lang, r.wording, what);
  return title ? `<abbr title="${esc(title)}">${esc(text)}</abbr>` : esc(text);
}

/** A policy of the town in the reader's language (the model file's own label beside it, marked as English). */
export function policyName(s: SessionState, k: number, lang: Lang): string {
  const p = s.model.policies[k];
  const label = p.label ? policyLabel(p.label, lang) : '';
  const marked = label && lang !== 'en' && !hasDutchLabel(p.label!) ? ` lang="en"` : '';
  return `${esc(POLICY_NAMES[lang][p.type] ?? p.type)}${label ? ` <span class="note"${marked}>(${esc(label)})</span>` : ''}`;
}

const choiceText = (s: SessionState, policies: number[], r: Reader) =>
  policies.length === 0 ? esc(sessionWords(r.lang).none) : policies.map((k) => policyName(s, k, r.lang)).join(', ');

/** Caseload at the end per town: a bar from zero to the mean and a line for the 95% range of runs (SVG, zero-based). */
function caseloadBars(groups: { name: string }[], results: TownResult[], r: Reader): string {
  const max = Math.max(1, ...results.map((x) => Math.max(x.caseloadEndHi, x.caseloadStart)));
  const row = 26, left = 150, width = 360;
  const scale = (v: number) => left + (width * v) / max;
  const bars = results.map((x, i) => {
    const y = 10 + i * row;
    return `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="13">${esc(groups[i].name.slice(0, 18))}</text>
<rect x="${left}" y="${y + 3}" width="${scale(x.caseloadEnd) - left}" height="16" fill="#0072B2"/>
<line x1="${scale(x.caseloadEndLo)}" x2="${scale(x.caseloadEndHi)}" y1="${y + 11}" y2="${y + 11}" stroke="#111" stroke-width="2"/>`;
  });
  const start = scale(results[0]?.caseloadStart ?? 0);
  const h = 20 + results.length * row;
  return `<svg class="bars" width="${left + width + 70}" height="${h + 20}" viewBox="0 0 ${left + width + 70} ${h + 20}" style="max-width:100%;height:auto" role="img" aria-label="${esc(term(r.lang, r.wording, 'caseload').text)}">
${bars.join('\n')}
<line x1="${left}" x2="${left}" y1="6" y2="${h}" stroke="#555"/><text x="${left}" y="${h + 14}" font-size="12">0</text>
<line x1="${start}" x2="${start}" y1="6" y2="${h}" stroke="#D55E00" stroke-dasharray="4 3"/><text x="${start}" y="${h + 14}" font-size="12" fill="#D55E00">${esc(sessionWords(r.lang).startOfRun(n(results[0]?.caseloadStart ?? 0, 0, r.lang)))}</text>
</svg>`;
}

/** One round's towns side by side: caseload (with the chance band), exits to work, cost, who is left. */
export function townsTable(s: SessionState, round: Round, r: Reader): string {
  const W = sessionWords(r.lang);
  const heads = round.groups.map((g) => `<th>${esc(g.name)}</th>`).join('');
  const cells = (f: (x: TownResult) => string) => round.results.map((x) => `<td>${f(x)}</td>`).join('');
  const attrs = (x: TownResult) =>
    `data-caseload-end="${x.caseloadEnd}" data-exits-work="${x.exitsWork}" data-total-cost="${x.totalCost}" data-share45="${x.share45PlusEnd}" data-share5y="${x.share5YearsPlusEnd}"`;
  const title = round.economy === 'played' ? W.asPlayed : W.under(W.economyNames[round.economy] ?? round.economy);
  return `<section class="round" data-round="${round.round}" data-economy="${esc(round.economy)}">
<h2>${esc(W.round)} ${round.round}: ${esc(title)}</h2>
<div class="towns"><table><thead><tr><th></th>${heads}</tr></thead><tbody>
<tr><td>${esc(W.policies)}</td>${round.groups.map((g) => `<td>${choiceText(s, g.policies, r)}</td>`).join('')}</tr>
<tr><td>${t(r, 'caseload')}<br><span class="note">${t(r, 'band')}</span></td>${round.results.map((x, i) => `<td class="town" data-group="${esc(round.groups[i].name)}" ${attrs(x)}>${n(x.caseloadEnd, 0, r.lang)}<br><span class="note">${n(x.caseloadEndLo, 0, r.lang)} – ${n(x.caseloadEndHi, 0, r.lang)}</span></td>`).join('')}</tr>
<tr><td>${t(r, 'exitsWork')}</td>${cells((x) => `${n(x.exitsWork, 0, r.lang)}<br><span class="note">${n(x.exitsWorkLo, 0, r.lang)} – ${n(x.exitsWorkHi, 0, r.lang)}</span>`)}</tr>
<tr><td>${t(r, 'cost')}</td>${cells((x) => n(x.totalCost, 1, r.lang))}</tr>
<tr><td>${t(r, 'left')}</td>${cells((x) => `${n(x.share45PlusEnd, 1, r.lang)}% / ${n(x.share5YearsPlusEnd, 1, r.lang)}%`)}</tr>
</tbody></table></div>
${caseloadBars(round.groups, round.results, r)}
<p class="note">${esc(W.axisNote)} ${W.sameSeed(`${s.runs} ${t(r, 'runs')}`, `${t(r, 'seed')} ${s.seed}`, t(r, 'paired'))}</p>
</section>`;
}

function wordingLinks(r: Reader, extra: string): string {
  const W = sessionWords(r.lang);
  const other = r.lang === 'nl' ? 'en' : 'nl';
  const link = (lang: Lang, words: Wording, text: string) => `<a href="?${extra}lang=${lang}&amp;words=${words}">${esc(text)}</a>`;
  return `<p class="bar note">${link(other, r.wording, W.language)} · ${esc(W.wording)}: ${(['standard', 'school'] as const).map((w) => (w === r.wording ? `<b>${esc(W.wordingNames[w])}</b>` : link(r.lang, w, W.wordingNames[w]))).join(' / ')}</p>`;
}

/** The teacher's page (and, with `projector`, the large view for the wall). */
export function teacherView(s: SessionState, r: Reader, o: { studentUrl: string; qrSvg: string; projector: boolean }): string {
  const W = sessionWords(r.lang);
  const keyParam = `key=${s.key}&amp;`;
  const groups = s.groups.length === 0 ? `<p>${esc(W.noGroups)}</p>` : `<table id="groups"><tbody>${s.groups.map((g) => `<tr data-group="${esc(g.name)}"><td>${esc(g.name)}</td><td>${choiceText(s, g.policies, r)}</td></tr>`).join('')}</tbody></table>`;
  const rounds = [...s.rounds].reverse().map((x) => townsTable(s, x, r)).join('\n');
  const controls = o.projector ? '' : `<p class="bar">
<button data-action="start" ${s.phase !== 'choosing' || s.groups.length === 0 ? 'disabled' : ''}>${esc(W.start)}</button>
<select name="economy">${Object.entries(W.economyNames).map(([k, v]) => `<option value="${k}">${esc(v)}</option>`).join('')}</select>
<button data-action="reveal" ${s.phase !== 'results' ? 'disabled' : ''}>${esc(W.reveal)}</button>
<button data-action="next-round" ${s.phase !== 'results' ? 'disabled' : ''}>${esc(W.nextRound)}</button>
<a href="/export.csv?key=${s.key}" download="session.csv">${esc(W.export)}</a>
<a href="/projector?${keyParam}lang=${r.lang}&amp;words=${r.wording}" target="_blank">${esc(W.projector)}</a></p>`;
  return `<header class="bar"><div><h1>${esc(W.title)}: ${esc(s.model.name)}</h1>
<p>${esc(W.address)} <a id="address" href="${esc(o.studentUrl)}">${esc(o.studentUrl)}</a></p>
<p>${esc(W.joinCode)}: <span class="code" id="code">${esc(s.code)}</span></p>
<p>${esc(W.round)} ${s.round} · <span id="phase" data-phase="${s.phase}">${esc(W.phases[s.phase] ?? s.phase)}</span> · ${esc(W.budget(s.maxPolicies))}</p></div>
<div class="qr" id="qr">${o.qrSvg}</div></header>
${wordingLinks(r, keyParam)}
${controls}
<h2>${esc(W.groups)} (${s.groups.length})</h2>
${groups}
${rounds}`;
}

/** A group's page: its town, the budget, the menu of policies, then its results. */
export function studentView(s: SessionState, g: Group, r: Reader): string {
  const W = sessionWords(r.lang);
  const menu = s.model.policies.map((_, k) => `<label class="policy"><input type="checkbox" name="policy" value="${k}" ${g.policies.includes(k) ? 'checked' : ''} ${s.phase === 'choosing' ? '' : 'disabled'}> ${policyName(s, k, r.lang)}</label>`).join('\n');
  const phase = s.phase === 'choosing' ? W.waiting : s.phase === 'running' ? W.running : '';
  const mine = [...s.rounds].reverse().map((x) => {
    const i = x.groups.findIndex((y) => y.name === g.name);
    return i < 0 ? '' : townsTable(s, { ...x, groups: [x.groups[i]], results: [x.results[i]] }, r);
  }).join('\n');
  return `<h1>${esc(W.joined)} <span id="group-name">${esc(g.name)}</span></h1>
${wordingLinks(r, '')}
<h2>${esc(W.town)}: ${esc(s.model.name)}</h2>
<p>${esc(W.budget(s.maxPolicies))}</p>
<h2>${esc(W.choose)}</h2>
<form id="menu">${menu}</form>
<p id="phase-note">${esc(phase)}</p>
${mine ? `<h2>${esc(W.results)}</h2>${mine}` : ''}`;
}
