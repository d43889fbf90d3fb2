/**
 * The page's workers: one for the live replicate, and a pool for whole replicates. Workers start
 * from a blob URL of the bundled worker code, which also works when the page is opened from disk.
 * A pool job hands out one replicate at a time to whichever worker is free, so a job can be
 * cancelled between replicates and a slow replicate never holds up the others.
 */
import { WORKER_SOURCE } from 'virtual:classroom-page';
import type { FromWorker, ProgrammeOutcome, ToWorker } from '../protocol.ts';
import type { Settings } from '../settings.ts';

let blobUrl: string | undefined;

export function startWorker(onMessage: (msg: FromWorker) => void, onError: (message: string) => void): Worker {
  blobUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const w = new Worker(blobUrl);
  w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  w.onerror = (e) => onError(e.message);
  return w;
}

export function send(w: Worker, msg: ToWorker): void {
  w.postMessage(msg);
}

export interface ReplicateResult {
  replicate: number;
  series: Float64Array;
  programmes: ProgrammeOutcome[];
}

interface Job {
  id: number;
  settings: Settings;
  queue: number[];
  inFlight: number;
  onResult: (r: ReplicateResult) => void;
  onDone: () => void;
  onError: (message: string) => void;
}

export class Pool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly jobs: Job[] = [];
  private nextId = 1;

  constructor(size: number, onError: (message: string) => void) {
    for (let k = 0; k < size; k++) {
      const w = startWorker((msg) => this.receive(w, msg), onError);
      this.workers.push(w);
    }
  }

  /** Runs `replicates` of `settings`; returns a function that cancels what has not started. */
  run(settings: Settings, replicates: number[], onResult: Job['onResult'], onDone: Job['onDone'], onError: Job['onError']): () => void {
    const job: Job = { id: this.nextId++, settings, queue: [...replicates], inFlight: 0, onResult, onDone, onError };
    this.jobs.push(job);
    this.dispatch();
    return () => {
      job.queue.length = 0;
      job.onResult = () => {};
      job.onDone = () => {};
      job.onError = () => {};
      const i = this.jobs.indexOf(job);
      if (i >= 0) this.jobs.splice(i, 1);
    };
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (this.busy.has(w)) continue;
      const job = this.jobs.find((j) => j.queue.length > 0);
      if (!job) return;
      const r = job.queue.shift()!;
      job.inFlight++;
      this.busy.set(w, job);
      send(w, { kind: 'replicates', id: job.id, settings: job.settings, replicates: [r] });
    }
  }

  private receive(w: Worker, msg: FromWorker): void {
    const job = this.busy.get(w);
    if (!job || !('id' in msg) || msg.id !== job.id) return;
    this.busy.delete(w);
    job.inFlight--;
    if (msg.kind === 'replicate') job.onResult({ replicate: msg.replicate, series: msg.series, programmes: msg.programmes });
    if (msg.kind === 'error') {
      job.queue.length = 0;
      job.onError(msg.message);
    }
    if (job.queue.length === 0 && job.inFlight === 0) {
      const i = this.jobs.indexOf(job);
      if (i >= 0) this.jobs.splice(i, 1);
      if (msg.kind !== 'error') job.onDone();
    }
    this.dispatch();
  }
}
