// A low-code source: a declarative manifest pasted or uploaded as YAML (read into JSON here), a test
// read of one of its streams (records, pages with their requests, logs), then saved as a source
// definition of the workspace, whose form is built from the manifest's spec.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, CONFIG, PUBLIC } from '../lib/api';
import { useAuth } from '../lib/auth';
import { connectionSpecification, ManifestError, parseManifest, streamNames } from '../lib/manifest';
import type { Manifest, StreamRead } from '../lib/manifest';
import { prune } from '../lib/spec';
import type { Obj } from '../lib/spec';
import { SpecForm } from '../components/SpecForm';
import { StreamReadView } from '../components/StreamReadView';
import { ErrorBox } from '../components/ui';

interface Saved { id: string; name: string; version: number }

export function LowCodeSourcePage() {
  const { workspace } = useAuth();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Obj>({});
  const [stream, setStream] = useState('');
  const [recordLimit, setRecordLimit] = useState(100);
  const [read, setRead] = useState<StreamRead | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  const parsed = useMemo((): { manifest: Manifest | null; problem: string | null } => {
    if (!text.trim()) return { manifest: null, problem: null };
    try {
      return { manifest: parseManifest(text), problem: null };
    } catch (e) {
      return { manifest: null, problem: e instanceof ManifestError ? e.message : String(e) };
    }
  }, [text]);
  const manifest = parsed.manifest;
  const streams = manifest ? streamNames(manifest) : [];
  const schema = manifest ? connectionSpecification(manifest) : null;
  const chosen = streams.includes(stream) ? stream : streams[0] ?? '';

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (!name) setName(file.name.replace(/\.(ya?ml|json)$/i, '').replace(/^manifest$/, ''));
  };

  const testRead = async () => {
    if (!manifest) return;
    setBusy('Reading');
    setError(null);
    setRead(null);
    try {
      setRead(await api.post<StreamRead>(`${CONFIG}/connector_builder/stream/read`, {
        manifest, stream: chosen, config: prune(config), record_limit: recordLimit, page_limit: 5, slice_limit: 5,
        workspace_id: workspace?.workspaceId,
      }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!manifest || !workspace) return;
    setBusy('Saving');
    setError(null);
    try {
      setSaved(await api.post<Saved>(`${PUBLIC}/workspaces/${workspace.workspaceId}/definitions/declarative_sources`,
        { name: name.trim(), manifest }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const errors = error instanceof ApiError ? error.errors : [];
  return (
    <section>
      <header className="page-header"><h1>New low-code source</h1></header>
      <p className="muted">Paste or upload the YAML manifest of a declarative source (Airbyte's low-code CDK, as the
        Connector Builder exports it). Try a stream, then save it: it becomes a source connector of this workspace.</p>
      <div className="card">
        <div className="field"><label htmlFor="lc-name">Name</label>
          <input id="lc-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Items API" /></div>
        <div className="field"><label htmlFor="lc-file">Upload a manifest</label>
          <input id="lc-file" type="file" accept=".yaml,.yml,.json" onChange={(e) => upload(e.target.files?.[0])} /></div>
        <div className={`field${parsed.problem ? ' invalid' : ''}`}><label htmlFor="lc-manifest">Manifest (YAML)</label>
          <textarea id="lc-manifest" rows={16} spellCheck={false} className="code" value={text}
            onChange={(e) => { setText(e.target.value); setSaved(null); }} placeholder={'version: 6.61.6\ntype: DeclarativeSource\n…'} />
          {parsed.problem && <div className="field-error" role="alert">{parsed.problem}</div>}
          {manifest && <div className="muted">{streams.length} stream{streams.length === 1 ? '' : 's'}: {streams.join(', ')}</div>}
        </div>
      </div>
      {manifest && (
        <div className="card">
          <h3>Test a stream</h3>
          {schema ? <SpecForm schema={schema} value={config} onChange={setConfig} errors={{}} />
            : <p className="muted">The manifest has no spec.connection_specification.</p>}
          <div className="inline-form">
            <label htmlFor="lc-stream">Stream</label>
            <select id="lc-stream" value={chosen} onChange={(e) => setStream(e.target.value)}>
              {streams.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
            <label htmlFor="lc-limit">Records</label>
            <input id="lc-limit" type="number" min={1} max={5000} value={recordLimit}
              onChange={(e) => setRecordLimit(Number(e.target.value) || 100)} />
            <button type="button" disabled={!chosen || busy !== null} onClick={testRead}>
              {busy === 'Reading' ? 'Reading…' : 'Test read'}</button>
          </div>
          {read && <StreamReadView read={read} />}
        </div>
      )}
      {error ? (
        <div role="alert">
          <ErrorBox error={error} />
          {errors.length > 0 && <ul className="field-errors">{errors.map((e) => <li key={e}><code>{e}</code></li>)}</ul>}
        </div>
      ) : null}
      <div className="actions">
        <button className="primary" type="button" disabled={!manifest || !name.trim() || busy !== null} onClick={save}>
          {busy === 'Saving' ? 'Saving…' : 'Save connector'}</button>
        {saved && <span role="status"> Saved {saved.name} (version {saved.version}). <Link to="/sources/new">Set up a source with it</Link></span>}
      </div>
    </section>
  );
}
