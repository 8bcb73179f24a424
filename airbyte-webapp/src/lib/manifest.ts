// Declarative (low-code) manifests: the YAML of Airbyte's low-code CDK, read in the browser into the
// JSON object the API stores, and the Connector Builder's test read (StreamRead) made easy to show.
import { parse, YAMLParseError } from 'yaml';
import type { JsonSchema } from './api';

export type Manifest = Record<string, unknown>;

/** A manifest that does not read: the message and, for YAML, the line and column. */
export class ManifestError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(line ? `Line ${line}${column ? `, column ${column}` : ''}: ${message}` : message);
  }
}

/** The manifest in `text` (YAML, or JSON, which is YAML too) as a JSON object. */
export function parseManifest(text: string): Manifest {
  if (!text.trim()) throw new ManifestError('The manifest is empty');
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 1000 });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      throw new ManifestError(e.message.split('\n')[0], pos?.line, pos?.col);
    }
    throw new ManifestError(String(e));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError('A manifest is a mapping (version, type, streams, spec, …), not a list or a single value');
  }
  return JSON.parse(JSON.stringify(value)) as Manifest;
}

/** The names of the manifest's streams, in order. */
export function streamNames(manifest: Manifest): string[] {
  const streams = Array.isArray(manifest.streams) ? manifest.streams : [];
  return streams
    .map((s) => (typeof s === 'object' && s !== null ? (s as Record<string, unknown>).name : undefined))
    .filter((n): n is string => typeof n === 'string');
}

/** The JSON schema of the source's config: the manifest's spec.connection_specification. */
export function connectionSpecification(manifest: Manifest): JsonSchema | null {
  const spec = manifest.spec as Record<string, unknown> | undefined;
  const connection = spec?.connection_specification;
  return typeof connection === 'object' && connection !== null ? (connection as JsonSchema) : null;
}

export interface HttpRequest { url: string; http_method: string; headers?: Record<string, unknown> | null; body?: string | null }
export interface HttpResponse { status: number; body?: string | null; headers?: Record<string, unknown> | null }
export interface StreamReadPage { records: Record<string, unknown>[]; request?: HttpRequest | null; response?: HttpResponse | null }
export interface StreamReadSlice { pages: StreamReadPage[]; slice_descriptor?: Record<string, unknown> | null; state?: unknown[] | null }
export interface LogMessage { message: string; level: string; internal_message?: string | null; stacktrace?: string | null }
export interface StreamRead {
  logs: LogMessage[];
  slices: StreamReadSlice[];
  test_read_limit_reached: boolean;
  auxiliary_requests?: unknown[];
  inferred_schema?: JsonSchema | null;
}

/** Every page of every slice, numbered, with its slice. */
export function pagesOf(read: StreamRead): { slice: number; page: number; value: StreamReadPage }[] {
  const out: { slice: number; page: number; value: StreamReadPage }[] = [];
  read.slices.forEach((s, i) => s.pages.forEach((p, j) => out.push({ slice: i + 1, page: j + 1, value: p })));
  return out;
}

/** The records of all pages, in order. */
export function recordsOf(read: StreamRead): Record<string, unknown>[] {
  return pagesOf(read).flatMap((p) => p.value.records);
}

/** The columns of a table of records: the keys of the records, first seen first. */
export function columnsOf(records: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
