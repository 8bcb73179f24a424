// The five connection sync modes of Airbyte's public API and what each needs.
import type { StreamProperties } from './api';

export const SYNC_MODES = [
  { value: 'full_refresh_overwrite', label: 'Full refresh | Overwrite' },
  { value: 'full_refresh_overwrite_deduped', label: 'Full refresh | Overwrite + Deduped' },
  { value: 'full_refresh_append', label: 'Full refresh | Append' },
  { value: 'incremental_append', label: 'Incremental | Append' },
  { value: 'incremental_deduped_history', label: 'Incremental | Append + Deduped' },
] as const;

export function label(mode: string): string {
  return SYNC_MODES.find((m) => m.value === mode)?.label ?? mode;
}

/** Only the modes the stream offers, in the usual order. */
export function availableModes(stream: StreamProperties) {
  return SYNC_MODES.filter((m) => stream.syncModes.includes(m.value));
}

export function needsCursor(mode: string): boolean {
  return mode.startsWith('incremental');
}

export function needsPrimaryKey(mode: string): boolean {
  return mode.endsWith('deduped') || mode.endsWith('deduped_history');
}

/** The mode a new stream starts with: incremental dedup when the source knows key and cursor, else overwrite. */
export function defaultMode(stream: StreamProperties): string {
  const modes = stream.syncModes;
  if (modes.includes('incremental_deduped_history') && stream.sourceDefinedPrimaryKey.length > 0
      && (stream.sourceDefinedCursorField || stream.defaultCursorField.length > 0)) {
    return 'incremental_deduped_history';
  }
  return modes.includes('full_refresh_overwrite') ? 'full_refresh_overwrite' : modes[0];
}

/** What is missing for a stream's choice, as a message (null when it can be saved). */
export function problem(mode: string, cursor: string[] | undefined, primaryKey: string[][] | undefined,
    stream: StreamProperties): string | null {
  if (needsCursor(mode) && !stream.sourceDefinedCursorField && (!cursor || cursor.length === 0)
      && stream.defaultCursorField.length === 0) {
    return 'pick a cursor field';
  }
  if (needsPrimaryKey(mode) && (!primaryKey || primaryKey.length === 0) && stream.sourceDefinedPrimaryKey.length === 0) {
    return 'pick a primary key';
  }
  return null;
}

/** JSON schema types whose values order records: a cursor is one of these (never an object, an array or any JSON value). */
const ORDERED_TYPES = ['string', 'integer', 'number', 'boolean'];

/**
 * The fields a user may pick as the stream's cursor: top-level fields whose type is a scalar
 * (string, including dates and timestamps, integer, number, boolean), optionally nullable. Objects,
 * arrays and untyped fields (any JSON value, e.g. a jsonb column) cannot order records. Without
 * types from the server every field is offered, as before.
 */
export function cursorCandidates(stream: StreamProperties): string[] {
  const fields = stream.propertyFields.filter((f) => f.length === 1).map((f) => f[0]);
  const types = stream.propertyFieldTypes;
  if (!types) return fields;
  return fields.filter((f) => {
    const t = (types[f] ?? []).filter((x) => x !== 'null');
    return t.length > 0 && t.every((x) => ORDERED_TYPES.includes(x));
  });
}
