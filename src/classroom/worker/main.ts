/**
 * The classroom's Web Worker: the project's own engine (`createSim` + `step`, as
 * `simulateReplicate` runs them) on the project's own model files. It answers the page's messages
 * (`../protocol.ts`): the live replicate a month at a time, or whole replicates for the pool.
 */
import { givePopulationBack } from '../../agents/columns.ts';
import { createSim, AS_IS, type Sim } from '../../engine/sim.ts';
import { step } from '../../engine/step.ts';
import { METRIC_COUNT } from '../../engine/metrics.ts';
import { simulateReplicate } from '../../engine/simulate.ts';
import type { Model } from '../../model/schema.ts';
import type { ProgrammeOutcomes } from '../../policies/programme.ts';
import type { Settings } from '../settings.ts';
import type { FromWorker, ProgrammeOutcome, ProgrammeSoFar, ToWorker } from '../protocol.ts';
import { FITTED_FILE, loadBundledModels, modelFor } from './models.ts';
import { Tracker } from './tracker.ts';

/** The worker side of postMessage (typed here: the project compiles against the DOM library). */
interface Port {
  postMessage(message: FromWorker, options?: { transfer?: Transferable[] }): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const port = self as unknown as Port;

const { models, problems } = loadBundledModels();

/** The live replicate. */
let live: { id: number; sim: Sim; series: Float64Array; t: number; tracker?: Tracker } | undefined;

/** Validated models by settings, so the pool's replicates of one job share one validation. */
const prepared = new Map<string, { model: Model; seed: number }>();
function modelOf(settings: Settings): { model: Model; seed: number } {
  const key = JSON.stringify(settings);
  let m = prepared.get(key);
  if (!m) {
    m = modelFor(models, settings);
    if (prepared.size > 16) prepared.clear();
    prepared.set(key, m);
  }
  return m;
}

function programmesSoFar(sim: Sim): ProgrammeSoFar[] {
  return sim.policies.flatMap((p) =>
    (p.programmes ?? []).map((g) => ({
      label: g.label,
      type: p.type,
      participants: g.participants(),
      entrants: sum(g.outcomes.entrants),
      exitsWork: sum(g.outcomes.exitsWork),
      exitsOther: sum(g.outcomes.exitsOther),
    })),
  );
}

/** Share of a programme's entrants who left benefit within 12 months of starting, summed over cohorts. */
function outcomeOf(label: string, o: ProgrammeOutcomes): ProgrammeOutcome {
  let entrants = 0, left12 = 0, work12 = 0;
  for (let c = 0; c < o.months; c++) {
    entrants += o.entrants[c];
    for (let t = c; t < Math.min(o.months, c + 12); t++) {
      work12 += o.exitsWork[c * o.months + t];
      left12 += o.exitsWork[c * o.months + t] + o.exitsOther[c * o.months + t];
    }
  }
  return { label, entrants, left12, work12 };
}

function sum(a: Int32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

function handle(msg: ToWorker): void {
  switch (msg.kind) {
    case 'init':
      port.postMessage({ kind: 'ready', models, problems, fittedFile: FITTED_FILE });
      return;
    case 'prepare': {
      const { model, seed } = modelOf(msg.settings);
      const months = model.horizonMonths;
      // the live replicate before is done with: its population (and the loops compiled for it)
      // goes to the next replicate on this thread
      if (live) givePopulationBack(live.sim.agents);
      const sim = createSim(model, AS_IS, 0, seed, months);
      live = { id: msg.id, sim, series: new Float64Array(months * METRIC_COUNT), t: 0, tracker: msg.track ? new Tracker(sim) : undefined };
      port.postMessage({
        kind: 'prepared', id: msg.id, months, startMonth: model.startMonth,
        growth: Array.from(sim.economy.growth), demand: Array.from(sim.economy.demand), economyNote: sim.economy.note,
      });
      if (live.tracker) port.postMessage({ kind: 'month', id: msg.id, t: -1, row: [], people: live.tracker.snapshot(), programmes: programmesSoFar(sim) });
      return;
    }
    case 'step': {
      if (!live || live.id !== msg.id || live.t >= live.sim.months) return;
      const t = live.t++;
      step(live.sim, t, live.series);
      live.tracker?.update();
      port.postMessage({
        kind: 'month', id: msg.id, t,
        row: Array.from(live.series.subarray(t * METRIC_COUNT, (t + 1) * METRIC_COUNT)),
        people: live.tracker?.snapshot(),
        programmes: programmesSoFar(live.sim),
      });
      return;
    }
    case 'replicates': {
      const { model, seed } = modelOf(msg.settings);
      for (const r of msg.replicates) {
        const result = simulateReplicate(model, AS_IS, r, seed, model.horizonMonths);
        const programmes = [...result.programmes].map(([label, o]) => outcomeOf(label, o));
        port.postMessage({ kind: 'replicate', id: msg.id, replicate: r, series: result.series, programmes }, { transfer: [result.series.buffer] });
      }
      return;
    }
  }
}

port.onmessage = (event) => {
  const msg = event.data;
  try {
    handle(msg);
  } catch (e) {
    port.postMessage({ kind: 'error', id: 'id' in msg ? msg.id : -1, message: e instanceof Error ? e.message : String(e) });
  }
};
