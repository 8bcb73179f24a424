// What a test read of a manifest's stream gave: its records, each page's HTTP request and response,
// and the CDK's logs, as Airbyte's Connector Builder shows them.
import { useState } from 'react';
import { columnsOf, pagesOf, recordsOf } from '../lib/manifest';
import type { StreamRead } from '../lib/manifest';

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function StreamReadView({ read }: { read: StreamRead }) {
  const [tab, setTab] = useState<'records' | 'pages' | 'logs'>('records');
  const records = recordsOf(read);
  const columns = columnsOf(records);
  const pages = pagesOf(read);
  return (
    <div className="stream-read" data-testid="stream-read">
      <p className="muted">
        {records.length} record{records.length === 1 ? '' : 's'} in {pages.length} page{pages.length === 1 ? '' : 's'}
        {read.test_read_limit_reached ? ' (a test read limit was reached: there is more)' : ''}
      </p>
      <div className="tabs" role="tablist">
        {(['records', 'pages', 'logs'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>
            {t === 'records' ? `Records (${records.length})` : t === 'pages' ? `Pages (${pages.length})` : `Logs (${read.logs.length})`}
          </button>
        ))}
      </div>
      {tab === 'records' && (records.length === 0 ? <p className="muted">No records.</p> : (
        <table className="table" aria-label="Records">
          <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
          <tbody>{records.map((r, i) => <tr key={i}>{columns.map((c) => <td key={c}>{cell(r[c])}</td>)}</tr>)}</tbody>
        </table>
      ))}
      {tab === 'pages' && pages.map((p) => (
        <details key={`${p.slice}-${p.page}`} className="card page" open={pages.length <= 3}>
          <summary>
            Slice {p.slice}, page {p.page}: {p.value.request ? `${p.value.request.http_method} ${p.value.request.url}` : 'no request'}
            {p.value.response ? ` → ${p.value.response.status}` : ''} ({p.value.records.length} records)
          </summary>
          {p.value.request && (
            <>
              <h4>Request</h4>
              <pre aria-label="Request">{`${p.value.request.http_method} ${p.value.request.url}\n`
                + Object.entries(p.value.request.headers ?? {}).map(([k, v]) => `${k}: ${cell(v)}`).join('\n')
                + (p.value.request.body ? `\n\n${p.value.request.body}` : '')}</pre>
            </>
          )}
          {p.value.response && (
            <>
              <h4>Response</h4>
              <pre aria-label="Response">{`${p.value.response.status}\n\n${(p.value.response.body ?? '').slice(0, 4000)}`}</pre>
            </>
          )}
        </details>
      ))}
      {tab === 'logs' && (read.logs.length === 0 ? <p className="muted">No logs.</p> : (
        <ul className="logs" aria-label="Logs">
          {read.logs.map((l, i) => <li key={i} className={`log-${l.level.toLowerCase()}`}><strong>{l.level}</strong> {l.message}</li>)}
        </ul>
      ))}
    </div>
  );
}
