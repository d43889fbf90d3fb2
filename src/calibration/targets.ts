/**
 * Targets: the figures a seed article reports, stated in a model file with the population, period
 * and tolerance each applies to, and how to measure the same quantity in a simulated replicate.
 *
 * Months count from the model's start month (0 = the start month); windows are [from, until).
 * A target is met when the mean over replicates lies within `tolerance` of `value`.
 */
import { z } from 'zod';
import { M, METRIC_COUNT, METRICS } from '../engine/metrics.ts';
import type { ProgrammeOutcomes } from '../policies/programme.ts';

const month = z.number().int().min(0).max(1200);
const metric = z.enum(METRICS);

export const measureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('total'),
    /** A flow metric summed over months [fromMonth, untilMonth). */
    metric,
    fromMonth: month,
    untilMonth: month,
  }),
  z.strictObject({
    kind: z.literal('sum'),
    /** Several flow metrics added up over months [fromMonth, untilMonth) (e.g. admitted + reentries = CBS inflow). */
    metrics: z.array(metric).min(1),
    fromMonth: month,
    untilMonth: month,
  }),
  z.strictObject({
    kind: z.literal('returns'),
    /** Of those who left by the route in months [exitFrom, exitUntil), the share back on benefit within `withinMonths`. */
    route: z.enum(['any', 'work', 'school', 'non']),
    exitFrom: month,
    exitUntil: month,
    withinMonths: z.number().int().min(1).max(120),
  }),
  z.strictObject({
    kind: z.literal('mean'),
    /** A metric averaged over months [fromMonth, untilMonth). */
    metric,
    fromMonth: month,
    untilMonth: month,
  }),
  z.strictObject({
    kind: z.literal('caseload-change'),
    /** End-of-month caseload of month untilMonth-1 minus the caseload at the start of fromMonth. */
    fromMonth: month,
    untilMonth: month,
    /** Divide by the starting caseload (a share; 0.1 = +10%). */
    relative: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('cohort-share'),
    /** The programme's label (a policy's `label`, or `<label>: <track>` for policies with tracks). */
    programme: z.string(),
    /** Participants who enrolled in months [enrolledFrom, enrolledUntil)... */
    enrolledFrom: month,
    enrolledUntil: month,
    /** ...and left benefit by the given route while in the programme, before month byMonth. */
    route: z.enum(['work', 'any']),
    byMonth: month,
  }),
  z.strictObject({
    kind: z.literal('programme-exits'),
    /** Participants of the programme who left benefit by the route in months [fromMonth, untilMonth). */
    programme: z.string(),
    route: z.enum(['work', 'any']),
    fromMonth: month,
    untilMonth: month,
  }),
  z.strictObject({
    kind: z.literal('entrants'),
    /** People enrolled into the programme in months [fromMonth, untilMonth). */
    programme: z.string(),
    fromMonth: month,
    untilMonth: month,
  }),
]);

export type Measure = z.output<typeof measureSchema>;

export const targetSchema = z.strictObject({
  /** Short identifier, unique within the model. */
  name: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  /** The figure as the seed reports it, in words. */
  figure: z.string(),
  /** Where it comes from: the seed file and article. */
  source: z.string(),
  value: z.number(),
  /** Met when |simulated mean - value| <= tolerance (same unit as value). */
  tolerance: z.number().positive(),
  measure: measureSchema,
  /**
   * Where this figure and the CBS figures cannot both be met: why the other wins. A superseded
   * target is still measured and reported, but it is not fitted and not checked.
   */
  superseded: z.string().optional(),
});

export type Target = z.output<typeof targetSchema>;

/** What a replicate offers to measure: its series and its programmes' outcomes by label. */
export interface ReplicateView {
  series: Float64Array;
  months: number;
  programmes: ReadonlyMap<string, ProgrammeOutcomes>;
  /** Exits and returns by cohort and route (src/engine/sim.ts ReentryLog). */
  reentry?: { window: number; exits: Float64Array; returns: Float64Array };
}

/** Problems a model's targets have that the schema cannot see (windows beyond the horizon, unknown programmes). */
export function targetProblems(targets: readonly Target[], months: number, programmes: readonly string[]): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  for (const [k, t] of targets.entries()) {
    const at = `targets[${k}] (${t.name})`;
    if (names.has(t.name)) out.push(`${at}: the name is used twice`);
    names.add(t.name);
    const m = t.measure;
    const windows: [number, number][] =
      m.kind === 'cohort-share' ? [[m.enrolledFrom, m.enrolledUntil], [m.enrolledFrom, m.byMonth]]
        : m.kind === 'returns' ? [[m.exitFrom, m.exitUntil], [m.exitFrom, m.exitUntil - 1 + m.withinMonths]]
          : [[m.fromMonth, m.untilMonth]];
    for (const [a, b] of windows) {
      if (!(a < b)) out.push(`${at}: the window [${a}, ${b}) is empty`);
      if (b > months) out.push(`${at}: the window [${a}, ${b}) ends after the horizon of ${months} months`);
    }
    if ('programme' in m && !programmes.includes(m.programme)) {
      out.push(`${at}: no programme labelled '${m.programme}' (the model has: ${programmes.map((p) => `'${p}'`).join(', ') || 'none'})`);
    }
  }
  return out;
}

const at = (v: ReplicateView, t: number, col: number) => v.series[t * METRIC_COUNT + col];

/** The simulated value of one target in one replicate. */
export function measure(target: Target, v: ReplicateView): number {
  const m = target.measure;
  switch (m.kind) {
    case 'total':
    case 'mean': {
      let s = 0;
      for (let t = m.fromMonth; t < m.untilMonth; t++) s += at(v, t, M[m.metric]);
      return m.kind === 'total' ? s : s / (m.untilMonth - m.fromMonth);
    }
    case 'sum': {
      let s = 0;
      for (let t = m.fromMonth; t < m.untilMonth; t++) for (const metric of m.metrics) s += at(v, t, M[metric]);
      return s;
    }
    case 'returns': {
      const log = v.reentry;
      if (!log) throw new Error('this replicate has no re-entry log');
      const routes = m.route === 'any' ? [0, 1, 2] : [{ work: 0, school: 1, non: 2 }[m.route]];
      let exits = 0, back = 0;
      for (let c = m.exitFrom; c < m.exitUntil; c++) {
        for (const r of routes) {
          exits += log.exits[c * 3 + r];
          const base = (c * 3 + r) * (log.window + 1);
          for (let k = 1; k <= Math.min(m.withinMonths, log.window); k++) back += log.returns[base + k];
        }
      }
      return exits > 0 ? back / exits : 0;
    }
    case 'caseload-change': {
      const start = at(v, m.fromMonth, M.caseload);
      const change = at(v, m.untilMonth - 1, M.caseloadEnd) - start;
      return m.relative ? change / start : change;
    }
    case 'cohort-share': {
      const o = programmeOf(v, m.programme);
      let entrants = 0, left = 0;
      for (let c = m.enrolledFrom; c < m.enrolledUntil; c++) {
        entrants += o.entrants[c];
        for (let t = c; t < m.byMonth; t++) {
          left += o.exitsWork[c * o.months + t] + (m.route === 'any' ? o.exitsOther[c * o.months + t] : 0);
        }
      }
      return entrants > 0 ? left / entrants : 0;
    }
    case 'programme-exits': {
      const o = programmeOf(v, m.programme);
      let left = 0;
      for (let c = 0; c < m.untilMonth; c++) {
        for (let t = Math.max(c, m.fromMonth); t < m.untilMonth; t++) {
          left += o.exitsWork[c * o.months + t] + (m.route === 'any' ? o.exitsOther[c * o.months + t] : 0);
        }
      }
      return left;
    }
    case 'entrants': {
      const o = programmeOf(v, m.programme);
      let n = 0;
      for (let c = m.fromMonth; c < m.untilMonth; c++) n += o.entrants[c];
      return n;
    }
  }
}

function programmeOf(v: ReplicateView, label: string): ProgrammeOutcomes {
  const o = v.programmes.get(label);
  if (!o) throw new Error(`no programme labelled '${label}'`);
  return o;
}

/** The unit a target's value is in, for reports. */
export function isShare(target: Target): boolean {
  const m = target.measure;
  return m.kind === 'cohort-share' || m.kind === 'returns' || (m.kind === 'caseload-change' && m.relative) || (m.kind === 'mean' && m.metric.startsWith('share'));
}
