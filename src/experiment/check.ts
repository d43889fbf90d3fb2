/**
 * What an experiment asks of its models, checked before any folder or thread exists: sampled
 * parameter paths name a number in the base model (own fields only, never a prototype) and both
 * ends of their range give a valid model; factor, level and trial group names are unique and
 * refer to something; a trial's groups exist and it measures within the horizon. Every problem is
 * an InputError naming the experiment file and the field.
 */
import { getPath, InputError, setPath, validateModel, FORBIDDEN_KEYS } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import type { Experiment } from './schema.ts';
import { CHOICE_RANGE } from './trial.ts';

const at = (file: string, field: string, what: string) => new InputError(`${file}: at ${field}: ${what}`);

/** The labels of the base model's policies (what a trial's control and arms name). */
function policyLabels(m: Model): string[] {
  return m.policies.map((p) => (p as { label?: string }).label).filter((l): l is string => typeof l === 'string');
}

function checkSampling(e: Experiment, base: Model, file: string): void {
  if (e.design.kind !== 'lhs' && e.design.kind !== 'sobol') return;
  const seen = new Set<string>();
  e.design.parameters.forEach((p, i) => {
    const field = `design.parameters[${i}]`;
    if (seen.has(p.name)) throw at(file, `${field}.name`, `the name '${p.name}' is used twice`);
    seen.add(p.name);
    if (!Number.isFinite(p.min) || !Number.isFinite(p.max) || !(p.min < p.max)) throw at(file, field, `expected min < max, found min ${p.min} and max ${p.max}`);
    if (p.log && !(p.min > 0)) throw at(file, `${field}.min`, `a log-scaled parameter needs min > 0, found ${p.min}`);
    if (p.path === 'growthPct') {
      if (p.min < -10 || p.max > 10) throw at(file, field, `growthPct (annual growth, %) must lie within -10 to 10, found ${p.min} to ${p.max}`);
      return;
    }
    const bad = p.path.split('.').find((k) => k === '' || FORBIDDEN_KEYS.has(k));
    if (bad !== undefined) throw at(file, `${field}.path`, `'${p.path}' has a part '${bad}' that is not a field name`);
    const v = getPath(base, p.path);
    if (typeof v !== 'number') {
      throw at(file, `${field}.path`, `'${p.path}' is not a number in the base model '${base.name}' (found ${v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v}); expected growthPct or a dotted path such as policies.0.places`);
    }
    for (const [end, value] of [['min', p.min], ['max', p.max]] as const) {
      try {
        validateModel(setPath(base, p.path, value), `the base model with ${p.path} = ${value}`);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        throw at(file, `${field}.${end}`, `${value} is not a valid value of '${p.path}': ${err.message.split('\n').slice(1).join(' ').trim() || err.message}`);
      }
    }
  });
}

function checkFactorial(e: Experiment, file: string): void {
  if (e.design.kind !== 'factorial') return;
  const factors = e.design.factors;
  const names = new Set<string>();
  factors.forEach((f, i) => {
    if (names.has(f.name)) throw at(file, `design.factors[${i}].name`, `two factors are called '${f.name}'; give each its own name`);
    names.add(f.name);
    const levels = new Set<string>();
    f.levels.forEach((l, j) => {
      if (levels.has(l.name)) throw at(file, `design.factors[${i}].levels[${j}].name`, `the level '${l.name}' appears twice in factor '${f.name}'`);
      levels.add(l.name);
    });
  });
  for (const [k, v] of Object.entries(e.design.baseline ?? {})) {
    const f = factors.find((x) => x.name === k);
    if (!f) throw at(file, `design.baseline.${k}`, `no factor is called '${k}' (factors: ${factors.map((x) => x.name).join(', ')})`);
    if (!f.levels.some((l) => l.name === v)) throw at(file, `design.baseline.${k}`, `factor '${k}' has no level '${v}' (levels: ${f.levels.map((l) => l.name).join(', ')})`);
  }
}

function checkTrial(e: Experiment, base: Model, months: number, file: string): void {
  if (e.design.kind !== 'trial') return;
  const d = e.design;
  const labels = policyLabels(base);
  const groups: [string, string][] = [['design.control', d.control], ...d.arms.map((a, i): [string, string] => [`design.arms[${i}]`, a])];
  const seen = new Set<string>();
  for (const [field, g] of groups) {
    if (!labels.includes(g)) throw at(file, field, `the model '${d.base}' has no policy labelled '${g}' (it has: ${labels.join(', ') || 'none'})`);
    if (seen.has(g)) throw at(file, field, `'${g}' is named twice among the control and arms`);
    seen.add(g);
  }
  if (d.selfSelection) {
    d.arms.forEach((a, i) => {
      const type = base.policies.find((p) => (p as { label?: string }).label === a)?.type as string;
      if (!CHOICE_RANGE[type]) throw at(file, `design.arms[${i}]`, `'${a}' is a ${type}, which volunteers cannot choose (choice rules exist for ${Object.keys(CHOICE_RANGE).join(', ')}); set selfSelection: false`);
    });
  }
  if (d.measureAtMonth > months) throw at(file, 'design.measureAtMonth', `expected at most the ${months} months simulated (the experiment's months, --months or the base model's horizonMonths), found ${d.measureAtMonth}`);
}

function checkSensitivity(e: Experiment, file: string): void {
  if (!e.sensitivity) return;
  if (e.design.kind !== 'factorial') throw at(file, 'sensitivity', `structural sensitivity re-runs a factorial design's headline contrast; this design is '${e.design.kind}' (remove sensitivity)`);
  const names = e.sensitivity === true ? [] : e.sensitivity.alternatives ?? [];
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) throw at(file, `sensitivity.alternatives[${i}]`, `'${n}' is named twice`);
  });
}

/** Every check above; `months` is what the run will simulate. */
export function checkExperiment(e: Experiment, base: Model, months: number, file: string): void {
  checkSensitivity(e, file);
  checkFactorial(e, file);
  checkSampling(e, base, file);
  checkTrial(e, base, months, file);
}
