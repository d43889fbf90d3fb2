/**
 * A class session as a class runs it, in one headless Chromium: the teacher's page and 8 student
 * pages (separate browser contexts, like separate phones), all over the machine's LAN address. Each
 * group joins with the code and picks a different policy set; one student reloads and stays in their
 * group; 200 malformed messages leave the server up; the round runs and the teacher's view shows 8
 * towns whose numbers equal the command line's (`tsx src/run.ts` on the round's model file, same
 * runs and seed); the reveal reruns the same choices under a recession; the CSV has every town.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { roundModelSource, scenarioOf } from '../../../src/classroom/session/round.ts';
import { lanAddress, startSession, type SessionServer } from '../../../src/classroom/session/server.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../../report/setup-chromium.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const RUNS = 3;
/** Eight different policy sets of Emmen's four policies, none over the budget of two. */
const CHOICES = [[], [0], [1], [2], [3], [0, 1], [0, 2], [1, 3]];

let server: SessionServer;
let browser: Browser;
let teacher: Page;
const students: { context: BrowserContext; page: Page; name: string }[] = [];
const base = mkdtempSync(join(tmpdir(), 'uitstroom-session-'));

beforeAll(async () => {
  const executablePath = ensureChromium();
  server = await startSession({ modelFile: join(ROOT, 'models/emmen.ts'), host: '0.0.0.0', port: 0, runs: RUNS, maxPolicies: 2, lang: 'en', log: () => undefined });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

const townsOf = (page: Page, economy: string) =>
  page.locator(`.round[data-economy="${economy}"] td.town`).evaluateAll((tds) =>
    tds.map((td) => ({ group: td.getAttribute('data-group'), caseloadEnd: Number(td.getAttribute('data-caseload-end')), exitsWork: Number(td.getAttribute('data-exits-work')), totalCost: Number(td.getAttribute('data-total-cost')) })),
  );

describe('a class session with a teacher and 8 groups', () => {
  it('listens on the LAN address, and the teacher page shows the join code, the QR code and that address', async () => {
    const lan = lanAddress();
    if (lan) expect(server.studentUrl).toBe(`http://${lan}:${server.port}/`);
    teacher = await (await browser.newContext()).newPage();
    await teacher.goto(server.teacherUrl);
    await expect.poll(() => teacher.locator('#code').textContent()).toBe(server.state.code);
    expect(await teacher.locator('#address').textContent()).toBe(server.studentUrl);
    expect(await teacher.locator('#qr svg path').count()).toBeGreaterThan(0);
  });

  it('8 groups join from their own browsers with the code and choose different policies', async () => {
    const code = (await teacher.locator('#code').textContent())!;
    for (let i = 0; i < 8; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const name = `Group ${i + 1}`;
      await page.goto(server.studentUrl);
      await page.fill('input[name=code]', code.toLowerCase());
      await page.fill('input[name=group]', name);
      await page.click('button[type=submit]');
      await expect.poll(() => page.locator('#group-name').textContent()).toBe(name);
      for (const k of CHOICES[i]) {
        await page.check(`input[name=policy][value="${k}"]`);
        await expect.poll(() => server.state.groups.find((g) => g.name === name)?.policies.includes(k)).toBe(true);
      }
      students.push({ context, page, name });
    }
    expect(server.state.groups.map((g) => g.policies)).toEqual(CHOICES);
    await expect.poll(() => teacher.locator('#groups tr').count()).toBe(8);
  });

  it('a third policy is over the budget and refused', async () => {
    const s = students[7];
    await s.page.check('input[name=policy][value="0"]');
    await expect.poll(() => s.page.locator('#status').textContent()).toContain('Over budget');
    await expect.poll(() => s.page.locator('input[name=policy][value="0"]').isChecked()).toBe(false);
    expect(server.state.groups[7].policies).toEqual(CHOICES[7]);
  });

  it('a student who reloads stays in their group, with their choice', async () => {
    const s = students[5];
    await s.page.reload();
    await expect.poll(() => s.page.locator('#group-name').textContent()).toBe(s.name);
    expect(await s.page.locator('input[name=policy]:checked').evaluateAll((xs) => xs.map((x) => Number((x as HTMLInputElement).value)))).toEqual(CHOICES[5]);
    expect(server.state.groups).toHaveLength(8);
  });

  it('200 malformed or hostile messages are refused with a reason, and the server stays up', async () => {
    const before = server.log.length;
    const ws = new WebSocket(`ws://${new URL(server.studentUrl).host}/ws`);
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const bad: (string | Buffer)[] = [
      'not json', '{', '[]', 'null', '42', '"join"', '{"type":"nope"}', '{"type":"join"}', '{"type":"join","code":"X","group":""}',
      '{"type":"join","code":"WRONG1","group":"Intruders"}', '{"type":"choose","token":"0123","policies":[1]}', '{"type":"choose","token":"00000000000000000000000000000000","policies":[1]}',
      '{"type":"start","key":"00000000000000000000000000000000"}', '{"type":"reveal","key":"x","economy":"boom"}', '{"__proto__":{"polluted":1},"type":"teacher","key":"x"}',
      '{"type":"join","code":"A","group":"<script>alert(1)</script>"}', `{"type":"choose","token":"${'a'.repeat(32)}","policies":[-1,1e9]}`, Buffer.from([0, 1, 2, 3]),
    ];
    for (let i = 0; i < 200; i++) ws.send(bad[i % bad.length]);
    await expect.poll(() => server.log.length - before, { timeout: 20_000 }).toBeGreaterThanOrEqual(200);
    ws.close();
    // a message over the size limit closes that socket, and only that one
    const big = new WebSocket(`ws://${new URL(server.studentUrl).host}/ws`);
    await new Promise((resolve) => big.once('open', resolve));
    big.send('x'.repeat(100_000));
    await new Promise((resolve) => big.once('close', resolve));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(server.state.groups).toHaveLength(8);
    expect(server.state.groups.some((g) => g.name.includes('<'))).toBe(false);
    const res = await fetch(server.studentUrl);
    expect(res.status).toBe(200);
  });

  it('the round runs, and the teacher sees 8 towns whose numbers equal the command line for the same settings and seed', async () => {
    await teacher.click('button[data-action=start]');
    await expect.poll(() => teacher.locator('.round[data-economy="played"] td.town').count(), { timeout: 120_000 }).toBe(8);
    const towns = await townsOf(teacher, 'played');
    expect(towns.map((t) => t.group)).toEqual(students.map((s) => s.name));
    // the command line on the round's model file (beside a copy of fitted.json, as models/ has)
    const dir = mkdtempSync(join(base, 'cli-'));
    copyFileSync(join(ROOT, 'models/fitted.json'), join(dir, 'fitted.json'));
    writeFileSync(join(dir, 'emmen.ts'), roundModelSource(join(ROOT, 'models/emmen.ts'), { choices: CHOICES }));
    execFileSync('npx', ['tsx', 'src/run.ts', join(dir, 'emmen.ts'), '--runs', String(RUNS), '--seed', String(server.state.seed), '--workers', '1', '--out', join(dir, 'run'), '--quiet', '--no-charts'], { cwd: ROOT, stdio: 'pipe' });
    const summary = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8'));
    towns.forEach((t, i) => {
      const s = summary.scenarios[scenarioOf(i)];
      expect(t.caseloadEnd, t.group!).toBe(s.caseloadEnd.mean);
      expect(t.exitsWork, t.group!).toBe(s.exitsWork.mean);
      expect(t.totalCost, t.group!).toBe(s.totalCost.mean);
    });
    // different choices, different towns
    expect(new Set(towns.map((t) => t.totalCost)).size).toBeGreaterThan(4);
    // each student sees their own town
    await expect.poll(() => students[2].page.locator('.round td.town').count()).toBe(1);
    expect(await students[2].page.locator('.round td.town').getAttribute('data-caseload-end')).toBe(String(towns[2].caseloadEnd));
  });

  it('the reveal reruns the same choices under a recession; the CSV has every town of both', async () => {
    await teacher.selectOption('select[name=economy]', 'recession');
    await teacher.click('button[data-action=reveal]');
    await expect.poll(() => teacher.locator('.round[data-economy="recession"] td.town').count(), { timeout: 120_000 }).toBe(8);
    const played = await townsOf(teacher, 'played');
    const recession = await townsOf(teacher, 'recession');
    expect(recession.every((t, i) => t.caseloadEnd > played[i].caseloadEnd)).toBe(true);
    const csv = await (await fetch(`${server.studentUrl}export.csv?key=${server.state.key}`)).text();
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 16);
    expect(lines[1]).toMatch(/^1,played,Group 1,none,emmen,3,/);
    expect((await fetch(`${server.studentUrl}export.csv`)).status).toBe(403);
  });

  it('the projector shows every town large; a reloaded teacher page finds the session as it was', async () => {
    const projector = await (await browser.newContext()).newPage();
    await projector.goto(server.teacherUrl.replace('/teacher?', '/projector?'));
    await expect.poll(() => projector.locator('.round td.town').count()).toBe(16);
    expect(await projector.locator('body.projector').count()).toBe(1);
    expect(await projector.locator('button[data-action=start]').count()).toBe(0);
    await teacher.reload();
    await expect.poll(() => teacher.locator('.round td.town').count()).toBe(16);
  });

  it('rounds repeat: the next round opens the choices again', async () => {
    await teacher.click('button[data-action=next-round]');
    await expect.poll(() => students[0].page.locator('input[name=policy][value="3"]').isEnabled()).toBe(true);
    expect(server.state.round).toBe(2);
  });

  it('school wording: plain words, with the exact term in a tooltip', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.teacherUrl}&words=school&lang=nl`);
    await expect.poll(() => page.locator('abbr[title="startgetal (seed)"]').count()).toBeGreaterThan(0);
    expect(await page.locator('abbr[title="startgetal (seed)"]').first().textContent()).toBe('startworp van de dobbelsteen');
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/replicat|seed|gepaard|interval/i);
  });
});
