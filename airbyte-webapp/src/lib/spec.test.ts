import { describe, expect, it } from 'vitest';
import { branchIndex, branchValue, discriminator, initialValue, missingRequired, orderedProperties, prune } from './spec';
import type { JsonSchema } from './api';

const sslMode: JsonSchema = {
  title: 'SSL mode',
  type: 'object',
  oneOf: [
    { title: 'disable', properties: { mode: { type: 'string', const: 'disable' } } },
    { title: 'require', properties: { mode: { type: 'string', const: 'require' } } },
    {
      title: 'verify-ca',
      required: ['ca_certificate'],
      properties: { mode: { type: 'string', const: 'verify-ca' }, ca_certificate: { type: 'string', airbyte_secret: true } },
    },
  ],
};

const postgres: JsonSchema = {
  type: 'object',
  required: ['host', 'port', 'database'],
  properties: {
    port: { type: 'integer', default: 5432, order: 1 },
    host: { type: 'string', order: 0 },
    database: { type: 'string', order: 2 },
    password: { type: 'string', airbyte_secret: true, order: 4 },
    ssl_mode: { ...sslMode, order: 5, group: 'security' },
    schemas: { type: 'array', items: { type: 'string' }, default: ['public'], order: 3 },
  },
};

describe('spec forms', () => {
  it('orders fields by order and puts groups after the ungrouped ones', () => {
    const groups = orderedProperties(postgres);
    expect(groups.map((g) => g.group)).toEqual([null, 'security']);
    expect(groups[0].fields.map(([k]) => k)).toEqual(['host', 'port', 'database', 'schemas', 'password']);
  });

  it('starts from defaults and the first oneOf branch', () => {
    expect(initialValue(postgres)).toEqual({ port: 5432, schemas: ['public'], ssl_mode: { mode: 'disable' } });
  });

  it('finds the discriminator and the branch a value is in', () => {
    expect(discriminator(sslMode)).toBe('mode');
    expect(branchIndex(sslMode, { mode: 'verify-ca' })).toBe(2);
    expect(branchIndex(sslMode, { mode: 'nonsense' })).toBe(0);
    expect(branchValue(sslMode, 1)).toEqual({ mode: 'require' });
  });

  it('names missing required fields, inside the chosen oneOf branch too', () => {
    expect(missingRequired(postgres, { port: 5432, host: '', ssl_mode: { mode: 'verify-ca' } })).toEqual([
      'host: required',
      'database: required',
      'ssl_mode.ca_certificate: required',
    ]);
    expect(missingRequired(postgres, { host: 'h', port: 1, database: 'd', ssl_mode: { mode: 'disable' } })).toEqual([]);
  });

  it('prunes empty strings but keeps zeros and false', () => {
    expect(prune({ a: '', b: 0, c: false, d: { e: '' }, f: ['x'] })).toEqual({ b: 0, c: false, d: {}, f: ['x'] });
  });
});
