/**
 * The class session server (`tsx src/classroom.ts --session`): one HTTP server for the pages, the
 * QR code and the CSV export, and a WebSocket (`ws`) at /ws for everything live. All state is here
 * (state.ts); a page that reloads asks for it again. Every message is parsed at the boundary
 * (protocol.ts); a bad one is refused with a logged reason and never reaches the session.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadModel } from '../../model/load.ts';
import { isLang, type Lang } from '../../report/lang.ts';
import { sessionCsv } from './csv.ts';
import { pageShell, studentView, teacherView, type Reader } from './pages.ts';
import { MAX_MESSAGE_BYTES, parseClientMessage, type ClientMessage } from './protocol.ts';
import { runRound } from './round.ts';
import { choose, groupOf, join, newSession, type SessionState } from './state.ts';
import { sessionWords } from './words.ts';

export interface SessionOptions {
  modelFile: string;
  host: string;
  port: number;
  runs: number;
  seed?: number;
  /** The budget: how many measures a group may choose. */
  maxPolicies: number;
  lang: Lang;
  /** A fixed join code (tests); otherwise a random one. */
  code?: string;
  /** Where log lines go (default: stderr). */
  log?: (line: string) => void;
}

export interface SessionServer {
  state: SessionState;
  port: number;
  /** The address students open (the machine's LAN address when listening on all interfaces). */
  studentUrl: string;
  teacherUrl: string;
  /** Every refused message and error, with its reason. */
  log: string[];
  close(): Promise<void>;
}

/** The first non-internal IPv4 address of this machine, if any. */
export function lanAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

interface Client {
  role: 'teacher' | 'projector' | 'student';
  reader: Reader;
  /** A student's group token once joined; a teacher's page once its key was checked. */
  token?: string;
  isTeacher: boolean;
}

export async function startSession(o: SessionOptions): Promise<SessionServer> {
  const { model } = await loadModel(o.modelFile);
  const state = newSession({ model, modelFile: o.modelFile, runs: o.runs, seed: o.seed ?? model.run.seed, maxPolicies: o.maxPolicies, code: o.code });
  const log: string[] = [];
  const write = o.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const note = (line: string) => {
    log.push(line);
    write(`session: ${line}`);
  };
  const clients = new Map<WebSocket, Client>();
  let studentUrl = '';
  let qrSvg = '';

  const readerOf = (url: URL): Reader => {
    const lang = url.searchParams.get('lang');
    return { lang: isLang(lang) ? lang : o.lang, wording: url.searchParams.get('words') === 'school' ? 'school' : 'standard' };
  };

  const server: Server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://session');
      const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
      const lang = readerOf(url).lang;
      if (req.method !== 'GET') res.writeHead(405).end();
      else if (url.pathname === '/') html(pageShell('student', lang));
      else if (url.pathname === '/teacher') html(pageShell('teacher', lang));
      else if (url.pathname === '/projector') html(pageShell('projector', lang));
      else if (url.pathname === '/qr.svg') res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(qrSvg);
      else if (url.pathname === '/export.csv') {
        if (url.searchParams.get('key') !== state.key) res.writeHead(403, { 'content-type': 'text/plain' }).end('teacher key needed\n');
        else res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="session.csv"' }).end(sessionCsv(state));
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    } catch (e) {
      note(`http error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });

  const wss = new WebSocketServer({ server, path: '/ws', maxPayload: MAX_MESSAGE_BYTES });
  const send = (ws: WebSocket, m: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const viewOf = (c: Client): string | undefined => {
    if (c.isTeacher) return teacherView(state, c.reader, { studentUrl, qrSvg, projector: c.role === 'projector' });
    const g = c.token ? groupOf(state, c.token) : undefined;
    return g ? studentView(state, g, c.reader) : undefined;
  };
  const broadcast = () => {
    for (const [ws, c] of clients) {
      const html = viewOf(c);
      if (html !== undefined) send(ws, { type: 'view', phase: state.phase, html });
    }
  };
  const refuse = (ws: WebSocket, c: Client | undefined, reason: string, text?: string) => {
    note(`refused a message from a ${c?.role ?? 'page'}: ${reason}`);
    send(ws, { type: 'error', text: text ?? reason });
  };

  async function play(economy?: string): Promise<void> {
    state.phase = 'running';
    broadcast();
    const groups = state.groups.map((g) => ({ name: g.name, policies: [...g.policies] }));
    try {
      const results = await runRound({ model, choices: groups.map((g) => g.policies), runs: state.runs, seed: state.seed, growth: economy as SessionState['model']['economy']['growth'] | undefined });
      state.rounds.push({ round: state.round, economy: economy ?? 'played', groups, results });
    } catch (e) {
      note(`the round failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    state.phase = 'results';
    broadcast();
  }

  function handle(ws: WebSocket, c: Client, m: ClientMessage): void {
    const W = sessionWords(c.reader.lang);
    switch (m.type) {
      case 'join': {
        const r = join(state, m.code, m.group);
        if (!r.ok) return refuse(ws, c, r.reason, r.reason === 'badCode' ? W.badCode : W.full);
        c.token = r.value.token;
        send(ws, { type: 'joined', token: r.value.token });
        return broadcast();
      }
      case 'rejoin': {
        if (!groupOf(state, m.token)) {
          note('a page came back with a token this session does not know');
          return send(ws, { type: 'forget' });
        }
        c.token = m.token;
        return broadcast();
      }
      case 'choose': {
        const r = choose(state, m.token, m.policies);
        if (!r.ok) {
          refuse(ws, c, r.reason, r.reason === 'overBudget' ? W.overBudget(state.maxPolicies) : r.reason);
          // the page shows the choice the server kept, not the refused one
          const html = viewOf(c);
          return html === undefined ? undefined : send(ws, { type: 'view', phase: state.phase, html });
        }
        return broadcast();
      }
      default: {
        // the teacher's messages: the key must match
        if (m.key !== state.key) return refuse(ws, c, `${m.type}: wrong teacher key`);
        if (m.type === 'teacher') {
          c.isTeacher = true;
          return broadcast();
        }
        if (m.type === 'start') {
          if (state.phase !== 'choosing' || state.groups.length === 0) return refuse(ws, c, 'start: no round to start');
          void play();
          return;
        }
        if (m.type === 'reveal') {
          if (state.phase !== 'results') return refuse(ws, c, 'reveal: no results yet');
          void play(m.economy);
          return;
        }
        if (m.type === 'next-round') {
          if (state.phase !== 'results') return refuse(ws, c, 'next-round: the round is not over');
          state.round += 1;
          state.phase = 'choosing';
          return broadcast();
        }
      }
    }
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const url = new URL(req.url ?? '/ws', 'http://session');
    const role = url.searchParams.get('role');
    const c: Client = { role: role === 'teacher' || role === 'projector' ? role : 'student', reader: readerOf(url), isTeacher: false };
    clients.set(ws, c);
    ws.on('message', (raw, isBinary) => {
      try {
        const parsed = parseClientMessage(raw, isBinary);
        if (!parsed.ok) return refuse(ws, c, parsed.reason);
        handle(ws, c, parsed.message);
      } catch (e) {
        refuse(ws, c, `error while handling a message: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    ws.on('error', (e) => note(`socket error: ${e.message}`));
    ws.on('close', () => clients.delete(ws));
  });
  wss.on('error', (e) => note(`server error: ${e.message}`));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const host = o.host === '0.0.0.0' || o.host === '::' ? (lanAddress() ?? '127.0.0.1') : o.host;
  studentUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  qrSvg = await QRCode.toString(studentUrl, { type: 'svg', margin: 1 });
  return {
    state, port, studentUrl, log,
    teacherUrl: `${studentUrl}teacher?key=${state.key}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients.keys()) ws.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  };
}
