/**
 * The shared behavioural parameters the joint calibration may move, with their search bounds.
 * One set for every municipality: how much a year on benefit, a month of guidance or a sanction
 * threat changes someone's chances does not depend on the town. A parameter of a policy's effect
 * group is only searched when some model being fitted runs that policy.
 */
import { getPath } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { defaultBehaviour } from '../model/behaviour.ts';
import { EFFECT_KEY_OF_TYPE } from '../policies/effects.ts';

export interface FreeParameter {
  /** Dotted path inside `behaviour` (shared) or inside the model (local). */
  path: string;
  min: number;
  max: number;
}

/**
 * Only parameters some target can inform: a policy's effect with no outcome target anywhere
 * (strict intake's tilt, soft outreach, training...) stays at its stated default.
 */
export const SHARED_FREE: readonly FreeParameter[] = [
  // the job market and the other routes out and back, informed by every town's CBS flows and Divosa's returns
  { path: 'matching.efficiency', min: 0.005, max: 0.2 },
  { path: 'economy.inflowElasticity', min: 0, max: 3 },
  { path: 'matching.outsideSearch', min: 0.5, max: 12 },
  { path: 'exits.schoolOrRemovedPerYear', min: 0.02, max: 0.4 },
  { path: 'exits.nonInfluenceablePerYear', min: 0.04, max: 0.6 },
  { path: 'exits.durationElasticity', min: 0, max: 2 },
  { path: 'revolvingDoor.jobLossPerMonthFirstYear', min: 0.005, max: 0.1 },
  { path: 'revolvingDoor.returnAfterSchoolPerMonth', min: 0.005, max: 0.3 },
  { path: 'revolvingDoor.returnAfterNonPerMonth', min: 0.005, max: 0.3 },
  { path: 'revolvingDoor.returnDecayPerMonth', min: 0.5, max: 0.99 },
  { path: 'employability.scarringPerLogYear', min: 0.1, max: 1.2 },
  { path: 'employability.agePer10YearsOver45', min: 0, max: 1.2 },
  { path: 'matching.ageDiscriminationPer10Years', min: 0, max: 1.2 },
  { path: 'policyEffects.guidance.maxSearchGain', min: 0, max: 4 },
  { path: 'policyEffects.guidance.maxEmployabilityGain', min: 0, max: 3 },
  { path: 'policyEffects.exemption.targetedSearchGain', min: 0, max: 3 },
  { path: 'policyEffects.exemption.pressureLoss', min: 0, max: 0.8 },
  { path: 'policyEffects.earningsDisregard.comfortLoss', min: 0, max: 0.8 },
  { path: 'policyEffects.tegenprestatie.lockInPer20Hours', min: 0, max: 0.9 },
  { path: 'policyEffects.tegenprestatie.motivationGainPerMonth', min: 0, max: 0.05 },
];

/** The shared parameters worth searching for these models (policy effects only for policies in use). */
export function sharedFreeFor(models: readonly Model[]): FreeParameter[] {
  const used = new Set<string>();
  for (const m of models) for (const s of [{ policies: m.policies }, ...m.scenarios]) for (const p of s.policies ?? []) used.add(EFFECT_KEY_OF_TYPE[p.type]);
  return SHARED_FREE.filter((f) => {
    const [group, key] = f.path.split('.');
    return group !== 'policyEffects' || used.has(key);
  });
}

/** The current value of a shared parameter for a model (its behaviour override, else the default). */
export function sharedValue(model: Model, path: string): number {
  const own = getPath(model.behaviour ?? {}, path);
  return typeof own === 'number' ? own : (getPath(defaultBehaviour, path) as number);
}
