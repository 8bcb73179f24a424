// Calls the screens share.
import { api, CONFIG, PUBLIC } from './api';
import type { Actor, ActorKind, Connection, Definition, Page } from './api';

export const plural = (kind: ActorKind) => `${kind}s`;

export function listActors(kind: ActorKind, signal?: AbortSignal) {
  return api.get<Page<Actor>>(`${PUBLIC}/${plural(kind)}?limit=100`, signal).then((p) => p.data);
}

export function listConnections(signal?: AbortSignal) {
  return api.get<Page<Connection>>(`${PUBLIC}/connections?limit=100`, signal).then((p) => p.data);
}

export function listDefinitions(kind: ActorKind, signal?: AbortSignal) {
  return api.get<Definition[]>(`${CONFIG}/definitions?type=${kind}`, signal);
}

export function startJob(connectionId: string, jobType: 'sync' | 'reset' | 'refresh' | 'clear') {
  return api.post<{ jobId: number }>(`${PUBLIC}/jobs`, { connectionId, jobType });
}
