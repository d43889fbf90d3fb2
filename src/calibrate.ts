/**
 * `tsx src/calibrate.ts <model files...> [--check] [--runs N] [--seed S] [--evaluations K] [--workers W] [--out DIR]`
 *
 * Fits the shared behavioural parameters and the models' own free parameters jointly to every
 * target of every model given (Nelder-Mead; see src/calibration/fit.ts), writes the fitted values
 * to `fitted.json` beside the model files, and a report to runs/calibration/<stamp>/.
 * With --check it only measures the targets at the current values and reports them; the exit code
 * is 0 when every target is within its tolerance and 1 when one is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { getPath, InputError, loadModel } from './model/load.ts';
import { MAX_WORKERS } from './batch/run-batch.ts';
import { exitWithError } from './cli/exit.ts';
import { checkOutFolder } from './output/out-folder.ts';
import { TargetEvaluator, objective } from './calibration/evaluate.ts';
import { fit, mergeFitted, METHOD, writeFitted } from './calibration/fit.ts';
import { fittedFileFor, readFitted } from './calibration/fitted.ts';
import { atABound, markdownReport, targetsCsv, terminalTable } from './calibration/report.ts';
import { sharedFreeFor, sharedValue } from './calibration/shared.ts';
import { buildEnsemble, ensembleMarkdown, ENSEMBLE_METHOD, priorsOf } from './calibration/build-ensemble.ts';
import { ensembleFileFor, readEnsemble, type EnsembleFile, type PriorSpec } from './calibration/ensemble.ts';
import { leaveOneTownOut, timeSplit, validationCsv, validationMarkdown } from './calibration/validate.ts';
import { writeCalibrationCharts } from './report/index.ts';

export const CALIBRATE_HELP = `usage: tsx src/calibrate.ts <model files...> [options]

Fits the shared behavioural parameters (one set for every municipality) and each model's own
free parameters jointly to all the models' targets, by Nelder-Mead on a seeded Monte Carlo
objective with common random numbers. Writes fitted.json beside the model files and a report.

Options:
  --check          measure the targets at the current values; exit 1 if any is missed
  --runs N         replicates per model per evaluation (default 8)
  --seed S         master seed of the calibration replicates (default 1)
  --rounds R       rounds of block-coordinate search (default 2)
  --evaluations K  Nelder-Mead evaluations per block: shared block K, each local block K/4 (default 120)
  --workers W      worker threads; 0 = main thread (default: all cores)
  --out DIR        report folder (default runs/calibration/<date>-<time>)
  --local-only     fit only the models' own free parameters, the shared behaviour held fixed
  --validate       also test out of sample (with --check: the current fit): (a) refit on the targets
                   through 2016 and predict 2017; (b) leave each town out of the shared fit and predict
                   its outflow and outflow to work from its own data. Writes validation.md and .csv
  --validate-evaluations K   shared-block evaluations per refit in --validate (default 15)
  --ensemble       draw each model's ensemble of parameter sets (ABC-SMC, src/calibration/abc.ts)
                   from the priors in models/lib/priors.ts and its fitted values' bounds, given the
                   shared values of fitted.json; writes ensemble.json beside the models and a report
  --particles N    ABC particles per generation (default 100)
  --generations G  ABC generations at most, the prior included (default 6)
  --sets K         parameter sets kept for runs (default 20)
  --max-evaluations E  simulation budget of the ABC (default 4000)
  --no-write       fit, but do not write fitted.json (or ensemble.json)
  --quiet          no progress
  --help           this text`;

function int(name: string, raw: string | undefined, lo: number, hi: number, dflt: number): number {
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < lo || v > hi) throw new InputError(`--${name}: expected an integer from ${lo} to ${hi}, found '${raw}' (see --help)`);
  return v;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        check: { type: 'boolean', default: false }, runs: { type: 'string' }, seed: { type: 'string' },
        evaluations: { type: 'string' }, rounds: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' },
        validate: { type: 'boolean', default: false }, 'validate-evaluations': { type: 'string' },
        ensemble: { type: 'boolean', default: false }, particles: { type: 'string' }, generations: { type: 'string' }, sets: { type: 'string' },
        'max-evaluations': { type: 'string' },
        'no-write': { type: 'boolean', default: false }, 'local-only': { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${CALIBRATE_HELP}`);
    return 2;
  }
  const { values: v, positionals: files } = parsed;
  if (v.help) { console.log(CALIBRATE_HELP); return 0; }
  try {
    if (files.length === 0) throw new InputError('no model file given (see --help)');
    if (v.out !== undefined) checkOutFolder('--out', v.out);
    const runs = int('runs', v.runs, 1, 10_000, 8);
    const seed = int('seed', v.seed, 0, 2 ** 31, 1);
    const evaluations = int('evaluations', v.evaluations, 1, 100_000, 120);
    const rounds = int('rounds', v.rounds, 1, 100, 2);
    const workers = int('workers', v.workers, 0, MAX_WORKERS, Math.min(availableParallelism(), MAX_WORKERS));
    const loaded = [];
    for (const f of files) loaded.push(await loadModel(f));
    const models = loaded.map((l) => l.model);
    const names = models.map((m) => m.name);
    if (new Set(names).size !== names.length) throw new InputError(`two model files have the same name: ${names.join(', ')}`);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const out = v.out ?? join('runs', 'calibration', `${stamp}${v.check ? '-check' : ''}`);
    checkOutFolder('--out', out); // before the (long) fit, not after
    const meta: Record<string, string | number> = { models: names.join(', '), replicates: runs, seed, method: METHOD };
    let results;
    let parameters: { name: string; min: number; max: number; value: number }[] | undefined;
    if (v.ensemble) {
      return await ensembleCommand(loaded, files, out, {
        particles: int('particles', v.particles, 2, 100_000, 100), generations: int('generations', v.generations, 1, 100, 6),
        sets: int('sets', v.sets, 1, 10_000, 20), maxEvaluations: int('max-evaluations', v['max-evaluations'], 1, 10_000_000, 4000),
        seed, workers, write: !v['no-write'], quiet: v.quiet,
      });
    }
    if (v.check) {
      const evaluator = new TargetEvaluator(workers);
      try {
        results = await evaluator.evaluate(models, runs, seed);
      } finally {
        await evaluator.close();
      }
      meta.objective = objective(results).toFixed(3);
      parameters = [
        ...sharedFreeFor(models).map((f) => ({ name: `behaviour.${f.path}`, min: f.min, max: f.max, value: sharedValue(models[0], f.path) })),
        ...models.flatMap((m) => m.free.map((f) => ({ name: `${m.name}:${f.path}`, min: f.min, max: f.max, value: getPath(m, f.path) as number }))),
      ];
    } else {
      // what each file itself says for its fitted paths (the loaded models carry the last fit)
      const fileValues: Record<string, Record<string, number>> = {};
      for (const f of files) {
        const raw = (await loadModel(f, { useFitted: false })).model;
        fileValues[raw.name] = Object.fromEntries(raw.free.map((p) => [p.path, getPath(raw, p.path) as number]));
      }
      const r = await fit({
        models, runs, seed, fileValues, rounds, shared: v['local-only'] ? [] : undefined, sharedEvaluations: evaluations, localEvaluations: Math.max(10, Math.round(evaluations / 4)), workers,
        onEvaluation: (n, value, best) => { if (!v.quiet) process.stderr.write(`\revaluation ${n}: objective ${value.toFixed(2)} (best ${best.toFixed(2)})   `); },
      });
      if (!v.quiet) process.stderr.write('\n');
      results = r.after;
      meta['objective before'] = objective(r.before).toFixed(3);
      meta['objective after'] = objective(r.after).toFixed(3);
      meta.evaluations = `${r.evaluations}${r.converged ? ' (converged)' : ' (budget reached)'}`;
      for (const p of r.parameters) meta[p.name] = `${p.start.toPrecision(4)} -> ${p.value.toPrecision(4)} (bounds ${p.min}-${p.max})${atABound(p) ? ' FAILURE: at its bound' : ''}`;
      parameters = r.parameters;
      if (!v['no-write']) {
        const file = fittedFileFor(loaded[0].file);
        if (loaded.some((l) => fittedFileFor(l.file) !== file)) throw new InputError('fit models from one folder at a time (fitted.json is per folder)');
        writeFitted(file, mergeFitted(readFitted(file)?.fitted, r.fitted));
        console.log(`wrote ${file}`);
      }
    }
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'calibration.md'), markdownReport(results, meta, parameters));
    writeFileSync(join(out, 'targets.csv'), targetsCsv(results));
    try {
      await writeCalibrationCharts(out);
    } catch (e) {
      console.error(`warning: the calibration chart could not be written: ${e instanceof Error ? e.message : String(e)}`);
    }
    console.log(terminalTable(results));
    if (v.validate) {
      const refitted = [];
      for (const f of files) refitted.push((await loadModel(f)).model); // with the fit just written, if any
      const vo = {
        models: v['no-write'] ? models : refitted, runs, seed, workers, evaluations: int('validate-evaluations', v['validate-evaluations'], 1, 10_000, 15),
        onProgress: (w: string) => { if (!v.quiet) process.stderr.write(`${w}\n`); },
      };
      const predictions = [...await timeSplit(vo), ...await leaveOneTownOut(vo)];
      mkdirSync(out, { recursive: true });
      const vmeta = { models: names.join(', '), replicates: runs, seed, 'shared evaluations per refit': vo.evaluations, 'refits start from': 'the current fit' };
      writeFileSync(join(out, 'validation.md'), validationMarkdown(predictions, vmeta));
      writeFileSync(join(out, 'validation.csv'), validationCsv(predictions));
      for (const check of ['time split', 'leave one town out']) {
        const rows = predictions.filter((p) => p.check === check);
        console.log(`${check}: ${rows.filter((p) => p.within).length} of ${rows.length} held-out figures within tolerance (mean absolute error ${(100 * rows.reduce((a, p) => a + Math.abs(p.error), 0) / Math.max(1, rows.length)).toFixed(1)}%)`);
      }
      console.log(`validation report in ${join(out, 'validation.md')}`);
    }
    const missed = results.filter((r) => !r.met && r.target.superseded === undefined).length;
    const superseded = results.filter((r) => r.target.superseded !== undefined).length;
    console.log(`\n${results.length - superseded - missed} of ${results.length - superseded} targets within tolerance (${superseded} superseded, reported only); report in ${join(out, 'calibration.md')}`);
    return v.check && missed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError) { console.error(`error: ${e.message}`); return 2; }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('calibrate.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code), exitWithError);
}

/** `--ensemble`: each model's ABC ensemble, merged into ensemble.json beside the model files. */
async function ensembleCommand(
  loaded: Awaited<ReturnType<typeof loadModel>>[], files: string[], out: string,
  o: { particles: number; generations: number; sets: number; maxEvaluations: number; seed: number; workers: number; write: boolean; quiet: boolean },
): Promise<number> {
  const priorsFile = 'models/lib/priors.ts';
  const { PRIORS } = (await import(pathToFileURL(resolve(priorsFile)).href)) as { PRIORS: Record<string, PriorSpec[]> };
  const file = ensembleFileFor(loaded[0].file);
  if (loaded.some((l) => ensembleFileFor(l.file) !== file)) throw new InputError('draw ensembles for models from one folder at a time (ensemble.json is per folder)');
  const fitted = loaded[0].fitted;
  if (!fitted) throw new InputError(`${files[0]}: no fitted.json beside it; fit first (npx tsx src/calibrate.ts ${files.join(' ')})`);
  mkdirSync(out, { recursive: true });
  const existing = readEnsemble(file)?.ensemble;
  const merged: EnsembleFile = {
    method: ENSEMBLE_METHOD, createdAt: new Date().toISOString(), seed: o.seed, fittedSha256: fitted.hash,
    models: existing && existing.fittedSha256 === fitted.hash ? { ...existing.models } : {},
  };
  for (const l of loaded) {
    const priors = priorsOf(l.model, PRIORS[l.model.name] ?? [], priorsFile);
    if (!o.quiet) console.error(`${l.model.name}: ${priors.length} priors, ${o.particles} particles, at most ${o.generations} generations`);
    const { entry } = await buildEnsemble({
      model: l.model, priors, particles: o.particles, generations: o.generations, sets: o.sets, seed: o.seed, workers: o.workers,
      predictiveRuns: 3, maxEvaluations: o.maxEvaluations, onProgress: (line) => { if (!o.quiet) console.error(`${l.model.name}: ${line}`); },
    });
    merged.models[l.model.name] = entry;
    const report = join(out, `ensemble-${l.model.name}.md`);
    writeFileSync(report, ensembleMarkdown(l.model.name, entry, { method: ENSEMBLE_METHOD, seed: o.seed, 'fitted.json': fitted.hash.slice(0, 12), command: `npx tsx src/calibrate.ts ${l.file} --ensemble --particles ${o.particles} --generations ${o.generations} --sets ${o.sets} --seed ${o.seed}` }));
    console.log(`${l.model.name}: ${entry.sets.length} sets from ${entry.evaluations} simulations (ESS ${entry.ess.toFixed(1)}); report in ${report}`);
  }
  if (o.write) {
    writeFileSync(file, JSON.stringify(merged, null, 2) + '\n');
    console.log(`wrote ${file}`);
  }
  return 0;
}
