import { buildSchema, findBreakingChanges, type BreakingChange } from 'graphql';

/** One deliberate breaking change, as listed in `docs/schema-changes.json`. */
export interface DeclaredChange {
  /** Exactly the `description` graphql's findBreakingChanges gives, e.g. `Query.foo was removed.` */
  description: string;
  reason: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/**
 * The breaking changes from `oldSdl` to `newSdl` that no entry of `declared` names by its exact
 * description. Dangerous (non-breaking) changes are not reported.
 */
export function undeclaredBreakingChanges(oldSdl: string, newSdl: string, declared: readonly DeclaredChange[]): BreakingChange[] {
  const allowed = new Set(declared.map((d) => d.description));
  return findBreakingChanges(buildSchema(oldSdl), buildSchema(newSdl)).filter((c) => !allowed.has(c.description));
}

/**
 * Parses `docs/schema-changes.json`. Throws with every malformed entry listed, because an entry whose
 * description is misspelt would silently declare nothing.
 */
export function parseDeclaredChanges(json: string): DeclaredChange[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data)) throw new Error('docs/schema-changes.json must be a JSON array');
  const problems: string[] = [];
  data.forEach((entry, i) => {
    const e = entry as Partial<Record<keyof DeclaredChange, unknown>> | null;
    if (typeof e !== 'object' || e === null) return void problems.push(`[${i}] is not an object`);
    if (typeof e.description !== 'string' || !e.description.trim()) problems.push(`[${i}].description must be a non-empty string`);
    if (typeof e.reason !== 'string' || !e.reason.trim()) problems.push(`[${i}].reason must be a non-empty string`);
    if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) problems.push(`[${i}].date must be YYYY-MM-DD`);
  });
  if (problems.length) throw new Error(`docs/schema-changes.json is malformed:\n  ${problems.join('\n  ')}`);
  return data as DeclaredChange[];
}
