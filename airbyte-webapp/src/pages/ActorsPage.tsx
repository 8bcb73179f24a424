import { Link, useNavigate } from 'react-router-dom';
import type { ActorKind } from '../lib/api';
import { actorId } from '../lib/api';
import { useLoad } from '../lib/hooks';
import { listActors, listDefinitions, plural } from '../lib/resources';
import { Empty, ErrorBox, Loading } from '../components/ui';

export function title(kind: ActorKind) {
  return kind === 'source' ? 'Source' : 'Destination';
}

export function ActorsPage({ kind }: { kind: ActorKind }) {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad(async (signal) => {
    const [actors, definitions] = await Promise.all([listActors(kind, signal), listDefinitions(kind, signal)]);
    return { actors, definitions };
  }, [kind]);
  return (
    <section>
      <header className="page-header">
        <h1>{title(kind)}s</h1>
        <button className="primary" onClick={() => navigate(`/${plural(kind)}/new`)}>New {kind}</button>
        {kind === 'source' && <button onClick={() => navigate('/sources/low-code')}>New low-code source</button>}
      </header>
      <ErrorBox error={error} onRetry={reload} />
      {!data && loading && <Loading what={`Loading ${plural(kind)}`} />}
      {data && data.actors.length === 0 && (
        <Empty title={`No ${plural(kind)} yet`}>
          <p>{kind === 'source' ? 'A source is where data comes from: a database or an API.'
            : 'A destination is where data lands: a warehouse or a database.'}</p>
          <p><Link to={`/${plural(kind)}/new`}>Set up a {kind}</Link> from {data.definitions.length} connectors.</p>
        </Empty>
      )}
      {data && data.actors.length > 0 && (
        <table className="table">
          <thead><tr><th>Name</th><th>Connector</th><th>Created</th></tr></thead>
          <tbody>
            {data.actors.map((a) => {
              const d = data.definitions.find((x) => x.definitionId === a.definitionId);
              return (
                <tr key={actorId(a)}>
                  <td><Link to={`/${plural(kind)}/${actorId(a)}`}>{a.name}</Link></td>
                  <td>{d ? `${d.name} (${d.dockerRepository}:${d.dockerImageTag})` : a.sourceType ?? a.destinationType}</td>
                  <td>{new Date(a.createdAt * 1000).toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
