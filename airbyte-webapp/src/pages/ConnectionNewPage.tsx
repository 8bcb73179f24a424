// New connection: a source, a destination, then the streams from a discover, namespace, schedule.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { actorId, api, ApiError, PUBLIC } from '../lib/api';
import type { Actor, Connection, ScheduleBody, StreamProperties } from '../lib/api';
import { useLoad } from '../lib/hooks';
import { listActors } from '../lib/resources';
import { defaultMode } from '../lib/syncModes';
import { SchedulePicker } from '../components/SchedulePicker';
import { StreamTable, streamErrors, toConfigurations } from '../components/StreamTable';
import type { StreamChoice } from '../components/StreamTable';
import { ErrorBox, Loading } from '../components/ui';
import { NamespaceFields, namespaceBody } from '../components/NamespaceFields';

export function ConnectionNewPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const sourceId = search.get('sourceId');
  const destinationId = search.get('destinationId');
  const actors = useLoad(async (signal) => {
    const [sources, destinations] = await Promise.all([listActors('source', signal), listActors('destination', signal)]);
    return { sources, destinations };
  }, []);
  const [discoverTry, setDiscoverTry] = useState(0);
  const [streams, setStreams] = useState<StreamProperties[] | null>(null);
  const [discoverError, setDiscoverError] = useState<unknown>(null);
  const [discovering, setDiscovering] = useState<AbortController | null>(null);
  const [choices, setChoices] = useState<Record<string, StreamChoice>>({});
  const [name, setName] = useState('');
  const [schedule, setSchedule] = useState<ScheduleBody>({ scheduleType: 'manual' });
  const [namespace, setNamespace] = useState({ namespaceDefinition: 'destination', namespaceFormat: '${SOURCE_NAMESPACE}', prefix: '' });
  const [error, setError] = useState<unknown>(null);
  const [errorsByStream, setErrorsByStream] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const source = actors.data?.sources.find((s) => s.sourceId === sourceId);
  const destination = actors.data?.destinations.find((d) => d.destinationId === destinationId);
  const step = !sourceId ? 1 : !destinationId ? 2 : 3;

  useEffect(() => {
    if (step !== 3) return undefined;
    const controller = new AbortController();
    setDiscovering(controller);
    setStreams(null);
    setDiscoverError(null);
    api.get<StreamProperties[]>(`${PUBLIC}/streams?sourceId=${sourceId}&destinationId=${destinationId}`, controller.signal)
      .then((list) => {
        setStreams(list);
        setChoices(Object.fromEntries(list.map((s) => [s.streamName, { name: s.streamName, selected: true, syncMode: defaultMode(s),
          cursorField: s.defaultCursorField.length ? s.defaultCursorField : undefined }])));
      })
      .catch((e) => { if (!controller.signal.aborted) setDiscoverError(e); })
      .finally(() => setDiscovering(null));
    return () => controller.abort();
  }, [step, sourceId, destinationId, discoverTry]);

  useEffect(() => {
    if (source && destination && !name) setName(`${source.name} → ${destination.name}`);
  }, [source, destination, name]);

  const choose = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
  };

  const create = async () => {
    setError(null);
    setErrorsByStream({});
    const configured = toConfigurations(streams!, choices);
    if (configured.length === 0) {
      setError(new Error('Select at least one stream'));
      return;
    }
    setSaving(true);
    try {
      const created = await api.post<Connection>(`${PUBLIC}/connections`, {
        name, sourceId, destinationId, schedule, status: 'active', ...namespaceBody(namespace),
        prefix: namespace.prefix || undefined, configurations: { streams: configured },
      });
      navigate(`/connections/${created.connectionId}`);
    } catch (e) {
      if (e instanceof ApiError) setErrorsByStream(streamErrors(e.errors, configured));
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  if (actors.error) return <ErrorBox error={actors.error} onRetry={actors.reload} />;
  if (!actors.data) return <Loading what="Loading sources and destinations" />;

  const back = encodeURIComponent(`/connections/new?${search}`);
  return (
    <section className="wizard">
      <header className="page-header"><h1>New connection</h1></header>
      <ol className="steps">
        <li className={step === 1 ? 'current' : 'done'}>Source{source ? `: ${source.name}` : ''}</li>
        <li className={step === 2 ? 'current' : step > 2 ? 'done' : ''}>Destination{destination ? `: ${destination.name}` : ''}</li>
        <li className={step === 3 ? 'current' : ''}>Streams and schedule</li>
      </ol>
      {step === 1 && (
        <Picker title="Pick a source" actors={actors.data.sources} onPick={(a) => choose('sourceId', actorId(a))}
          createLink={`/sources/new?back=${back}`} kind="source" />
      )}
      {step === 2 && (
        <Picker title="Pick a destination" actors={actors.data.destinations} onPick={(a) => choose('destinationId', actorId(a))}
          createLink={`/destinations/new?back=${back}`} kind="destination" />
      )}
      {step === 3 && (
        <div className="card">
          {discovering && <Loading what="Discovering the source's streams" onCancel={() => discovering.abort()} />}
          {discoverError ? <ErrorBox error={discoverError} onRetry={() => setDiscoverTry((t) => t + 1)} /> : null}
          {!discovering && !streams && !discoverError && (
            <p>Discovery cancelled. <button className="link" onClick={() => setDiscoverTry((t) => t + 1)}>Discover again</button></p>
          )}
          {streams && (
            <>
              <div className="field">
                <label htmlFor="connection-name">Connection name</label>
                <input id="connection-name" name="name" value={name} onChange={(e) => setName(e.target.value)} />
              </div>
              <h3>Streams</h3>
              {streams.length === 0 ? <p className="muted">The source offers no streams.</p> : (
                <StreamTable streams={streams} choices={choices} errors={errorsByStream}
                  onChange={(n, c) => setChoices({ ...choices, [n]: c })} />
              )}
              <h3>Destination namespace</h3>
              <NamespaceFields value={namespace} onChange={setNamespace} />
              <h3>Schedule</h3>
              <SchedulePicker value={schedule} onChange={setSchedule} />
              <ErrorBox error={error} />
              <div className="actions">
                <button className="secondary" onClick={() => choose('destinationId', '')}>Back</button>
                <span className="spacer" />
                <button className="primary" disabled={saving} onClick={create}>{saving ? 'Creating…' : 'Create connection'}</button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Picker({ title, actors, onPick, createLink, kind }: {
  title: string; actors: Actor[]; onPick: (a: Actor) => void; createLink: string; kind: string;
}) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {actors.length === 0 && <p className="muted">No {kind} yet.</p>}
      <div className="catalog">
        {actors.map((a) => (
          <button key={actorId(a)} className="connector-card" data-actor={a.name} onClick={() => onPick(a)}>
            <strong>{a.name}</strong><span className="muted">{a.sourceType ?? a.destinationType}</span>
          </button>
        ))}
        <Link className="connector-card new" to={createLink}>+ New {kind}</Link>
      </div>
    </div>
  );
}
