/**
 * `tsx src/classroom.ts [--port P] [--build DIR]`: the classroom page; with `--session`, a class
 * session server (session/server.ts) instead. Builds it (the project's
 * engine and model files for a Web Worker, the page, the lessons), then serves it locally and
 * prints the URL, or with `--build` writes the static files and exits.
 *
 * Exit codes: 0 done (or stopped with Ctrl-C while serving); 1 the build failed; 2 bad flags, output
 * folder or lesson file.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildClassroom, writeClassroom } from './classroom/build.ts';
import { classroomMsg as msg } from './classroom/messages.ts';
import { serveClassroom } from './classroom/serve.ts';
import { startSession } from './classroom/session/server.ts';
import { isLang, langFromEnv } from './report/lang.ts';
import { checkOutFolder } from './output/out-folder.ts';
import { InputError } from './model/validate.ts';
import { runCommand } from './cli/exit.ts';

async function main(argv: string[]): Promise<number> {
  let values: { port?: string; build?: string; help?: boolean; session?: boolean; host?: string; model?: string; runs?: string; seed?: string; budget?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' }, build: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        session: { type: 'boolean' }, host: { type: 'string' }, model: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, budget: { type: 'string' }, lang: { type: 'string' },
      },
      strict: true, allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n${msg.usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(msg.help + '\n');
    return 0;
  }
  const port = values.port === undefined ? 8080 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`error: ${msg.badPort(values.port ?? '')}\n`);
    return 2;
  }
  if (values.session) return session(values, port);
  if (values.build !== undefined) {
    try {
      checkOutFolder('--build', values.build); // before the build, and never the current folder by accident
    } catch (e) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return 2;
    }
  }
  process.stdout.write(msg.building + '\n');
  const started = performance.now();
  let files;
  try {
    files = await buildClassroom();
  } catch (e) {
    // a lesson file with a mistake is bad input (exit 2); anything else is a failed build (exit 1)
    process.stderr.write(`error: ${msg.buildFailed(e instanceof Error ? e.message : String(e))}\n`);
    return e instanceof InputError ? 2 : 1;
  }
  process.stdout.write(msg.built(files.map((f) => ({ name: f.name, bytes: f.contents.byteLength })), (performance.now() - started) / 1000) + '\n');
  if (values.build !== undefined) {
    const dir = resolve(values.build);
    try {
      writeClassroom(files, dir);
    } catch (e) {
      process.stderr.write(`error: option --build ${values.build}: could not write the page: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
      return 1;
    }
    process.stdout.write(msg.wrote(dir) + '\n');
    return 0;
  }
  try {
    const { port: actual } = await serveClassroom(files, port);
    process.stdout.write(msg.serving(`http://localhost:${actual}/`) + '\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(msg.portInUse(port) + '\n');
      return 2;
    }
    throw e;
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  return 0;
}

/** `--session`: the class session server, until Ctrl-C. */
async function session(values: { host?: string; model?: string; runs?: string; seed?: string; budget?: string; lang?: string }, port: number): Promise<number> {
  const count = (raw: string | undefined, fallback: number, min: number, max: number, flag: string) => {
    if (raw === undefined) return fallback;
    const x = Number(raw);
    if (!Number.isInteger(x) || x < min || x > max) throw new Error(msg.badCount(flag, min, max, raw));
    return x;
  };
  let server;
  try {
    if (values.lang !== undefined && !isLang(values.lang)) throw new Error(msg.badLang(values.lang));
    server = await startSession({
      modelFile: values.model ?? 'models/emmen.ts', host: values.host ?? '127.0.0.1', port,
      runs: count(values.runs, 8, 1, 200, 'runs'), seed: values.seed === undefined ? undefined : count(values.seed, 0, 0, 2 ** 31, 'seed'),
      maxPolicies: count(values.budget, 2, 0, 20, 'budget'), lang: (values.lang as 'nl' | 'en' | undefined) ?? langFromEnv(),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') process.stderr.write(msg.portInUse(port) + '\n');
    else process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stdout.write(msg.session(server.studentUrl, server.state.code, server.teacherUrl) + '\n');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}

runCommand(() => main(process.argv.slice(2)), () => 'building the classroom page');
