/**
 * Stopping a run cleanly whichever process of the tree gets the signal.
 *
 * - SIGINT/SIGTERM ask the run to stop between replicates; it then says "interrupted" and exits 130.
 *   A second signal leaves at once, but only a second or more after the first: `tsx` relays the
 *   terminal's Ctrl-C to its child, so one keypress arrives twice within milliseconds.
 * - Under `npx tsx src/run.ts`, a signal sent only to `npx` (or `tsx`) ends that process and leaves
 *   this one running. So the launching processes are watched (Linux, through /proc): when one of
 *   them has gone, the run stops as if interrupted rather than finishing for nobody.
 */
import { readFileSync } from 'node:fs';

/** Parent id and command name of a process (Linux /proc), or undefined elsewhere. */
function procInfo(pid: number): { ppid: number; comm: string; cmdline: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { ppid, comm, cmdline };
  } catch {
    return undefined;
  }
}

/**
 * The launchers above this process worth watching: `tsx` and everything up to `npm exec`/`npx`,
 * never a shell or terminal above them (a run started with `nohup` must survive its terminal).
 */
export function launchers(pid = process.pid): number[] {
  const chain: { pid: number; comm: string; cmdline: string }[] = [];
  let cur = procInfo(pid)?.ppid;
  for (let k = 0; k < 5 && cur !== undefined && cur > 1; k++) {
    const info = procInfo(cur);
    if (!info) break;
    chain.push({ pid: cur, comm: info.comm, cmdline: info.cmdline });
    cur = info.ppid;
  }
  const npm = chain.findIndex((p) => /^(npm|npx)/.test(p.comm) || /\bnpm(-cli)?\.js\b|\bnpx(-cli)?\.js\b/.test(p.cmdline));
  if (npm >= 0) return chain.slice(0, npm + 1).map((p) => p.pid);
  const tsx = chain.findIndex((p) => /\btsx\b/.test(p.cmdline));
  return tsx === 0 ? [chain[0].pid] : [];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StopWatch {
  /** True once a stop was asked for. */
  stopped: () => boolean;
  /** Why (for the message): the signal, or the launcher that ended. */
  reason: () => string;
  /** Removes the handlers and the watch. */
  dispose: () => void;
}

/** Installs the signal handlers and the launcher watch. `onLeave` runs on a second, later signal. */
export function watchForStop(onLeave: () => void, { watchLaunchers = true, pollMs = 500 } = {}): StopWatch {
  let firstAt = 0;
  let why = '';
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstAt === 0) {
      firstAt = now;
      why = signal;
    } else if (now - firstAt >= 1000) onLeave();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const watched = watchLaunchers ? launchers() : [];
  const timer = watched.length
    ? setInterval(() => {
        const gone = watched.find((pid) => !isAlive(pid));
        if (gone !== undefined && firstAt === 0) {
          firstAt = Date.now();
          why = `the launching process ${gone} ended`;
        }
      }, pollMs)
    : undefined;
  timer?.unref();
  return {
    stopped: () => firstAt !== 0,
    reason: () => why,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (timer) clearInterval(timer);
    },
  };
}
