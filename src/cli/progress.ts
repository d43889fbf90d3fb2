/**
 * Progress on stderr: a bar redrawn in place on a terminal; on a non-terminal (CI, a log file)
 * a plain line every few seconds. Silent when quiet.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function createProgress(label: string, opts: { quiet: boolean; stream?: NodeJS.WriteStream; intervalMs?: number }): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet) return { update: () => undefined, finish: () => undefined };
  const started = Date.now();
  const interval = opts.intervalMs ?? 5000;
  let lastLine = 0;
  let lastDraw = 0;
  const eta = (done: number, total: number) => {
    const elapsed = (Date.now() - started) / 1000;
    const rest = done > 0 ? (elapsed / done) * (total - done) : NaN;
    return `${elapsed.toFixed(1)} s elapsed${Number.isFinite(rest) && done < total ? `, ~${rest.toFixed(0)} s left` : ''}`;
  };
  if (stream.isTTY) {
    return {
      update(done, total) {
        const now = Date.now();
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round((width * done) / total);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} replicates, ${eta(done, total)}   `);
      },
      finish: () => stream.write('\n'),
    };
  }
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - lastLine < interval) return;
      lastLine = now;
      stream.write(`${label}: ${done}/${total} replicates (${Math.floor((100 * done) / total)}%), ${eta(done, total)}\n`);
    },
    finish: () => undefined,
  };
}
