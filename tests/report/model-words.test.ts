/** Dutch descriptions and policy labels of the model files: current for every model, and not used once the English changes. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasDutchLabel, modelDescription, policyLabel } from '../../src/report/model-words.ts';
import { descriptionHtml } from '../../src/report/sections.ts';
import { ROOT } from './helpers.ts';

const MODELS = readdirSync(join(ROOT, 'models')).filter((f) => f.endsWith('.ts') && f !== 'profiles.ts');

describe('model words', () => {
  it.each(MODELS)('%s has a Dutch description of its current English one, and Dutch policy labels', async (file) => {
    const model = (await import(pathToFileURL(join(ROOT, 'models', file)).href)).default as { name: string; description: string; policies: { label?: string }[] };
    expect(modelDescription(model.name, model.description, 'nl').translated).toBe(true);
    for (const p of model.policies) if (p.label) expect(hasDutchLabel(p.label), p.label).toBe(true);
  });

  it('a changed English description falls back to English, marked as such', () => {
    expect(modelDescription('emmen', 'Emmen, rewritten.', 'nl')).toEqual({ text: 'Emmen, rewritten.', translated: false });
    expect(descriptionHtml('emmen', 'Emmen, rewritten.', 'nl')).toBe('Deze beschrijving is er alleen in het Engels: <span lang="en">Emmen, rewritten.</span>');
    expect(policyLabel('an unknown label', 'nl')).toBe('an unknown label');
    expect(policyLabel('debt help', 'nl')).toBe('schuldhulp');
    expect(policyLabel('debt help', 'en')).toBe('debt help');
  });
});
