import { describe, expect, it } from 'vitest';
import { availableModes, defaultMode, problem } from './syncModes';
import type { StreamProperties } from './api';

const users: StreamProperties = {
  streamName: 'users',
  syncModes: ['full_refresh_overwrite', 'full_refresh_append', 'full_refresh_overwrite_deduped', 'incremental_append',
    'incremental_deduped_history'],
  defaultCursorField: [],
  sourceDefinedCursorField: false,
  sourceDefinedPrimaryKey: [['id']],
  propertyFields: [['id'], ['updated_at']],
};

describe('sync modes', () => {
  it('offers only the modes the stream supports, in order', () => {
    const fullOnly = { ...users, syncModes: ['full_refresh_append', 'full_refresh_overwrite'] };
    expect(availableModes(fullOnly).map((m) => m.value)).toEqual(['full_refresh_overwrite', 'full_refresh_append']);
  });

  it('starts with overwrite unless the source defines a key and a cursor', () => {
    expect(defaultMode(users)).toBe('full_refresh_overwrite');
    expect(defaultMode({ ...users, sourceDefinedCursorField: true })).toBe('incremental_deduped_history');
  });

  it('asks for a cursor for incremental modes and a key for dedup', () => {
    expect(problem('incremental_append', [], undefined, users)).toBe('pick a cursor field');
    expect(problem('incremental_deduped_history', ['updated_at'], undefined, users)).toBeNull();
    expect(problem('full_refresh_overwrite_deduped', undefined, undefined, { ...users, sourceDefinedPrimaryKey: [] }))
      .toBe('pick a primary key');
  });
});
