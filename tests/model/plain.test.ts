/** The default export of a model or experiment file, copied as plain data before it is read. */
import { describe, expect, it } from 'vitest';
import { toPlainData } from '../../src/model/plain.ts';
import { getPath, setPath } from '../../src/model/validate.ts';

describe('toPlainData', () => {
  it('copies plain data, reading through a Proxy once', () => {
    const data = { a: 1, b: [1, { c: 'x' }], d: null };
    expect(toPlainData(new Proxy(data, {}), 'm.ts')).toEqual(data);
  });

  it('names the field of a getter that throws, a function, a class instance, a cycle, __proto__', () => {
    expect(() => toPlainData({ a: { get b() { throw new Error('boom'); } } }, 'm.ts')).toThrow('m.ts: at a.b: could not be read: boom');
    expect(() => toPlainData({ a: [1, () => 2] }, 'm.ts')).toThrow('m.ts: at a[1]: expected data');
    expect(() => toPlainData({ when: new Date(0) }, 'm.ts')).toThrow('m.ts: at when: expected a plain object');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toPlainData(cyclic, 'm.ts')).toThrow('m.ts: at self: refers back to itself');
    expect(() => toPlainData(JSON.parse('{"__proto__": {"x": 1}}'), 'm.ts')).toThrow("at __proto__: the field name '__proto__' is not allowed");
    const refusing = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(() => toPlainData({ p: refusing }, 'm.ts')).toThrow('m.ts: at p: could not be read: no keys');
  });

  it('paths never reach into prototypes', () => {
    expect(getPath({ a: 1 }, '__proto__.constructor')).toBeUndefined();
    expect(getPath({ a: 1 }, 'toString')).toBeUndefined();
    expect(() => setPath({ a: 1 }, '__proto__.polluted', 1)).toThrow("'__proto__'");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
