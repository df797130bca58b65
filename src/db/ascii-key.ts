/**
 * Columns that hold opaque ASCII keys (UUIDs) in a table where the database compares them millions of times: the
 * similar-petition postings, grouped and filtered by case and congress in every query. On MySQL they are stored as
 * `ascii` with the binary collation, so that each comparison is a byte comparison instead of a utf8mb4 collation
 * lookup (measured: the posting aggregate ran in about a third of the time). SQLite compares bytes already and knows
 * neither, so the entities declare nothing engine-specific and the data source applies this on MySQL alone.
 */
const asciiKeys = new Map<Function, Set<string>>();

/** Marks a `varchar` column as an ASCII key (see above). */
export function AsciiKey(): PropertyDecorator {
  return (target, property) => {
    const ctor = target.constructor;
    const keys = asciiKeys.get(ctor) ?? new Set<string>();
    keys.add(String(property));
    asciiKeys.set(ctor, keys);
  };
}

/** Whether `property` of `target` (an entity class) was marked with {@link AsciiKey}. */
export function isAsciiKey(target: Function | string, property: string): boolean {
  return typeof target === 'function' && (asciiKeys.get(target)?.has(property) ?? false);
}
