/**
 * Loops compiled for one population's columns.
 *
 * On Node 20 (V8 11.3) a loop over typed arrays held in parameters, locals or object fields pays
 * a map check and a reload of the array's data pointer and length at every access in every
 * iteration: TurboFan does not hoist them out of the loop (`npm run bench:access`). It drops them
 * when the array is a constant of the compiled code. A function's captured `const`s are such
 * constants when the function is the only closure ever made from its place in the source: V8
 * then compiles it for its own context ("function context specialisation").
 *
 * So a hot loop is written as a factory that captures a population's columns and returns the
 * loop, and `kernelFor` makes the loop from a fresh copy of the factory, compiled from its source
 * text. Each copy is a new place in the source, so its loop is the only closure from there. The
 * copy is kept with the population (`Agents.kernels`), and a finished replicate gives the
 * population back for the next (`takePopulation`): the loop is compiled once per thread, not
 * once per replicate. Growing the columns drops the loops, and they are made again.
 *
 * Rules for a factory: it uses nothing from its module (constants and functions come in through
 * its arguments, since the copy is compiled outside the module), and no syntax that needs a
 * helper of the TypeScript transform other than `__name`. What changes from replicate to
 * replicate (the behaviour's tables, the month's scalars) is an argument of the loop, not
 * captured, so that the parameter sets of an ensemble share the compiled loops. A copy computes
 * exactly what the factory computes: the same source, compiled again. (A coverage tool that
 * rewrites the source with counters, such as istanbul, would break the copies; V8's own coverage
 * does not.)
 *
 * A loop's function ends with its loop: what follows it is stores to the factory's variables and
 * one number returned (the factory returns the loop as `run` beside functions that read those
 * variables). A loop runs long on its first call, so V8 compiles it on the stack (OSR) before the
 * code after it has ever run; code there that needs type feedback (an object literal, a property
 * or element store, a comparison) then threw the compiled loop out at the end of the call, and on
 * Node 20 it did so call after call in some processes and not others (measured with
 * `--trace-deopt`: the job competition's weights 59 of 60 calls, the kept list's pass 155 of 165, in
 * about one process in four; each such call ran much of its loop unoptimised). Stores to a
 * closure's variables and a returned number need no feedback.
 *
 * Code before the loop has the same trouble: on the first call it runs before the function has
 * any type feedback (V8 allocates it lazily, here mid-loop), and the function's first full
 * compile, made during that call, then has none for it. A property read or a call there threw
 * that compile out on the second call, and in some processes the function was never compiled
 * again: the job competition's weights, reading `a.caseloadSize` first, ran unoptimised in every
 * no-policy process measured, boxing about 80 MB of numbers a replicate. So a loop's function
 * takes what it needs from objects (sizes, lengths, flags) as arguments.
 */
/** What keeps specialised loops: a population (`Agents.kernels`). */
export interface KeepsKernels {
  readonly kernels: Map<object, { inputs: readonly object[]; run: unknown }[]>;
}

let copies = 0;

/** The transform's helper that names functions; a copy needs no names. */
const keepName = <F>(f: F): F => f;

/**
 * A fresh copy of `factory`, compiled from its source text. Where code cannot be compiled at run
 * time (a page's content security policy), the factory itself: the same results, more slowly.
 */
export function specialise<F extends (...args: never[]) => unknown>(factory: F): F {
  try {
    return new Function('__name', `"use strict"; /* copy ${++copies} */ return (${factory.toString()});`)(keepName) as F;
  } catch {
    return factory;
  }
}

/**
 * Loops kept per factory and population: one per set of columns for the compaction's gather, and the
 * columns of a few models' policies taking turns.
 */
const KEPT = 64;

/**
 * The loop `make(a, inputs)` for population `a`: one made before for the same columns and the
 * same `inputs` (by identity), else a new one from a fresh copy of `make`.
 */
export function kernelFor<A extends KeepsKernels, I extends readonly object[], K>(a: A, make: (a: A, inputs: I) => K, inputs: I): K {
  let made = a.kernels.get(make);
  if (!made) a.kernels.set(make, (made = []));
  const found = made.find((k) => sameInputs(k.inputs, inputs));
  if (found) return found.run as K;
  const run = specialise(make)(a, inputs);
  made.push({ inputs, run });
  if (made.length > KEPT) made.shift();
  return run;
}

function sameInputs(x: readonly object[], y: readonly object[]): boolean {
  return x.length === y.length && x.every((v, k) => v === y[k]);
}
