/**
 * A model, experiment or lesson file's default export, copied as plain data before anything else
 * reads it: objects, lists, strings, numbers, booleans and null only. Getters run once, here; a
 * getter that throws, a Proxy that refuses, a function, a class instance, a cycle or a
 * `__proto__` key becomes a message naming the field, not a crash later. Pure (no Node modules).
 */
import { InputError } from './validate.ts';
import { formatPath } from './validate.ts';

const MAX_DEPTH = 32;

function fail(file: string, path: PropertyKey[], what: string): never {
  throw new InputError(`${file}: at ${formatPath(path) || '(top level)'}: ${what}`);
}

/** A deep plain copy of `value`; throws InputError naming the file and field for anything else. */
export function toPlainData(value: unknown, file: string): unknown {
  const seen = new Set<object>();
  const copy = (v: unknown, path: PropertyKey[]): unknown => {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return v;
    if (typeof v !== 'object') fail(file, path, `expected data (an object, list, string, number or boolean), found a ${typeof v}`);
    if (path.length > MAX_DEPTH) fail(file, path, `nested more than ${MAX_DEPTH} levels deep`);
    if (seen.has(v)) fail(file, path, 'refers back to itself (a cycle); expected plain data');
    seen.add(v);
    try {
      let isArray: boolean;
      let proto: unknown;
      try {
        isArray = Array.isArray(v);
        proto = Object.getPrototypeOf(v);
      } catch (e) {
        return fail(file, path, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (isArray) {
        const list = v as unknown[];
        let n: number;
        try {
          n = list.length;
        } catch (e) {
          return fail(file, path, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (!Number.isSafeInteger(n) || n > 1_000_000) fail(file, path, `a list of ${n} items is too long`);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(copy(read(v, i, path), [...path, i]));
        return out;
      }
      if (proto !== Object.prototype && proto !== null) fail(file, path, 'expected a plain object ({ ... }), found an instance of a class');
      let keys: string[];
      try {
        keys = Object.keys(v);
      } catch (e) {
        return fail(file, path, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
      }
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        if (k === '__proto__') fail(file, [...path, k], "the field name '__proto__' is not allowed");
        out[k] = copy(read(v, k, path), [...path, k]);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  const read = (obj: object, key: PropertyKey, path: PropertyKey[]): unknown => {
    try {
      return (obj as Record<PropertyKey, unknown>)[key];
    } catch (e) {
      return fail(file, [...path, key], `could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return copy(value, []);
}
