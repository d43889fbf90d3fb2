/**
 * A factorial experiment over the calibration's ensemble of parameter sets (models/ensemble.json):
 * replicate r of every cell runs parameter set r mod K of every model that has an ensemble, so a
 * replicate's cells share their parameters and their luck (common random numbers within each set).
 *
 * The verdict is then given per parameter set: each set's replicates are decomposed on their own
 * (policy, economy, interaction, chance), and each share is reported as its mean over the sets with
 * the 2.5th-97.5th percentile across them, the range that what we do not know about how people
 * respond leaves. With it, the share of sets under which each level's effect against its factor's
 * baseline has the same sign as the mean effect. The shares describe the chosen levels of the
 * factors, not the economy or policy in general.
 */
import { loadEnsemble, setsForRuns, spreadIndex, type LoadedEnsemble } from '../calibration/ensemble.ts';
import type { LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { quantileSorted } from '../output/stats.ts';
import { baselines } from './analyse.ts';
import { factorialCells, type Cell } from './cells.ts';
import { decompose, percent, type TermKind } from './decompose.ts';
import { measureOutcome, OUTCOME_LABEL } from './outcomes.ts';
import type { Experiment, Outcome } from './schema.ts';

export interface ExperimentEnsemble {
  /** Parameter sets used (replicate r runs set r mod sets). */
  sets: number;
  /** Per model with an ensemble: its file, hash and how many sets it has. */
  models: Record<string, { file: string; sha256: string; sets: number }>;
  warnings: string[];
  loaded: Map<string, LoadedEnsemble>;
}

/**
 * The ensembles of an experiment's models, or undefined when none has one (or `off`). Sets are
 * used only while every set gets at least two replicates (a set's decomposition needs them): with
 * R replicates and K sets, the first min(K, floor(R/2)) sets, spread evenly over the ensemble.
 */
export function experimentEnsemble(models: ReadonlyMap<string, LoadedModel>, replicates: number, off: boolean): ExperimentEnsemble | undefined {
  if (off) return undefined;
  const loaded = new Map<string, LoadedEnsemble>();
  const warnings: string[] = [];
  for (const [name, m] of models) {
    const e = loadEnsemble(m.file, m.model, m.fitted?.hash);
    if (!e) continue;
    loaded.set(name, e);
    if (e.warning) warnings.push(e.warning);
  }
  if (loaded.size === 0) return undefined;
  const most = Math.max(...[...loaded.values()].map((e) => e.models.length));
  const sets = setsForRuns(Array.from({ length: most }, (_, k) => k), replicates)?.length ?? 0;
  if (sets < 1) return undefined;
  return {
    sets, loaded, warnings,
    models: Object.fromEntries([...loaded].map(([n, e]) => [n, { file: e.file, sha256: e.hash, sets: e.models.length }])),
  };
}

/** Set k of an ensemble used with `sets` of its K sets: evenly spread over the file's order. */
const pick = (e: LoadedEnsemble, k: number, sets: number) => e.models[spreadIndex(k, sets, e.models.length)];

/** The cells' models under each parameter set: [cell][set]. */
export function ensembleCellModels(e: Experiment, models: ReadonlyMap<string, LoadedModel>, months: number, ens: ExperimentEnsemble): Model[][] {
  const perSet: Cell[][] = [];
  for (let k = 0; k < ens.sets; k++) {
    const withSet = new Map([...models].map(([n, m]) => [n, ens.loaded.has(n) ? { ...m, model: pick(ens.loaded.get(n)!, k, ens.sets) } : m]));
    perSet.push(factorialCells(e, withSet, months));
  }
  return perSet[0].map((_, c) => perSet.map((cells) => cells[c].model));
}

export interface EnsembleTerm {
  key: string;
  kind: TermKind;
  /** Mean share over the sets, and the 2.5th-97.5th percentile across them. */
  mean: number;
  lo: number;
  hi: number;
}

export interface EnsembleEffectSign {
  factor: string;
  level: string;
  baseline: string;
  /** Mean effect (level minus baseline, averaged over the other factors' levels) over all runs. */
  mean: number;
  lo: number;
  hi: number;
  /** Share of sets whose mean effect has the sign of `mean`. */
  sameSign: number;
}

export interface EnsembleDecomposition {
  outcome: Outcome;
  sets: number;
  perSet: number;
  terms: EnsembleTerm[];
  /** Each set's shares, in term order: [set][term]. */
  setShares: number[][];
  effects: EnsembleEffectSign[];
  verdict: string;
}

/** Per outcome: the decomposition of each set's replicates, summarised across the sets. */
export function ensembleDecompositions(e: Experiment, cells: readonly Cell[], series: readonly (readonly Float64Array[])[], months: number, sets: number): EnsembleDecomposition[] {
  if (e.design.kind !== 'factorial') return [];
  const factors = e.design.factors;
  const R = e.replicates;
  const perSet = Math.floor(R / sets);
  const base = baselines(e);
  const out: EnsembleDecomposition[] = [];
  for (const o of e.outcomes) {
    const y = cells.map((c) => Float64Array.from(series[c.index], (s) => measureOutcome(o, s, months)));
    // the replicates of set k: r = k, k + sets, ... (perSet of them, so every set is balanced)
    const ofSet = (k: number) => Array.from({ length: perSet }, (_, j) => k + j * sets);
    const setShares: number[][] = [];
    let keys: { key: string; kind: TermKind }[] = [];
    let skipped = false;
    for (let k = 0; k < sets; k++) {
      const yk = y.map((row) => Float64Array.from(ofSet(k), (r) => row[r]));
      if (!yk.some((row) => row.some((x) => x !== yk[0][0]))) { skipped = true; break; }
      const d = decompose(yk, factors.map((f) => ({ name: f.name, levels: f.levels.length })), { bootstrap: 0 });
      keys = d.terms.map((t) => ({ key: t.key, kind: t.kind }));
      setShares.push(d.terms.map((t) => t.share));
    }
    if (skipped || setShares.length === 0) continue;
    const terms = keys.map((t, i) => {
      const v = Float64Array.from(setShares, (s) => s[i]).sort();
      return { ...t, mean: v.reduce((a, b) => a + b, 0) / v.length, lo: quantileSorted(v, 0.025), hi: quantileSorted(v, 0.975) };
    });
    // each level against its factor's baseline, averaged over the other factors: per set and overall
    const effects: EnsembleEffectSign[] = [];
    for (const f of factors) {
      for (const level of f.levels) {
        if (level.name === base[f.name]) continue;
        const pairs = cells.filter((c) => c.levels[f.name] === level.name).map((c) => [c, cells.find((b) => factors.every((g) => b.levels[g.name] === (g.name === f.name ? base[f.name] : c.levels[g.name])))!] as const);
        const effectOf = (rs: number[]) => {
          let s = 0;
          for (const [c, b] of pairs) for (const r of rs) s += y[c.index][r] - y[b.index][r];
          return s / (pairs.length * rs.length);
        };
        const bySet = Array.from({ length: sets }, (_, k) => effectOf(ofSet(k)));
        const mean = effectOf(Array.from({ length: perSet * sets }, (_, r) => r));
        const sorted = Float64Array.from(bySet).sort();
        effects.push({
          factor: f.name, level: level.name, baseline: base[f.name], mean,
          lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975),
          sameSign: bySet.filter((x) => Math.sign(x) === Math.sign(mean)).length / sets,
        });
      }
    }
    out.push({ outcome: o, sets, perSet, terms, setShares, effects, verdict: ensembleVerdict(e, o, terms, effects, sets, perSet) });
  }
  return out;
}

function ensembleVerdict(e: Experiment, o: Outcome, terms: EnsembleTerm[], effects: EnsembleEffectSign[], sets: number, perSet: number): string {
  if (e.design.kind !== 'factorial') return '';
  const factors = e.design.factors;
  const phrase = (name: string) => {
    const f = factors.find((x) => x.name === name);
    return f?.kind === 'economy' ? 'the economy' : f?.kind === 'policies' ? `the ${name}` : name;
  };
  const label = (t: EnsembleTerm) => t.kind === 'main' ? phrase(t.key) : t.kind === 'interaction' ? (factors.length === 2 ? 'their interaction' : `the ${t.key} interaction`) : t.kind === 'chance' ? 'chance' : t.key;
  const mains = terms.filter((t) => t.kind === 'main').sort((a, b) => b.mean - a.mean);
  const ordered = [...mains, ...terms.filter((t) => t.kind !== 'main')];
  const [first, ...rest] = ordered;
  const iv = (t: EnsembleTerm) => `${percent(t.lo)}-${percent(t.hi)}%`;
  const head = `Over ${sets} parameter sets from the calibration's ensemble (${perSet} runs each), ${label(first)} explains ${percent(first.mean)}% (95% of the sets: ${iv(first)}) of the variation in ${OUTCOME_LABEL[o]}`;
  const shares = [head, ...rest.map((t) => `${label(t)} ${percent(t.mean)}% (${iv(t)})`)].join(', ') + '.';
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1));
  const signs = effects.map((x) => x.mean === 0 && x.lo === 0 && x.hi === 0
    ? `${x.factor}=${x.level} against ${x.baseline}: no difference in any set`
    : `${x.factor}=${x.level} against ${x.baseline}: ${x.mean >= 0 ? '+' : ''}${fmt(x.mean)} (${fmt(x.lo)} to ${fmt(x.hi)} across the sets), the same sign in ${percent(x.sameSign)}% of them`);
  return `${shares} ${signs.length ? `Effects on ${OUTCOME_LABEL[o]}: ${signs.join('; ')}.` : ''} The shares describe these levels of the factors; the ranges hold what we do not know about how people respond.`.trim();
}
