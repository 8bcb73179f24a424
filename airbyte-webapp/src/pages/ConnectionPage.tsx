// One connection: live status and progress, job timeline with attempts and logs, schema changes, settings.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, CONFIG, PUBLIC } from '../lib/api';
import { ApiError } from '../lib/api';
import type { Actor, AttemptView, CatalogDiff, Connection, ConnectionStatus, Job, Page, ScheduleBody, StreamProperties } from '../lib/api';
import { useAction, useLoad } from '../lib/hooks';
import { startJob } from '../lib/resources';
import { bytes, count, duration, schedule as describeSchedule } from '../lib/format';
import { defaultMode, label } from '../lib/syncModes';
import { choicesOf, StreamTable, streamErrors, toConfigurations } from '../components/StreamTable';
import type { StreamChoice } from '../components/StreamTable';
import { Badge, ConfirmButton, Empty, ErrorBox, Loading } from '../components/ui';
import { SchedulePicker } from '../components/SchedulePicker';
import { NamespaceFields, namespaceBody } from '../components/NamespaceFields';

type Tab = 'status' | 'schema' | 'settings';

export function ConnectionPage() {
  const { id } = useParams();
  const [tab, setTab] = useState<Tab>('status');
  const connection = useLoad(async (signal) => {
    const c = await api.get<Connection>(`${PUBLIC}/connections/${id}`, signal);
    const [source, destination] = await Promise.all([
      api.get<Actor>(`${PUBLIC}/sources/${c.sourceId}`, signal), api.get<Actor>(`${PUBLIC}/destinations/${c.destinationId}`, signal)]);
    return { c, source, destination };
  }, [id]);
  const status = useLoad((signal) => api.get<ConnectionStatus>(`${CONFIG}/connections/${id}/status`, signal), [id], 2000);
  const jobs = useLoad((signal) => api.get<Page<Job>>(`${PUBLIC}/jobs?connectionId=${id}&limit=20`, signal), [id], 3000);

  const { run: act, error: actionError } = useAction(() => {
    status.reload();
    jobs.reload();
    connection.reload();
  });

  if (connection.error) return <ErrorBox error={connection.error} onRetry={connection.reload} />;
  if (!connection.data) return <Loading what="Loading the connection" />;
  const { c, source, destination } = connection.data;
  const s = status.data;
  const running = s?.jobRunning ?? false;

  return (
    <section className="connection">
      <header className="page-header">
        <div>
          <h1>{c.name}</h1>
          <div className="muted">
            <Link to={`/sources/${c.sourceId}`}>{source.name}</Link> → <Link to={`/destinations/${c.destinationId}`}>{destination.name}</Link>
            {' · '}{describeSchedule(c.schedule)}{s?.nextRunAt ? ` · next run ${new Date(s.nextRunAt).toLocaleString()}` : ''}
          </div>
        </div>
        <div className="header-actions">
          <Badge status={running ? 'running' : c.status} />
          <label className="switch" title={c.status === 'active' ? 'Disable' : 'Enable'}>
            <input type="checkbox" aria-label="Enabled" checked={c.status === 'active'}
              onChange={(e) => act(() => api.patch(`${PUBLIC}/connections/${id}`, { status: e.target.checked ? 'active' : 'inactive' }))} />
            <span />
          </label>
          {running ? (
            <ConfirmButton label="Cancel" question="Cancel the running job? Rows committed so far stay; the next sync resumes from the last committed state."
              onConfirm={() => act(() => api.del(`${PUBLIC}/jobs/${s!.runningJobId}`))} />
          ) : (
            <button className="primary" onClick={() => act(() => startJob(c.connectionId, 'sync'))}>Sync now</button>
          )}
          <ConfirmButton label="Refresh" disabled={running}
            question="Refresh re-reads every stream from the start; the old rows stay until the new ones land. Go on?"
            onConfirm={() => act(() => startJob(c.connectionId, 'refresh'))} />
          <ConfirmButton label="Clear" disabled={running} className="danger"
            question="Clear deletes the synced data in the destination and the connection's state. The next sync starts from scratch. Go on?"
            onConfirm={() => act(() => startJob(c.connectionId, 'clear'))} />
        </div>
      </header>
      {s?.statusReason && <div className="error-box">{s.statusReason}</div>}
      <ErrorBox error={actionError} />
      <div className="tabs">
        {(['status', 'schema', 'settings'] as Tab[]).map((t) => (
          <button key={t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>
            {t === 'status' ? 'Status' : t === 'schema' ? 'Schema' : 'Settings'}</button>
        ))}
      </div>
      {tab === 'status' && (
        <>
          {running && s && <Progress status={s} />}
          <JobTimeline jobs={jobs.data?.data} error={jobs.error} runningJobId={s?.runningJobId} />
          <h3>Streams</h3>
          <table className="table">
            <thead><tr><th>Stream</th><th>Sync mode</th><th>Cursor</th><th>Primary key</th></tr></thead>
            <tbody>
              {c.configurations.streams.map((st) => (
                <tr key={st.name}><td>{st.name}</td><td>{label(st.syncMode)}</td><td>{st.cursorField?.join('.') ?? '—'}</td>
                  <td>{st.primaryKey?.map((k) => k.join('.')).join(', ') || '—'}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {tab === 'schema' && (
        <>
          <SchemaTab connection={c} onAccepted={connection.reload} />
          <StreamsEditor connection={c} onSaved={connection.reload} />
        </>
      )}
      {tab === 'settings' && <SettingsTab connection={c} onSaved={connection.reload} />}
    </section>
  );
}

function Progress({ status }: { status: ConnectionStatus }) {
  const previous = useRef<{ at: number; records: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const records = status.progress.reduce((n, p) => n + p.recordsEmitted, 0);
  useEffect(() => {
    const now = Date.now();
    if (previous.current && now > previous.current.at) {
      setRate(((records - previous.current.records) * 1000) / (now - previous.current.at));
    }
    previous.current = { at: now, records };
  }, [records]);
  return (
    <div className="card progress" data-testid="progress">
      <h3><span className="spinner" /> Job {status.runningJobId} running (attempt {(status.runningAttempt ?? 0) + 1}
        <span className="muted" title="The log and the API count attempts from 0"> · attempt {status.runningAttempt ?? 0} in the log</span>)
        {rate !== null && <span className="muted"> · {count(Math.round(rate))} records/s</span>}</h3>
      {status.progress.length === 0 ? <p className="muted">Starting the connectors…</p> : (
        <table className="table">
          <thead><tr><th>Stream</th><th>Records read</th><th>Bytes read</th><th>Records committed</th><th>Progress</th></tr></thead>
          <tbody>
            {status.progress.map((p) => (
              <tr key={`${p.streamNamespace}.${p.streamName}`}>
                <td>{p.streamName}</td><td>{count(p.recordsEmitted)}</td><td>{bytes(p.bytesEmitted)}</td><td>{count(p.recordsCommitted)}</td>
                <td>{p.estimatedRecords ? <progress max={p.estimatedRecords} value={p.recordsEmitted} /> : <span className="muted">no estimate</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function JobTimeline({ jobs, error, runningJobId }: { jobs?: Job[]; error: unknown; runningJobId?: number }) {
  const [open, setOpen] = useState<number | null>(null);
  if (error) return <ErrorBox error={error} />;
  if (!jobs) return <Loading what="Loading jobs" />;
  if (jobs.length === 0) return <Empty title="No syncs yet"><p>Press “Sync now” to run the first sync.</p></Empty>;
  return (
    <div className="timeline">
      <h3>Job history</h3>
      {jobs.map((j) => (
        <div key={j.jobId} className={`job job-${j.status}`} data-job={j.jobId}>
          <button className="job-summary" onClick={() => setOpen(open === j.jobId ? null : j.jobId)} aria-expanded={open === j.jobId}>
            <Badge status={j.status} />
            <span className="job-type">{j.jobType}</span>
            <span>Job {j.jobId}</span>
            <span className="muted">{new Date(j.startTime).toLocaleString()}</span>
            <span className="rows">{count(j.rowsSynced)} rows</span>
            <span>{bytes(j.bytesSynced)}</span>
            <span>{duration(j.duration)}</span>
          </button>
          {open === j.jobId && <Attempts jobId={j.jobId} running={j.jobId === runningJobId} />}
        </div>
      ))}
    </div>
  );
}

function Attempts({ jobId, running }: { jobId: number; running: boolean }) {
  const attempts = useLoad((signal) => api.get<AttemptView[]>(`${CONFIG}/jobs/${jobId}/attempts`, signal), [jobId], running ? 2000 : undefined);
  const [log, setLog] = useState<number | null>(null);
  if (attempts.error) return <ErrorBox error={attempts.error} />;
  if (!attempts.data) return <Loading what="Loading attempts" />;
  return (
    <div className="attempts">
      {attempts.data.map((a) => (
        <div key={a.attemptNumber} className="attempt">
          <div className="attempt-head">
            <strong>Attempt {a.attemptNumber + 1}</strong>{' '}
            <span className="muted" data-testid="attempt-number" title="The log and the API count attempts from 0">(attempt {a.attemptNumber} in the log and API)</span>{' '}
            <Badge status={a.status} />
            <span className="muted">{new Date(a.createdAt).toLocaleString()}{a.endedAt ? ` – ${new Date(a.endedAt).toLocaleTimeString()}` : ''}</span>
            {a.workerId && <span className="muted">on worker {a.workerId}</span>}
            <button className="link" onClick={() => setLog(log === a.attemptNumber ? null : a.attemptNumber)}>
              {log === a.attemptNumber ? 'Hide log' : 'View log'}</button>
          </div>
          {(a.failureSummary?.failures ?? []).map((f, i) => (
            <div key={i} className="failure" role="alert">
              <strong>{f.failureOrigin ?? 'failure'}{f.failureType ? ` (${f.failureType})` : ''}:</strong> {f.externalMessage ?? f.internalMessage}
            </div>
          ))}
          {a.streams.length > 0 && (
            <table className="table compact">
              <thead><tr><th>Stream</th><th>Records</th><th>Bytes</th><th>Committed</th></tr></thead>
              <tbody>{a.streams.map((s) => (
                <tr key={`${s.streamNamespace}.${s.streamName}`}><td>{s.streamName}</td><td>{count(s.recordsEmitted)}</td>
                  <td>{bytes(s.bytesEmitted)}</td><td>{count(s.recordsCommitted)}</td></tr>))}</tbody>
            </table>
          )}
          {log === a.attemptNumber && <LogView jobId={jobId} attempt={a.attemptNumber} live={running && a.status === 'running'} />}
        </div>
      ))}
    </div>
  );
}

function LogView({ jobId, attempt, live }: { jobId: number; attempt: number; live: boolean }) {
  const path = `${CONFIG}/jobs/${jobId}/attempts/${attempt}/log`;
  const text = useLoad((signal) => api.get<string>(path, signal), [path], live ? 2000 : undefined);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (live && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [text.data, live]);
  const download = async () => {
    const body = await api.get<string>(path);
    const url = URL.createObjectURL(new Blob([body], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `job-${jobId}-attempt-${attempt}.log`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="log">
      <div className="log-bar">
        <span className="muted">{live ? 'Streaming…' : 'Log'}</span>
        <button className="link" onClick={download}>Download</button>
      </div>
      {text.error ? <ErrorBox error={text.error} /> : (
        <pre ref={pre} className="log-text" data-testid="attempt-log">{text.data ?? 'Loading…'}</pre>
      )}
    </div>
  );
}

function SchemaTab({ connection, onAccepted }: { connection: Connection; onAccepted: () => void }) {
  const diff = useLoad((signal) => api.get<CatalogDiff>(`${CONFIG}/connections/${connection.connectionId}/catalog_diff`, signal),
    [connection.connectionId]);
  const [error, setError] = useState<unknown>(null);
  if (diff.error) return <ErrorBox error={diff.error} onRetry={diff.reload} />;
  if (!diff.data) return <Loading what="Discovering the source's current schema" />;
  const d = diff.data;
  const none = d.addedStreams.length === 0 && d.removedStreams.length === 0 && d.changedStreams.length === 0;
  return (
    <div className="card schema">
      {none ? <p>The source's schema matches the connection's. No changes to review.</p> : (
        <>
          {d.addedStreams.length > 0 && <p><strong>New streams</strong> (not synced until you select them under Streams below): {d.addedStreams.join(', ')}</p>}
          {d.removedStreams.length > 0 && <p><strong>Removed streams</strong> (accepting drops them from the connection): {d.removedStreams.join(', ')}</p>}
          {d.changedStreams.map((c) => (
            <p key={c.stream}><strong>{c.stream}</strong>: {c.addedFields.length > 0 && <>added columns {c.addedFields.join(', ')}. </>}
              {c.removedFields.length > 0 && <>removed columns {c.removedFields.join(', ')}.</>}</p>
          ))}
          <ErrorBox error={error} />
          <button className="primary" onClick={async () => {
            setError(null);
            try {
              const streams = connection.configurations.streams.filter((s) => !d.removedStreams.includes(s.name)).map((s) => {
                const changed = d.changedStreams.find((c) => c.stream === s.name);
                if (!s.selectedFields || !changed) return s;
                return { ...s, selectedFields: s.selectedFields.filter((f) => !changed.removedFields.includes(f.fieldPath[0])) };
              });
              await api.patch(`${PUBLIC}/connections/${connection.connectionId}`, { configurations: { streams } });
              onAccepted();
              diff.reload();
            } catch (e) {
              setError(e);
            }
          }}>Accept the changes</button>
        </>
      )}
    </div>
  );
}

/**
 * The connection's streams, editable after it was created (as in Airbyte's replication tab): select
 * or deselect streams, pick sync mode, cursor and primary key, then save with the API's PATCH. The
 * streams come from a fresh discover of the source.
 */
function StreamsEditor({ connection, onSaved }: { connection: Connection; onSaved: () => void }) {
  const streams = useLoad((signal) => api.get<StreamProperties[]>(
    `${PUBLIC}/streams?sourceId=${connection.sourceId}&destinationId=${connection.destinationId}`, signal),
  [connection.sourceId, connection.destinationId]);
  const [choices, setChoices] = useState<Record<string, StreamChoice> | null>(null);
  const [errorsByStream, setErrorsByStream] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (streams.data) setChoices(choicesOf(streams.data, connection.configurations.streams, defaultMode));
  }, [streams.data, connection.configurations.streams]);
  if (streams.error) return <ErrorBox error={streams.error} onRetry={streams.reload} />;
  if (!streams.data || !choices) return <Loading what="Discovering the source's streams" />;
  const save = async () => {
    setError(null);
    setSaved(false);
    setErrorsByStream({});
    const configured = toConfigurations(streams.data!, choices);
    if (configured.length === 0) {
      setError(new Error('Select at least one stream'));
      return;
    }
    setSaving(true);
    try {
      await api.patch(`${PUBLIC}/connections/${connection.connectionId}`, { configurations: { streams: configured } });
      setSaved(true);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setErrorsByStream(streamErrors(e.errors, configured));
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="card streams-editor">
      <h3>Streams</h3>
      {streams.data.length === 0 ? <p className="muted">The source offers no streams.</p> : (
        <StreamTable streams={streams.data} choices={choices} errors={errorsByStream}
          onChange={(n, c) => { setSaved(false); setChoices({ ...choices, [n]: c }); }} />
      )}
      <ErrorBox error={error} />
      {saved && <div className="check check-succeeded" role="status">Streams saved</div>}
      <div className="actions">
        <span className="spacer" />
        <button className="primary" disabled={saving} onClick={save}>Save streams</button>
      </div>
    </div>
  );
}

function SettingsTab({ connection, onSaved }: { connection: Connection; onSaved: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState(connection.name);
  const [schedule, setSchedule] = useState<ScheduleBody>(connection.schedule);
  const [namespace, setNamespace] = useState({ namespaceDefinition: connection.namespaceDefinition,
    namespaceFormat: connection.namespaceFormat ?? '${SOURCE_NAMESPACE}', prefix: connection.prefix ?? '' });
  const [nonBreaking, setNonBreaking] = useState(connection.nonBreakingSchemaUpdatesBehavior);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  return (
    <div className="card settings">
      <div className="field">
        <label htmlFor="settings-name">Name</label>
        <input id="settings-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <SchedulePicker value={schedule} onChange={setSchedule} />
      <NamespaceFields value={namespace} onChange={setNamespace} />
      <div className="field">
        <label htmlFor="non-breaking">When the source's schema changes in a non-breaking way</label>
        <select id="non-breaking" value={nonBreaking} onChange={(e) => setNonBreaking(e.target.value)}>
          <option value="ignore">Ignore (review the changes in the Schema tab)</option>
          <option value="propagate_columns">Propagate column changes</option>
          <option value="propagate_fully">Propagate all changes</option>
          <option value="disable_connection">Disable the connection</option>
        </select>
      </div>
      <ErrorBox error={error} />
      {saved && <div className="check check-succeeded" role="status">Saved</div>}
      <div className="actions">
        <ConfirmButton label="Delete" className="danger" question={`Delete the connection "${connection.name}"? Its data in the destination stays.`}
          onConfirm={async () => {
            await api.del(`${PUBLIC}/connections/${connection.connectionId}`);
            navigate('/connections');
          }} />
        <span className="spacer" />
        <button className="primary" onClick={async () => {
          setError(null);
          setSaved(false);
          try {
            await api.patch(`${PUBLIC}/connections/${connection.connectionId}`, {
              name, schedule, nonBreakingSchemaUpdatesBehavior: nonBreaking, ...namespaceBody(namespace),
            });
            setSaved(true);
            onSaved();
          } catch (e) {
            setError(e);
          }
        }}>Save changes</button>
      </div>
    </div>
  );
}
