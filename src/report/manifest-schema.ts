/**
 * A run folder's manifest.json and summary.json are input too: `report` and `compare` read folders
 * a user names, which may have been edited or come from elsewhere. They are checked with zod like a
 * model file, so `"months": 1000000000` or a missing field is a message naming the file and field
 * (exit 2), not a TypeError or a heap overflow. Only the fields the reports read are checked; the
 * rest passes through.
 */
import { z } from 'zod';
import { describeIssue, flattenIssues, formatPath, InputError } from '../model/validate.ts';
import { msg } from '../messages.ts';

const count = (max: number) => z.number().int().min(1).max(max);
const stamp = z.string();

export const runManifestSchema = z.looseObject({
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  node: z.string(),
  git: z.looseObject({ commit: z.string(), dirty: z.boolean() }).nullable(),
  model: z.looseObject({ name: z.string(), file: z.string(), sha256: z.string() }),
  calibration: z.looseObject({ file: z.string(), sha256: z.string() }).nullable(),
  masterSeed: z.number().int().min(0).max(2 ** 31),
  runs: count(1_000_000),
  months: count(600),
  workers: z.number().int().min(0),
  scenarios: z.array(z.string().min(1)).min(1).max(100),
  economy: z.record(z.string(), z.string()),
  startedAt: stamp,
  finishedAt: stamp,
  parameters: z.looseObject({ model: z.looseObject({ startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), description: z.string().optional() }) }),
  reproduce: z.string(),
});

const stat = z.looseObject({
  mean: z.number().nullable(),
  ci95: z.array(z.number().nullable()).length(2),
  range95: z.array(z.number().nullable()).length(2),
  sd: z.number().nullable(),
});

export const summarySchema = z.looseObject({
  runs: count(1_000_000),
  months: count(600),
  scenarios: z.record(z.string(), z.record(z.string(), stat.extend({ label: z.string(), unit: z.string() }))),
  contrasts: z.array(z.looseObject({ scenario: z.string(), against: z.string(), metric: z.string(), label: z.string(), unit: z.string(), difference: stat })),
  notes: z.array(z.string()).optional(),
});

export const experimentManifestSchema = z.looseObject({
  experiment: z.looseObject({ name: z.string(), file: z.string(), sha256: z.string(), design: z.enum(['factorial', 'lhs', 'sobol', 'grid', 'trial', 'displacement']) }),
  models: z.record(z.string(), z.looseObject({ file: z.string(), sha256: z.string() })),
  seed: z.number().int().min(0).max(2 ** 31),
  replicates: count(100_000),
  months: count(600),
  files: z.array(z.string().regex(/^[^/\\]+$/, 'a file name inside the folder')),
  parameters: z.looseObject({ experiment: z.looseObject({ name: z.string(), design: z.looseObject({ kind: z.string() }) }) }),
});

/** Checks `data` read from `file` against `schema`; throws an InputError naming the file and every field. */
export function checkJson<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return r.data;
  const lines = flattenIssues(r.error.issues).map((i) => msg.modelIssue(formatPath(i.path), describeIssue(i, data, schema)));
  throw new InputError([msg.modelInvalid(file, lines.length, 'file (not a run folder this version wrote, or edited by hand)'), ...lines].join('\n'));
}
