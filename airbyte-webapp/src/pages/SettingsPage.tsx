// Applications (client id and secret for API tokens) and the connector definitions of the workspace.
import { useState } from 'react';
import { api, ApiError, CONFIG, PUBLIC } from '../lib/api';
import type { Application } from '../lib/api';
import { useLoad } from '../lib/hooks';
import { listDefinitions } from '../lib/resources';
import { ConfirmButton, Empty, ErrorBox, Loading } from '../components/ui';

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
        <p className="muted">Built-in connectors travel with the platform. A custom connector is any Airbyte connector image:
          the worker runs its <code>spec</code> before it is added (connectors run as containers when the worker uses Docker).</p>
        <CustomDefinitionForm onCreated={definitions.reload} />
        {definitions.error ? <ErrorBox error={definitions.error} /> : null}
        {definitions.data && (
          <table className="table">
            <thead><tr><th>Name</th><th>Type</th><th>Image</th><th>Tag</th><th>Kind</th><th /></tr></thead>
            <tbody>
              {definitions.data.map((d) => (
                <tr key={d.definitionId}><td>{d.name}</td><td>{d.type}</td><td><code>{d.dockerRepository}</code></td>
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

function CustomDefinitionForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({ type: 'source', name: '', dockerRepository: '', dockerImageTag: 'latest', documentationUrl: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.byField() : {};
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="definition-form" onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      setError(null);
      try {
        await api.post(`${CONFIG}/definitions`, { ...form, documentationUrl: form.documentationUrl || undefined });
        setForm({ ...form, name: '', dockerRepository: '' });
        onCreated();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    }}>
      <div className="field"><label htmlFor="def-type">Type</label>
        <select id="def-type" value={form.type} onChange={set('type')}><option value="source">Source</option>
          <option value="destination">Destination</option></select></div>
      <div className={`field${fieldErrors.name ? ' invalid' : ''}`}><label htmlFor="def-name">Name</label>
        <input id="def-name" value={form.name} onChange={set('name')} />
        {fieldErrors.name && <div className="field-error">{fieldErrors.name}</div>}</div>
      <div className={`field${fieldErrors.dockerRepository ? ' invalid' : ''}`}><label htmlFor="def-repo">Image</label>
        <input id="def-repo" placeholder="airbyte/source-pokeapi" value={form.dockerRepository} onChange={set('dockerRepository')} />
        {fieldErrors.dockerRepository && <div className="field-error">{fieldErrors.dockerRepository}</div>}</div>
      <div className={`field${fieldErrors.dockerImageTag ? ' invalid' : ''}`}><label htmlFor="def-tag">Tag</label>
        <input id="def-tag" value={form.dockerImageTag} onChange={set('dockerImageTag')} />
        {fieldErrors.dockerImageTag && <div className="field-error">{fieldErrors.dockerImageTag}</div>}</div>
      <div className="field"><label htmlFor="def-doc">Documentation URL <span className="optional">(optional)</span></label>
        <input id="def-doc" value={form.documentationUrl} onChange={set('documentationUrl')} /></div>
      <button className="primary" type="submit" disabled={busy}>{busy ? 'Running spec…' : 'Add connector'}</button>
      {error && !(error instanceof ApiError && Object.keys(fieldErrors).length > 0) ? <ErrorBox error={error} /> : null}
    </form>
  );
}
