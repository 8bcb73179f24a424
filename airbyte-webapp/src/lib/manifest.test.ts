import { describe, expect, it } from 'vitest';
import { columnsOf, connectionSpecification, ManifestError, pagesOf, parseManifest, recordsOf, streamNames } from './manifest';
import type { StreamRead } from './manifest';
import read from './fixtures/stream-read.json';
import itemsYaml from '../../../airbyte-test-support/src/main/resources/manifests/items.yaml?raw';
import itemsJson from '../../../airbyte-test-support/src/main/resources/manifests/items.json';

// the manifest the platform's integration tests run through airbyte-cdk, and a StreamRead the CDK's
// Connector Builder gave for it (15 records, 2 pages)

describe('parseManifest', () => {
  it('reads the YAML into the JSON object the API stores', () => {
    const manifest = parseManifest(itemsYaml);
    expect(manifest).toEqual(itemsJson);
    expect(streamNames(manifest)).toEqual(['items']);
    expect(connectionSpecification(manifest)?.required).toEqual(['base_url', 'api_key', 'start_date']);
  });

  it('reads JSON as well', () => {
    expect(parseManifest(JSON.stringify(itemsJson))).toEqual(itemsJson);
  });

  it('names the line of a YAML error', () => {
    const broken = 'version: 6.61.6\nstreams:\n  - name: items\n   type: DeclarativeStream\n';
    expect(() => parseManifest(broken)).toThrow(ManifestError);
    try {
      parseManifest(broken);
    } catch (e) {
      expect((e as ManifestError).line).toBe(4);
      expect((e as Error).message).toMatch(/^Line 4/);
    }
  });

  it('refuses what is not a mapping', () => {
    expect(() => parseManifest('')).toThrow('empty');
    expect(() => parseManifest('- a\n- b\n')).toThrow('mapping');
    expect(() => parseManifest('42')).toThrow('mapping');
  });

  it('has no spec or streams where the manifest has none', () => {
    const manifest = parseManifest('version: 6.61.6\ntype: DeclarativeSource\n');
    expect(streamNames(manifest)).toEqual([]);
    expect(connectionSpecification(manifest)).toBeNull();
  });
});

describe('a StreamRead', () => {
  const streamRead = read as unknown as StreamRead;
  it('gives its pages in order and their records', () => {
    const pages = pagesOf(streamRead);
    expect(pages.map((p) => [p.slice, p.page, p.value.records.length])).toEqual([[1, 1, 10], [1, 2, 5]]);
    const records = recordsOf(streamRead);
    expect(records).toHaveLength(15);
    expect(records[0]).toMatchObject({ id: 1, name: 'item 1' });
    expect(columnsOf(records)).toEqual(['id', 'name', 'updated_at']);
  });
});
