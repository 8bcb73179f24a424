// Applications (client id and secret for API tokens) and the connector definitions of the workspace.
import { useState } from 'react';
import { api, CONFIG, PUBLIC } from '../lib/api';
import type { Application, Definition } from '../lib/api';
import { useLoad } from '../lib/hooks';
import { listDefinitions } from '../lib/resources';
import { ConfirmButton, Empty, ErrorBox, Loading } from '../components/ui';
import { CustomDefinitionForm } from '../components/CustomDefinitionForm';

export function SettingsPage() {
  const apps = useLoad((signal) => api.get<{ applications: Application[] }>(`${PUBLIC}/applications`, signal)
    .then((r) => r.applications), []);
  const definitions = useLoad(async (signal) => [...await listDefinitions('source', signal), ...await listDefinitions('destination', signal)], []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Application | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<unknown>(null);

  return (
    <section>
      <header className="page-header"><h1>Settings</h1></header>
      <div className="card">
        <h3>Applications</h3>
        <p className="muted">An application's client id and secret get API tokens:
          <code> POST /api/public/v1/applications/token {'{"client_id", "client_secret", "grant-type": "client_credentials"}'}</code></p>
        <form className="inline-form" onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            setCreated(await api.post<Application>(`${PUBLIC}/applications`, { name }));
            setRevealed(false);
            setName('');
            apps.reload();
          } catch (err) {
            setError(err);
          }
        }}>
          <input aria-label="Application name" placeholder="Application name, e.g. airflow" value={name} onChange={(e) => setName(e.target.value)} />
          <button className="primary" type="submit">Create application</button>
        </form>
        <ErrorBox error={error} />
        {created && (
          <div className="secret-box">
            <p><strong>{created.name}</strong> — the secret is shown only now; keep it somewhere safe.</p>
            <div>Client id: <code>{created.clientId}</code></div>
            <div>Client secret: <code data-testid="client-secret">{revealed ? created.clientSecret : '••••••••••••'}</code>{' '}
              <button className="link" onClick={() => setRevealed(!revealed)}>{revealed ? 'Hide' : 'Reveal'}</button></div>
          </div>
        )}
        {apps.error ? <ErrorBox error={apps.error} onRetry={apps.reload} /> : null}
        {!apps.data && !apps.error && <Loading what="Loading applications" />}
        {apps.data && apps.data.length === 0 && <Empty title="No applications"><p>Create one for each script or tool that calls the API.</p></Empty>}
        {apps.data && apps.data.length > 0 && (
          <table className="table">
            <thead><tr><th>Name</th><th>Client id</th><th>Created</th><th /></tr></thead>
            <tbody>
              {apps.data.map((a) => (
                <tr key={a.id}><td>{a.name}</td><td><code>{a.clientId}</code></td><td>{new Date(a.createdAt * 1000).toLocaleString()}</td>
                  <td><ConfirmButton label="Delete" className="danger" question={`Delete "${a.name}"? Its tokens stop working.`}
                    onConfirm={async () => { await api.del(`${PUBLIC}/applications/${a.id}`); apps.reload(); }} /></td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h3>Connector definitions</h3>
        <p className="muted">Built-in connectors travel with the platform. A custom connector is any Airbyte connector image
          (run as a container when the worker uses Docker) or a Python package from PyPI (installed by the worker into a
          virtual environment of its own and run as a local process): the worker runs its <code>spec</code> before it is added.</p>
        <CustomDefinitionForm onCreated={definitions.reload} />
        {definitions.error ? <ErrorBox error={definitions.error} /> : null}
        {definitions.data && (
          <table className="table">
            <thead><tr><th>Name</th><th>Type</th><th>Runs as</th><th>Version</th><th>Kind</th><th /></tr></thead>
            <tbody>
              {definitions.data.map((d) => (
                <tr key={d.definitionId}><td>{d.name}</td><td>{d.type}</td><td><code>{runsAs(d)}</code></td>
                  <td>{d.dockerImageTag}</td><td>{d.builtIn ? 'built-in' : 'custom'}</td>
                  <td>{!d.builtIn && <ConfirmButton label="Delete" className="danger"
                    question={`Delete the custom connector "${d.name}"? Sources or destinations using it stop working.`}
                    onConfirm={async () => { await api.del(`${CONFIG}/definitions/${d.definitionId}`); definitions.reload(); }} />}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

/** How a definition runs, as its runtime says: the package for a Python package, else the image. */
function runsAs(d: Definition) {
  return d.runtime?.type === 'python_package' ? `${d.runtime.package} (PyPI)` : d.dockerRepository;
}
