import { describe, expect, it } from 'vitest';
import { availableModes, cursorCandidates, defaultMode, problem } from './syncModes';
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

describe('cursor candidates', () => {
  const orders: StreamProperties = {
    streamName: 'orders',
    syncModes: ['incremental_append'],
    defaultCursorField: [],
    sourceDefinedCursorField: false,
    sourceDefinedPrimaryKey: [],
    propertyFields: [['id'], ['updated_at'], ['amount'], ['paid'], ['doc'], ['address'], ['tags'], ['note']],
    propertyFieldTypes: {
      id: ['null', 'integer'], updated_at: ['string'], amount: ['number'], paid: ['boolean'],
      doc: [], // a jsonb column: any JSON value
      address: ['null', 'object'], tags: ['array'], note: ['null', 'string', 'object'],
    },
  };

  it('offers scalar fields only: never a jsonb, object or array field', () => {
    expect(cursorCandidates(orders)).toEqual(['id', 'updated_at', 'amount', 'paid']);
  });

  it('offers a field typed null only as no cursor', () => {
    expect(cursorCandidates({ ...orders, propertyFields: [['gone']], propertyFieldTypes: { gone: ['null'] } })).toEqual([]);
  });

  it('offers every field when the server sends no types', () => {
    expect(cursorCandidates({ ...orders, propertyFieldTypes: undefined })).toHaveLength(8);
  });
});
