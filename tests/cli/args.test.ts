/** parseRunArgs: defaults, every flag, and a clear InputError for each kind of wrong input. */
import { describe, expect, it } from 'vitest';
import { HELP, parseRunArgs } from '../../src/cli/args.ts';
import { msg } from '../../src/messages.ts';
import { InputError } from '../../src/model/load.ts';
import { langFromEnv } from '../../src/report/lang.ts';

/** The InputError message for `argv` (fails the test if parseRunArgs does not throw one). */
function errorOf(argv: string[]): string {
  try {
    parseRunArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`expected parseRunArgs(${JSON.stringify(argv)}) to throw`);
}

describe('parseRunArgs: valid input', () => {
  it('only a model file: everything else left to the model', () => {
    expect(parseRunArgs(['models/rotterdam.ts'])).toEqual({
      modelFile: 'models/rotterdam.ts',
      runs: undefined,
      seed: undefined,
      months: undefined,
      workers: undefined,
      out: undefined,
      quiet: false,
      noCharts: false,
      noEnsemble: false,
      noSensitivity: false,
      lang: langFromEnv(),
      help: false,
    });
  });

  it('parses every flag, before or after the model file', () => {
    const expected = { modelFile: 'm.ts', runs: 7, seed: 123, months: 36, workers: 3, out: 'some/dir', quiet: true, noCharts: false, noEnsemble: false, noSensitivity: false, lang: langFromEnv(), help: false };
    expect(parseRunArgs(['m.ts', '--runs', '7', '--seed', '123', '--months', '36', '--workers', '3', '--out', 'some/dir', '--quiet'])).toEqual(expected);
    expect(parseRunArgs(['--runs=7', '--seed=123', '--months=36', '--workers=3', '--out=some/dir', '--quiet', 'm.ts'])).toEqual(expected);
  });

  it('--lang nl|en, else the locale of the environment', () => {
    expect(parseRunArgs(['m.ts', '--lang', 'nl']).lang).toBe('nl');
    expect(parseRunArgs(['m.ts', '--lang=en']).lang).toBe('en');
    expect(errorOf(['m.ts', '--lang', 'de'])).toBe(`${msg.badFlagValue('lang', 'nl or en', 'de')} ${msg.seeHelp}`);
    expect(langFromEnv({ LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(langFromEnv({ LC_ALL: 'nl_BE', LANG: 'en_US.UTF-8' })).toBe('nl');
    expect(langFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });

  it('each flag on its own', () => {
    expect(parseRunArgs(['m.ts', '--runs', '1']).runs).toBe(1);
    expect(parseRunArgs(['m.ts', '--seed', '0']).seed).toBe(0);
    expect(parseRunArgs(['m.ts', '--seed', String(2 ** 31)]).seed).toBe(2 ** 31);
    expect(parseRunArgs(['m.ts', '--months', '600']).months).toBe(600);
    expect(parseRunArgs(['m.ts', '--workers', '0']).workers).toBe(0);
    expect(parseRunArgs(['m.ts', '--out', 'x']).out).toBe('x');
    expect(parseRunArgs(['m.ts', '--quiet']).quiet).toBe(true);
  });

  it('--help and -h, with or without other arguments, need no model', () => {
    expect(parseRunArgs(['--help']).help).toBe(true);
    expect(parseRunArgs(['-h']).help).toBe(true);
    expect(parseRunArgs(['m.ts', '--runs', '5', '--help']).help).toBe(true);
    expect(parseRunArgs(['--help', 'a.ts', 'b.ts']).help).toBe(true);
  });

  it('the help text starts with the usage line and documents every option', () => {
    expect(HELP.split('\n')[0]).toBe(msg.usage);
    for (const flag of ['--runs', '--seed', '--months', '--workers', '--out', '--quiet', '--help']) {
      expect(HELP).toMatch(new RegExp(`^ {2}${flag}\\b`, 'm'));
    }
  });
});

describe('parseRunArgs: wrong input', () => {
  it('an unknown flag names the flag and points to --help', () => {
    const text = errorOf(['m.ts', '--rusn', '5']);
    expect(text).toBe(`${msg.unknownFlag('--rusn')} ${msg.seeHelp}`);
    expect(text).toContain('--help');
    expect(errorOf(['-x', 'm.ts'])).toBe(`${msg.unknownFlag('-x')} ${msg.seeHelp}`);
  });

  it('--runs abc: names the flag, what was expected and what was found', () => {
    expect(errorOf(['m.ts', '--runs', 'abc'])).toBe(`${msg.badFlagValue('runs', 'an integer from 1 to 1000000', 'abc')} ${msg.seeHelp}`);
  });

  it('--runs 0, --runs 2.5, --runs 1e3', () => {
    expect(errorOf(['m.ts', '--runs', '0'])).toBe(`${msg.badFlagValue('runs', 'an integer from 1 to 1000000', '0')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--runs', '2.5'])).toBe(`${msg.badFlagValue('runs', 'an integer from 1 to 1000000', '2.5')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--runs', '1e3'])).toBe(`${msg.badFlagValue('runs', 'an integer from 1 to 1000000', '1e3')} ${msg.seeHelp}`);
  });

  it('--workers=-1: names the flag, expected and found', () => {
    expect(errorOf(['m.ts', '--workers=-1'])).toBe(`${msg.badFlagValue('workers', 'an integer from 0 to 32', '-1')} ${msg.seeHelp}`);
  });

  it('--workers -1 (a value parseArgs takes for a flag): names the flag, expected and found', () => {
    expect(errorOf(['m.ts', '--workers', '-1'])).toBe(`${msg.badFlagValue('workers', 'an integer from 0 to 32', '-1')} ${msg.seeHelp}`);
  });

  it('--quiet=yes: the flag takes no value', () => {
    expect(errorOf(['m.ts', '--quiet=yes'])).toBe(`${msg.takesNoValue('quiet')} ${msg.seeHelp}`);
  });

  it('out-of-range values of --seed, --months and --workers', () => {
    expect(errorOf(['m.ts', '--seed', String(2 ** 31 + 1)])).toBe(`${msg.badFlagValue('seed', 'an integer from 0 to 2147483648', '2147483649')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--months', '0'])).toBe(`${msg.badFlagValue('months', 'an integer from 1 to 600', '0')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--months', '601'])).toBe(`${msg.badFlagValue('months', 'an integer from 1 to 600', '601')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--workers', '33'])).toBe(`${msg.badFlagValue('workers', 'an integer from 0 to 32', '33')} ${msg.seeHelp}`);
  });

  it('a flag without its value', () => {
    expect(errorOf(['m.ts', '--runs'])).toBe(`${msg.missingValue('runs')} ${msg.seeHelp}`);
  });

  it('an empty --out', () => {
    expect(errorOf(['m.ts', '--out', ''])).toBe(`${msg.badFlagValue('out', 'a folder path', '')} ${msg.seeHelp}`);
    expect(errorOf(['m.ts', '--out', '   '])).toContain('option --out: expected a folder path');
  });

  it('no model file', () => {
    expect(errorOf([])).toBe(`${msg.noModel} ${msg.seeHelp}`);
    expect(errorOf(['--runs', '3', '--quiet'])).toBe(`${msg.noModel} ${msg.seeHelp}`);
  });

  it('two model files', () => {
    expect(errorOf(['a.ts', 'b.ts'])).toBe(`${msg.tooManyArgs(['a.ts', 'b.ts'])} ${msg.seeHelp}`);
    expect(errorOf(['a.ts', '--runs', '2', 'b.ts'])).toContain('found 2: a.ts b.ts');
  });
});
