import { Link, useNavigate } from 'react-router-dom';
import { api, CONFIG, PUBLIC } from '../lib/api';
import type { Actor, Connection, ConnectionStatus } from '../lib/api';
import { useAction, useLoad } from '../lib/hooks';
import { listActors, listConnections, startJob } from '../lib/resources';
import { ago, schedule } from '../lib/format';
import { Badge, Empty, ErrorBox, Loading } from '../components/ui';

interface Row {
  connection: Connection;
  source?: Actor;
  destination?: Actor;
  status?: ConnectionStatus;
}

export function ConnectionsPage() {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad<Row[]>(async (signal) => {
    const [connections, sources, destinations] = await Promise.all([listConnections(signal), listActors('source', signal),
      listActors('destination', signal)]);
    return Promise.all(connections.map(async (c) => ({
      connection: c,
      source: sources.find((s) => s.sourceId === c.sourceId),
      destination: destinations.find((d) => d.destinationId === c.destinationId),
      status: await api.get<ConnectionStatus>(`${CONFIG}/connections/${c.connectionId}/status`, signal).catch(() => undefined),
    })));
  }, [], 5000);

  const { run: act, error: actionError } = useAction(reload);

  return (
    <section>
      <header className="page-header">
        <h1>Connections</h1>
        <button className="primary" onClick={() => navigate('/connections/new')}>New connection</button>
      </header>
      <ErrorBox error={error} onRetry={reload} />
      <ErrorBox error={actionError} />
      {!data && loading && <Loading what="Loading connections" />}
      {data && data.length === 0 && (
        <Empty title="No connections yet">
          <p>A connection copies data from a source to a destination on a schedule.</p>
          <p>Start with a <Link to="/sources/new">source</Link> and a <Link to="/destinations/new">destination</Link>,
            then <Link to="/connections/new">create a connection</Link>.</p>
        </Empty>
      )}
      {data && data.length > 0 && (
        <table className="table connections">
          <thead>
            <tr><th>Name</th><th>Source → Destination</th><th>Schedule</th><th>Status</th><th>Last sync</th><th>Enabled</th><th /></tr>
          </thead>
          <tbody>
            {data.map(({ connection: c, source, destination, status }) => {
              const failing = status?.lastJob?.status === 'failed' || status?.status === 'inactive' && !!status?.statusReason;
              const shown = c.status === 'active' ? (failing ? 'failing' : 'active') : 'inactive';
              return (
                <tr key={c.connectionId} data-connection={c.name}>
                  <td><Link to={`/connections/${c.connectionId}`}>{c.name}</Link></td>
                  <td>{source?.name ?? '?'} → {destination?.name ?? '?'}</td>
                  <td>{schedule(c.schedule)}</td>
                  <td><Badge status={status?.jobRunning ? 'running' : shown} /></td>
                  <td>{status?.lastJob ? <><Badge status={status.lastJob.status} /> {ago(status.lastJob.updatedAt)}</> : <span className="muted">never</span>}</td>
                  <td>
                    <label className="switch" title={c.status === 'active' ? 'Disable' : 'Enable'}>
                      <input type="checkbox" checked={c.status === 'active'} aria-label={`Enable ${c.name}`}
                        onChange={(e) => act(() => api.patch(`${PUBLIC}/connections/${c.connectionId}`,
                          { status: e.target.checked ? 'active' : 'inactive' }))} />
                      <span />
                    </label>
                  </td>
                  <td><button className="secondary" disabled={status?.jobRunning}
                    onClick={() => act(() => startJob(c.connectionId, 'sync'))}>Sync now</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
