/**
 * How every command ends: one line on stderr, never a stack trace for something the user can fix,
 * and a documented exit code. 2: bad input (flags, files, output paths); 1: a replicate or the
 * file system failed (disk full...); 130: interrupted.
 */
import { InputError } from '../model/validate.ts';

/** A file system error (ENOSPC, EACCES, EROFS...) as one line: what, where, why. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** One-line text of any error (the stack only for a programming error, with `--debug`-style env). */
export function describeError(e: unknown): { code: number; text: string } {
  if (e instanceof InputError) return { code: 2, text: e.message };
  if (isSystemError(e)) return { code: 1, text: e.message.split('\n')[0] };
  const text = e instanceof Error ? e.message.split('\n')[0] : String(e);
  const stack = process.env.UITSTROOM_DEBUG && e instanceof Error ? `\n${e.stack}` : '';
  return { code: 1, text: `${text} (an internal error; set UITSTROOM_DEBUG=1 for the stack trace)${stack}` };
}

/** Prints `error: ...` for a failed command and exits with its code. */
export function exitWithError(e: unknown): never {
  const { code, text } = describeError(e);
  process.stderr.write(`error: ${text}\n`);
  process.exit(code);
}

/**
 * Runs a command's `main` to its exit code. If the event loop empties while `main` is still
 * pending (a model file whose top level never settles), says so and exits 2 instead of exiting 0
 * having done nothing. `stage()` names what was going on.
 */
export function runCommand(main: () => Promise<number>, stage: () => string): void {
  let settled = false;
  process.on('beforeExit', () => {
    if (settled) return;
    process.stderr.write(`error: ${stage()}: it never finished (a top-level await that never settles?); nothing was run.\n`);
    process.exit(2);
  });
  main().then(
    (code) => {
      settled = true;
      process.exit(code);
    },
    (e: unknown) => {
      settled = true;
      exitWithError(e);
    },
  );
}
