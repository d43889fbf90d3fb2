/** parseRunArgs for the flags of issue 11: --shard, --resume (no model file needed), --format. */
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../src/cli/args.ts';
import { shardMsg } from '../../src/batch/messages.ts';
import { InputError } from '../../src/model/load.ts';

describe('parseRunArgs: shards, resume, format', () => {
  it('reads --shard i/n, --format and --resume without a model file', () => {
    expect(parseRunArgs(['m.ts', '--shard', '1/4', '--format', 'both'])).toMatchObject({ modelFile: 'm.ts', shard: { index: 1, count: 4 }, format: 'both' });
    expect(parseRunArgs(['--resume', 'runs/x.incomplete'])).toMatchObject({ modelFile: '', resume: 'runs/x.incomplete' });
  });
  it('refuses a bad shard and an unknown format, naming them', () => {
    expect(() => parseRunArgs(['m.ts', '--shard', '4/4'])).toThrow(shardMsg.indexOutOfRange('4/4', 4, 4));
    expect(() => parseRunArgs(['m.ts', '--format', 'xlsx'])).toThrow(InputError);
    expect(() => parseRunArgs(['m.ts', '--format', 'xlsx'])).toThrow(/--format: expected csv, parquet or both, found 'xlsx'/);
  });
  it('still needs a model file without --resume', () => {
    expect(() => parseRunArgs(['--shard', '0/2'])).toThrow(InputError);
  });
});
