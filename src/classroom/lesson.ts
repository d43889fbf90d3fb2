/**
 * A lesson is a JSON file in `lessons/` that a teacher can copy and edit: a question, steps whose
 * settings load with a click (and run: play, replicates or a paired comparison), and a reveal.
 * Every text is given in English and Dutch. Checked at build time (so a mistake names the file and
 * field) and again in the page when a teacher opens a lesson file there.
 */
import { z } from 'zod';
import { settingsSchema } from './settings.ts';
import { InputError } from '../model/validate.ts';

const text = z.strictObject({ en: z.string().min(1), nl: z.string().min(1) });

export const lessonStepSchema = z.strictObject({
  /** The button's label. */
  label: text,
  /** What to look at once it runs. */
  text,
  settings: settingsSchema,
  /** For `compare`: the second setting (B); the first is `settings` (A). Both run with A's seed. */
  compare: settingsSchema.optional(),
  /** `play`: animate the live replicate; `replicates`: a fan of many; `compare`: A against B, paired. */
  run: z.enum(['play', 'replicates', 'compare']).default('play'),
  /** Replicates for `replicates` and `compare`. */
  replicates: z.number().int().min(2).max(1000).default(100),
});

export const lessonSchema = z.strictObject({
  /** Lessons are listed in this order. */
  order: z.number().default(100),
  title: text,
  question: text,
  steps: z.array(lessonStepSchema).min(1),
  reveal: text,
  /** Where the lesson's figures come from (seed articles, data). */
  sources: z.array(z.string()).default([]),
});

export type Lesson = z.output<typeof lessonSchema>;
export type LessonStep = z.output<typeof lessonStepSchema>;
export type LessonText = z.output<typeof text>;

/** Parses a lesson; throws with one line per problem, naming the field. */
export function parseLesson(data: unknown, file: string, modelNames?: readonly string[]): Lesson {
  const r = lessonSchema.safeParse(data);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  at ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
    throw new InputError([`${file}: ${lines.length} problem${lines.length === 1 ? '' : 's'} in the lesson:`, ...lines].join('\n'));
  }
  if (modelNames) {
    const unknown = r.data.steps.flatMap((s, k) =>
      [s.settings, s.compare].filter((x) => x && !modelNames.includes(x.model)).map((x) => `  at steps.${k}: no model named '${x!.model}' (there are ${modelNames.join(', ')})`),
    );
    if (unknown.length) throw new InputError([`${file}: ${unknown.length} problem${unknown.length === 1 ? '' : 's'} in the lesson:`, ...unknown].join('\n'));
  }
  return r.data;
}
