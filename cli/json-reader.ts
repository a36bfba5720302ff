/**
 * Readers for the JSON the CLI receives, without zod: zod made the CLI's bundle three times larger and its start
 * 1.45x a bare `node -e ""` (README, figure 14). Each reader returns its input as the matching zod/mini schema
 * outputs it (objects keep only their declared keys), or undefined where that schema refuses it. Only the kinds of
 * schema the protocol uses; tests/cli/cli-readers.test.ts holds every reader built from these to its schema.
 */

export type Reader<T> = (value: unknown) => T | undefined;

interface OptionalField<T> {
  readonly optional: Reader<T>;
}
type Field = Reader<unknown> | OptionalField<unknown>;
type Shape = Record<string, Field>;
type Flatten<T> = { [K in keyof T]: T[K] };
/** The type zod infers for z.object(shape): optional fields as `key?: T | undefined`, nothing readonly. */
type ObjectOf<S extends Shape> = Flatten<
  { -readonly [K in keyof S as S[K] extends OptionalField<unknown> ? never : K]: S[K] extends Reader<infer T> ? T : never } & {
    -readonly [K in keyof S as S[K] extends OptionalField<unknown> ? K : never]?: S[K] extends OptionalField<infer T> ? T | undefined : never;
  }
>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function string(limits: { min?: number; max?: number; pattern?: RegExp } = {}): Reader<string> {
  return (value) => {
    if (typeof value !== 'string') return undefined;
    if (limits.min !== undefined && value.length < limits.min) return undefined;
    if (limits.max !== undefined && value.length > limits.max) return undefined;
    if (limits.pattern !== undefined && !limits.pattern.test(value)) return undefined;
    return value;
  };
}

/** z.url(): what URL can parse once trimmed; handed on trimmed, without tabs or line breaks. */
export const url: Reader<string> = (value) => {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return URL.canParse(trimmed) ? trimmed.replace(/[\t\n\r]/gu, '') : undefined;
};

export const number: Reader<number> = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const int: Reader<number> = (value) => (Number.isSafeInteger(value) ? (value as number) : undefined);
export const positiveInt: Reader<number> = (value) => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined);
export const boolean: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);
/** z.unknown() as an object's field: anything but a missing value. */
export const present: Reader<unknown> = (value) => value;

export function literal<const T extends string | number | boolean>(expected: T): Reader<T> {
  return (value) => (value === expected ? expected : undefined);
}

export function oneOf<const T extends string>(values: readonly T[]): Reader<T> {
  return (value) => (values.includes(value as T) ? (value as T) : undefined);
}

export function nullable<T>(read: Reader<T>): Reader<T | null> {
  return (value) => (value === null ? null : read(value));
}

export function optional<T>(read: Reader<T>): OptionalField<T> {
  return { optional: read };
}

export function array<T>(read: Reader<T>): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return undefined;
    const items: T[] = [];
    for (const item of value) {
      const parsed = read(item);
      if (parsed === undefined) return undefined;
      items.push(parsed);
    }
    return items;
  };
}

/** z.object(): the declared fields, in declaration order; other keys are dropped. */
export function object<const S extends Shape>(shape: S): Reader<ObjectOf<S>> {
  const fields = Object.entries(shape);
  return (value) => {
    if (!isObject(value)) return undefined;
    const output: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const raw = value[key];
      if (typeof field !== 'function') {
        if (raw === undefined) continue;
        const read = field.optional(raw);
        if (read === undefined) return undefined;
        output[key] = read;
      } else {
        const read = raw === undefined ? undefined : field(raw);
        if (read === undefined) return undefined;
        output[key] = read;
      }
    }
    return output as ObjectOf<S>;
  };
}

/** z.partialRecord(z.enum(keys), value): only those keys, each optional; `__proto__` is skipped as zod does. */
export function partialRecord<const K extends string, T>(keys: readonly K[], read: Reader<T>): Reader<Partial<Record<K, T>>> {
  return (value) => {
    if (!isObject(value)) return undefined;
    const output: Partial<Record<K, T>> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      if (!keys.includes(key as K)) return undefined;
      const parsed = read(value[key]);
      if (parsed === undefined) return undefined;
      output[key as K] = parsed;
    }
    return output;
  };
}

/** z.record(z.string(), value): any key but `__proto__`, which zod skips. */
export function record<T>(read: Reader<T>): Reader<Record<string, T>> {
  return (value) => {
    if (!isObject(value)) return undefined;
    const output: Record<string, T> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      const parsed = read(value[key]);
      if (parsed === undefined) return undefined;
      output[key] = parsed;
    }
    return output;
  };
}

/** The first reader that accepts (a discriminated union when each one checks its own literal). */
export function firstOf<A, B>(first: Reader<A>, second: Reader<B>): Reader<A | B> {
  return (value) => {
    const read = first(value);
    return read === undefined ? second(value) : read;
  };
}
