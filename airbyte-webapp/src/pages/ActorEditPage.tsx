// Create or edit a source or destination: pick a connector, fill the form its spec generates, test, save.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, CONFIG, PUBLIC } from '../lib/api';
import type { Actor, ActorKind, Definition } from '../lib/api';
import { useAuth } from '../lib/auth';
import { useLoad } from '../lib/hooks';
import { listDefinitions, plural } from '../lib/resources';
import { initialValue, missingRequired, prune } from '../lib/spec';
import type { Obj } from '../lib/spec';
import { SpecForm } from '../components/SpecForm';
import { ConfirmButton, ErrorBox, Loading } from '../components/ui';
import { title } from './ActorsPage';

interface CheckResult {
  status: string;
  message?: string;
}

export function ActorEditPage({ kind }: { kind: ActorKind }) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { workspace } = useAuth();
  const isNew = id === undefined;
  const { data, error, reload } = useLoad(async (signal) => {
    const definitions = await listDefinitions(kind, signal);
    const actor = isNew ? undefined : await api.get<Actor>(`${PUBLIC}/${plural(kind)}/${id}`, signal);
    return { definitions, actor };
  }, [kind, id]);
  const [definition, setDefinition] = useState<Definition | null>(null);
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Obj>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (data?.actor) {
      setDefinition(data.definitions.find((d) => d.definitionId === data.actor!.definitionId) ?? null);
      setName(data.actor.name);
      const { sourceType: _s, destinationType: _d, ...rest } = data.actor.configuration as Obj;
      setConfig(rest);
    }
  }, [data]);

  const pick = (d: Definition) => {
    setDefinition(d);
    setName(d.name);
    setConfig((initialValue(d.spec.connectionSpecification) ?? {}) as Obj);
    setFieldErrors({});
    setCheck(null);
  };

  const validate = (): boolean => {
    const missing = missingRequired(definition!.spec.connectionSpecification, config);
    const errors: Record<string, string> = {};
    for (const m of missing) errors[m.slice(0, m.indexOf(': '))] = 'required';
    if (!name.trim()) errors._name = 'required';
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const showApiError = (e: unknown) => {
    if (e instanceof ApiError && e.errors.length > 0) {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(e.byField())) {
        errors[path.replace(/^configuration\./, '')] = message;
        if (path === 'name') errors._name = message;
      }
      setFieldErrors(errors);
    }
    setSaveError(e);
  };

  const test = async () => {
    if (!definition || !validate()) return;
    setBusy('Testing the connection');
    setCheck(null);
    setSaveError(null);
    try {
      const result = isNew
        ? await api.post<CheckResult>(`${CONFIG}/${plural(kind)}/check`, { definitionId: definition.definitionId,
          configuration: prune(config) })
        // the edits as a save would apply them, without saving; masked secrets keep the stored ones
        : await api.post<CheckResult>(`${CONFIG}/${plural(kind)}/${id}/check`, { configuration: prune(config) });
      setCheck(result);
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!definition || !validate()) return;
    setBusy('Saving');
    setSaveError(null);
    try {
      let saved: Actor;
      if (isNew) {
        saved = await api.post<Actor>(`${PUBLIC}/${plural(kind)}`, { name, workspaceId: workspace?.workspaceId,
          definitionId: definition.definitionId, configuration: prune(config) });
      } else {
        saved = await api.patch<Actor>(`${PUBLIC}/${plural(kind)}/${id}`, { name, configuration: prune(config) });
      }
      const savedId = kind === 'source' ? saved.sourceId : saved.destinationId;
      const back = search.get('back');
      navigate(back ? `${back}${back.includes('?') ? '&' : '?'}${kind}Id=${savedId}` : `/${plural(kind)}/${savedId}`);
      if (!isNew) reload();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (!data) return <Loading what="Loading connectors" />;

  if (!definition) {
    const builtIn = data.definitions.filter((d) => d.builtIn);
    const custom = data.definitions.filter((d) => !d.builtIn);
    return (
      <section>
        <header className="page-header"><h1>New {kind}</h1></header>
        <p className="muted">Pick the connector for your {kind}.</p>
        <h3>Built-in connectors</h3>
        <ConnectorCards definitions={builtIn} onPick={pick} />
        <h3>Custom connectors</h3>
        {kind === 'source' && <p className="muted"><Link to="/sources/low-code">Add a low-code source from a manifest</Link></p>}
        {custom.length === 0 ? <p className="muted">None in this workspace.</p> : <ConnectorCards definitions={custom} onPick={pick} />}
      </section>
    );
  }

  return (
    <section className="actor-edit">
      <header className="page-header">
        <h1>{isNew ? `New ${kind}: ${definition.name}` : `${title(kind)}: ${data.actor?.name}`}</h1>
        {isNew && <button className="link" onClick={() => setDefinition(null)}>Choose another connector</button>}
      </header>
      <div className="card form-card">
        <div className={`field${fieldErrors._name ? ' invalid' : ''}`}>
          <label htmlFor="actor-name">{title(kind)} name<span className="required"> *</span></label>
          <input id="actor-name" name="name" value={name} onChange={(e) => setName(e.target.value)} />
          {fieldErrors._name && <div className="field-error" role="alert">{fieldErrors._name}</div>}
        </div>
        <SpecForm schema={definition.spec.connectionSpecification} value={config} onChange={setConfig} errors={fieldErrors} />
        {definition.spec.documentationUrl && (
          <p className="muted">Setup guide: <a href={definition.spec.documentationUrl} target="_blank" rel="noreferrer">
            {definition.spec.documentationUrl}</a></p>
        )}
        <ErrorBox error={saveError} />
        {check && (
          <div className={`check check-${check.status}`} role="status">
            {check.status === 'succeeded' ? 'Connection test succeeded' : `Connection test failed: ${check.message ?? ''}`}
          </div>
        )}
        {busy && <Loading what={busy} />}
        <div className="actions">
          {!isNew && (
            <ConfirmButton label="Delete" className="danger" question={`Delete the ${kind} "${data.actor?.name}"? Connections using it must be deleted first.`}
              onConfirm={async () => {
                await api.del(`${PUBLIC}/${plural(kind)}/${id}`);
                navigate(`/${plural(kind)}`);
              }} />
          )}
          <span className="spacer" />
          <button className="secondary" onClick={test} disabled={busy !== null}
            title="Runs the connector check with this configuration, before it is saved">
            Test connection</button>
          <button className="primary" onClick={save} disabled={busy !== null}>{isNew ? `Set up ${kind}` : 'Save changes'}</button>
        </div>
      </div>
    </section>
  );
}

function ConnectorCards({ definitions, onPick }: { definitions: Definition[]; onPick: (d: Definition) => void }) {
  return (
    <div className="catalog">
      {definitions.map((d) => (
        <button key={d.definitionId} className="connector-card" data-connector={d.name} onClick={() => onPick(d)}>
          <strong>{d.name}</strong><span className="muted">{d.dockerRepository}:{d.dockerImageTag}</span>
        </button>
      ))}
    </div>
  );
}
