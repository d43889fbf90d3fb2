/**
 * Structural alternatives of the model: other, defensible readings of how the world works that the
 * data and the calibration do not settle. Each is a set of behaviour overrides (paths in
 * `src/model/behaviour.ts`) applied on top of the model's own behaviour, i.e. on top of the
 * calibrated values of `models/fitted.json`, exactly like a model file's `behaviour` overrides.
 * An override either multiplies the resolved (fitted) value (`times`) or sets a value (`value`).
 *
 * Not here, on purpose: `economy.demandPerGrowthPoint`. Labour demand ln D is proportional to it,
 * and the slopes of unemployment and tightness on ln D are re-estimated from CBS by OLS for every
 * behaviour (`src/economy/labour-market.ts`), so they scale by its inverse and unemployment,
 * tightness, vacancies and applicants come out the same: changing it changes no outcome. The lag
 * does change the relation (the shape of ln D over time, and so the slopes fitted to it).
 */
import { resolveBehaviour } from '../model/behaviour.ts';
import { getPath, InputError, setPath, validateModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';

/** One changed behaviour value: `path` in the behaviour, times the resolved value, or a value. */
export interface BehaviourChange {
  path: string;
  times?: number;
  value?: number;
}

export interface Alternative {
  /** A lowercase name with dashes, as the experiment file names it. */
  name: string;
  /** What it assumes, as a noun phrase that reads after "with" (English; the Dutch report has its own, experiment-words.ts). */
  label: string;
  /** Why it is a real alternative, and where the number comes from. */
  reason: string;
  changes: BehaviourChange[];
}

const COMPETITION = 'matching.outsideSearch';
const COMPETITION_REASON =
  'fitted (3.05, bounds 0.5-12) only through every town\'s exits to work against its labour market, where it trades off against matching.efficiency; ' +
  'it sets how many of the jobs the region\'s other unemployed take (the displacement experiment)';
const LAG_REASON =
  'a [choice] in src/model/behaviour.ts (24 months to close 63% of the gap), not fitted; the slopes of unemployment and tightness on demand are ' +
  're-estimated from CBS 2013-2024 for each lag (src/economy/labour-market.ts), so this is an equally data-consistent relation. The observed (historical) ' +
  'economy uses CBS unemployment and tightness as they were and does not change';
const RETURNS = ['revolvingDoor.returnShare', 'revolvingDoor.returnAfterSchoolPerMonth', 'revolvingDoor.returnAfterNonPerMonth', 'revolvingDoor.reapplyPerMonth'];
const RETURN_REASON =
  'two of the four (after school or removal, after other income) are fitted to Divosa\'s return shares and the re-entries inside CBS inflow, which ' +
  'also move with job loss; the other two (the share of job losers who come back, deterred applicants re-applying) are choices. Seed 002 readers call it the revolving door';

/** The named structural alternatives, in report order. */
export const STRUCTURAL_ALTERNATIVES: readonly Alternative[] = [
  { name: 'competition-half', label: 'half the competition from jobseekers outside bijstand', reason: COMPETITION_REASON, changes: [{ path: COMPETITION, times: 0.5 }] },
  { name: 'competition-double', label: 'double the competition from jobseekers outside bijstand', reason: COMPETITION_REASON, changes: [{ path: COMPETITION, times: 2 }] },
  { name: 'economy-lag-12', label: 'a 12-month lag from growth to the job market (instead of 24)', reason: LAG_REASON, changes: [{ path: 'economy.lagMonths', value: 12 }] },
  { name: 'economy-lag-36', label: 'a 36-month lag from growth to the job market (instead of 24)', reason: LAG_REASON, changes: [{ path: 'economy.lagMonths', value: 36 }] },
  { name: 'reentry-half', label: 'half the rates at which people return to bijstand', reason: RETURN_REASON, changes: RETURNS.map((path) => ({ path, times: 0.5 })) },
  { name: 'reentry-one-and-a-half', label: 'one and a half times the rates at which people return to bijstand', reason: RETURN_REASON, changes: RETURNS.map((path) => ({ path, times: 1.5 })) },
];

export const ALTERNATIVE_NAMES = STRUCTURAL_ALTERNATIVES.map((a) => a.name) as [string, ...string[]];

/** The behaviour values an alternative sets in a model: path (in the behaviour) -> value, from its resolved (fitted) behaviour. */
export function alternativeValues(model: Model, alt: Alternative): Record<string, number> {
  const resolved = resolveBehaviour(model.behaviour);
  const out: Record<string, number> = {};
  for (const c of alt.changes) {
    const now = getPath(resolved, c.path);
    if (typeof now !== 'number') throw new InputError(`structural alternative '${alt.name}': '${c.path}' is not a number in the behaviour (src/model/behaviour.ts)`);
    out[c.path] = c.value ?? Number((now * (c.times ?? 1)).toPrecision(12));
  }
  return out;
}

/** The model under an alternative, validated (a value out of a field's bounds is an InputError naming it). */
export function applyAlternative(model: Model, alt: Alternative): Model {
  const values = alternativeValues(model, alt);
  const changed = Object.entries(values).reduce((m, [path, v]) => setPath(m, `behaviour.${path}`, v), model);
  return validateModel(changed, `${model.name} under the structural alternative '${alt.name}'`);
}

/** "matching.outsideSearch 1.527 (0.5 x 3.054)": what an alternative sets, against the resolved value. */
export function describeChanges(model: Model, alt: Alternative): string {
  const resolved = resolveBehaviour(model.behaviour);
  const values = alternativeValues(model, alt);
  const short = (v: number) => String(Number(v.toPrecision(4)));
  return alt.changes.map((c) => {
    const was = getPath(resolved, c.path) as number;
    return `${c.path} ${short(values[c.path])} (${c.times !== undefined ? `${c.times} x ${short(was)}` : `was ${short(was)}`})`;
  }).join('; ');
}
