/**
 * `defineModel` is what a model file default-exports. It returns its argument unchanged: the
 * type gives editor help while writing, and `loadModel` validates the data at run time.
 */
import type { ModelInput } from './schema.ts';

export function defineModel(model: ModelInput): ModelInput {
  return model;
}

export type { ModelInput };
