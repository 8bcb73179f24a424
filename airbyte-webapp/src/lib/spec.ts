// Logic of forms generated from a connector spec's JSON Schema (connectionSpecification).
import type { JsonSchema } from './api';

export type Value = unknown;
export type Obj = Record<string, unknown>;

/** Properties in the spec's `order` (then title), grouped by `group` (ungrouped first). */
export function orderedProperties(schema: JsonSchema): { group: string | null; fields: [string, JsonSchema][] }[] {
  const entries = Object.entries(schema.properties ?? {}).sort(([ka, a], [kb, b]) => {
    const oa = a.order ?? Number.MAX_SAFE_INTEGER;
    const ob = b.order ?? Number.MAX_SAFE_INTEGER;
    return oa !== ob ? oa - ob : (a.title ?? ka).localeCompare(b.title ?? kb);
  });
  const groups = new Map<string | null, [string, JsonSchema][]>();
  for (const e of entries) {
    const g = e[1].group ?? null;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(e);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return keys.map((group) => ({ group, fields: groups.get(group)! }));
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.oneOf) return 'object';
  if (schema.properties) return 'object';
  return undefined;
}

/** The discriminator of a oneOf: the property every branch pins with a `const` (or a one-value enum). */
export function discriminator(schema: JsonSchema): string | null {
  const branches = schema.oneOf ?? [];
  if (branches.length === 0) return null;
  const candidates = Object.keys(branches[0].properties ?? {});
  for (const key of candidates) {
    if (branches.every((b) => constOf(b.properties?.[key]) !== undefined)) return key;
  }
  return null;
}

function constOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length === 1) return schema.enum[0];
  return undefined;
}

/** Which oneOf branch a value is in (by the discriminator), 0 when none matches. */
export function branchIndex(schema: JsonSchema, value: Value): number {
  const key = discriminator(schema);
  if (!key || !value || typeof value !== 'object') return 0;
  const v = (value as Obj)[key];
  const i = (schema.oneOf ?? []).findIndex((b) => constOf(b.properties?.[key]) === v);
  return i < 0 ? 0 : i;
}

/** The starting value of a field: its default, a oneOf's first branch, an object's nested defaults. */
export function initialValue(schema: JsonSchema): Value {
  if (schema.default !== undefined) {
    if (schema.oneOf && typeof schema.default !== 'object') return branchValue(schema, 0);
    return structuredClone(schema.default);
  }
  if (schema.oneOf) return branchValue(schema, 0);
  if (typeOf(schema) === 'object' && schema.properties) {
    const out: Obj = {};
    for (const [k, p] of Object.entries(schema.properties)) {
      const v = initialValue(p);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return undefined;
}

/** The value a oneOf takes when its branch `index` is picked: the branch's consts and defaults. */
export function branchValue(schema: JsonSchema, index: number): Obj {
  const branch = (schema.oneOf ?? [])[index] ?? {};
  const out: Obj = {};
  for (const [k, p] of Object.entries(branch.properties ?? {})) {
    const c = constOf(p);
    const v = c !== undefined ? c : initialValue(p);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function isRequired(schema: JsonSchema, key: string): boolean {
  return (schema.required ?? []).includes(key);
}

/** Drops empty strings and empty optional values so the server sees absent fields as absent. */
export function prune(value: Value): Value {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value as Obj)) {
      const p = prune(v);
      if (p === undefined || p === '' || (typeof p === 'number' && Number.isNaN(p))) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

/** Required fields left empty, as "path: required" like the server's 422 errors. */
export function missingRequired(schema: JsonSchema, value: Value, path = ''): string[] {
  const out: string[] = [];
  const obj = (value && typeof value === 'object' ? value : {}) as Obj;
  const effective = schema.oneOf ? (schema.oneOf[branchIndex(schema, value)] ?? {}) : schema;
  for (const [k, p] of Object.entries(effective.properties ?? {})) {
    const v = obj[k];
    const here = path ? `${path}.${k}` : k;
    if (isRequired(effective, k) && (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))) {
      out.push(`${here}: required`);
    } else if (v && typeof v === 'object' && !Array.isArray(v) && (p.properties || p.oneOf)) {
      out.push(...missingRequired(p, v, here));
    }
  }
  return out;
}
