// The platform's HTTP API: the public API (/api/public/v1) and the config API for the UI (/api/v1).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Problem+json "errors": "path: message" strings naming the field at fault. */
    readonly errors: string[] = [],
  ) {
    super(message);
  }

  /** The errors by field path ("configuration.host: required" → {"configuration.host": "required"}). */
  byField(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const i = e.indexOf(': ');
      if (i > 0) out[e.slice(0, i)] = e.slice(i + 2);
    }
    return out;
  }
}

let authorization: string | null = null;
let onUnauthorized: () => void = () => {};

export function setAuthorization(header: string | null, unauthorized?: () => void) {
  authorization = header;
  if (unauthorized) onUnauthorized = unauthorized;
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, text/plain;q=0.9, */*;q=0.8' };
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  if (!response.ok) {
    let detail = text || response.statusText;
    let errors: string[] = [];
    try {
      const problem = JSON.parse(text);
      detail = problem.detail || problem.title || detail;
      errors = Array.isArray(problem.errors) ? problem.errors : [];
    } catch {
      // not JSON: the text is the message
    }
    if (response.status === 401 && authorization) onUnauthorized();
    throw new ApiError(response.status, detail, errors);
  }
  if (!text) return undefined as T;
  const type = response.headers.get('Content-Type') || '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

export const PUBLIC = '/api/public/v1';
export const CONFIG = '/api/v1';

export interface Page<T> {
  data: T[];
  next?: string;
  previous?: string;
}

export interface Workspace {
  workspaceId: string;
  name: string;
}

export interface Definition {
  definitionId: string;
  type: 'source' | 'destination';
  name: string;
  dockerRepository: string;
  dockerImageTag: string;
  documentationUrl?: string;
  builtIn: boolean;
  spec: { connectionSpecification: JsonSchema; documentationUrl?: string };
  runtime?: { type: string; package?: string; version?: string; repository?: string; tag?: string; name?: string };
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  airbyte_secret?: boolean;
  order?: number;
  group?: string;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export type ActorKind = 'source' | 'destination';

export interface Actor {
  sourceId?: string;
  destinationId?: string;
  name: string;
  sourceType?: string;
  destinationType?: string;
  definitionId: string;
  workspaceId: string;
  configuration: Record<string, unknown>;
  createdAt: number;
}

export function actorId(a: Actor): string {
  return (a.sourceId ?? a.destinationId)!;
}

export interface StreamConfig {
  name: string;
  namespace?: string;
  syncMode: string;
  cursorField?: string[];
  primaryKey?: string[][];
  selectedFields?: { fieldPath: string[] }[];
}

export interface ScheduleBody {
  scheduleType: 'manual' | 'cron' | 'basic';
  cronExpression?: string;
  basicTiming?: string;
}

export interface Connection {
  connectionId: string;
  name: string;
  sourceId: string;
  destinationId: string;
  workspaceId: string;
  status: 'active' | 'inactive' | 'deprecated';
  schedule: ScheduleBody;
  nonBreakingSchemaUpdatesBehavior: string;
  namespaceDefinition: string;
  namespaceFormat?: string;
  prefix?: string;
  configurations: { streams: StreamConfig[] };
  createdAt: number;
}

export interface StreamProperties {
  streamName: string;
  streamnamespace?: string;
  syncModes: string[];
  defaultCursorField: string[];
  sourceDefinedCursorField: boolean;
  sourceDefinedPrimaryKey: string[][];
  propertyFields: string[][];
  /** Each top-level field's JSON schema types (empty: any JSON value); absent from servers that do not send it. */
  propertyFieldTypes?: Record<string, string[]>;
}

export interface Job {
  jobId: number;
  status: string;
  jobType: string;
  connectionId: string;
  startTime: string;
  lastUpdatedAt?: string;
  duration?: string;
  bytesSynced: number;
  rowsSynced: number;
}

export interface StreamStat {
  streamName: string;
  streamNamespace?: string;
  recordsEmitted: number;
  bytesEmitted: number;
  recordsCommitted: number;
  bytesCommitted?: number;
  estimatedRecords?: number;
  estimatedBytes?: number;
}

export interface ConnectionStatus {
  connectionId: string;
  status: string;
  statusReason?: string;
  jobRunning: boolean;
  runningJobId?: number;
  runningAttempt?: number;
  nextRunAt?: string;
  progress: StreamStat[];
  lastJob?: { jobId: number; status: string; jobType: string; createdAt: string; updatedAt: string };
}

export interface FailureReason {
  failureOrigin?: string;
  failureType?: string;
  externalMessage?: string;
  internalMessage?: string;
}

export interface AttemptView {
  attemptNumber: number;
  status: string;
  createdAt: string;
  endedAt?: string;
  failureSummary?: { failures?: FailureReason[] } | null;
  streams: StreamStat[];
  /** The worker that ran the attempt's replication (AIRBYTE_WORKER_ID, or its host name and pid). */
  workerId?: string | null;
}

/** Streams and fields the source has gained or lost since the connection's catalog was saved. */
export interface CatalogDiff {
  addedStreams: string[];
  removedStreams: string[];
  changedStreams: { stream: string; addedFields: string[]; removedFields: string[] }[];
}

export interface SchedulePreview {
  scheduleType: string;
  description: string;
  nextRuns: string[];
}

export interface Application {
  id: string;
  name: string;
  clientId: string;
  clientSecret?: string;
  createdAt: number;
}
