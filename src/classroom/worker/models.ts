/**
 * The model files bundled into the worker, validated and calibrated exactly as `loadModel` does:
 * the zod schema, then the companion `fitted.json` (read and checked at build time) applied with
 * `applyFitted` and validated again.
 */
import { BUNDLED_MODELS, FITTED } from 'virtual:classroom-models';
import { applyFitted, validateModel } from '../../model/validate.ts';
import type { Model } from '../../model/schema.ts';
import { applySettings, type Settings } from '../settings.ts';
import type { BundledModel } from '../protocol.ts';

/** Every bundled model that validates, and a message for each one that does not. */
export function loadBundledModels(): { models: BundledModel[]; problems: string[] } {
  const models: BundledModel[] = [];
  const problems: string[] = [];
  for (const { file, input } of BUNDLED_MODELS) {
    try {
      const model = validateModel(input, file);
      if (!FITTED) {
        models.push({ file, model, applied: {} });
        continue;
      }
      const { model: fitted, applied } = applyFitted(input, model, FITTED.fitted);
      models.push({ file, model: validateModel(fitted, `${file} with ${FITTED.file}`), applied });
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { models, problems };
}

export const FITTED_FILE: string | null = FITTED?.file ?? null;

/** The model a page's settings describe, validated with the model schema (a bad setting throws with the field path). */
export function modelFor(models: readonly BundledModel[], settings: Settings): { model: Model; seed: number } {
  const base = models.find((m) => m.model.name === settings.model);
  if (!base) throw new Error(`no model named '${settings.model}' in this page (it has ${models.map((m) => m.model.name).join(', ')})`);
  return {
    model: validateModel(applySettings(base.model, settings), `${base.file} with the classroom settings`),
    seed: settings.seed ?? base.model.run.seed,
  };
}
