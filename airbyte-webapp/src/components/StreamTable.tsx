// The streams of a discover: select streams and fields, a sync mode per stream (only those it
// supports), cursor and primary key where the mode needs them and the source does not define them.
import { Fragment, useState } from 'react';
import type { StreamConfig, StreamProperties } from '../lib/api';
import { availableModes, cursorCandidates, needsCursor, needsPrimaryKey, problem } from '../lib/syncModes';

export interface StreamChoice extends StreamConfig {
  selected: boolean;
}

export function StreamTable({ streams, choices, onChange, errors }: {
  streams: StreamProperties[];
  choices: Record<string, StreamChoice>;
  onChange: (name: string, choice: StreamChoice) => void;
  errors: Record<string, string>;
}) {
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <table className="table streams">
      <thead>
        <tr><th>Sync</th><th>Stream</th><th>Sync mode</th><th>Cursor</th><th>Primary key</th><th>Fields</th></tr>
      </thead>
      <tbody>
        {streams.map((s) => {
          const c = choices[s.streamName];
          const fields = s.propertyFields.map((f) => f[0]);
          const selectedFields = c.selectedFields?.map((f) => f.fieldPath[0]) ?? fields;
          const issue = c.selected ? errors[s.streamName] ?? problem(c.syncMode, c.cursorField, c.primaryKey, s) : null;
          return (
            <Fragment key={s.streamName}>
              <tr data-stream={s.streamName} className={issue ? 'invalid' : ''}>
                <td><input type="checkbox" aria-label={`Sync ${s.streamName}`} checked={c.selected}
                  onChange={(e) => onChange(s.streamName, { ...c, selected: e.target.checked })} /></td>
                <td>{s.streamnamespace ? <span className="muted">{s.streamnamespace}.</span> : null}{s.streamName}
                  {issue && <div className="field-error" role="alert">{issue}</div>}</td>
                <td>
                  <select aria-label={`Sync mode of ${s.streamName}`} name={`syncMode-${s.streamName}`} value={c.syncMode}
                    disabled={!c.selected} onChange={(e) => onChange(s.streamName, { ...c, syncMode: e.target.value })}>
                    {availableModes(s).map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
                  </select>
                </td>
                <td>
                  {needsCursor(c.syncMode) && (s.sourceDefinedCursorField ? <span className="muted">source-defined</span> : (
                    <select aria-label={`Cursor of ${s.streamName}`} name={`cursor-${s.streamName}`} disabled={!c.selected}
                      value={c.cursorField?.[0] ?? s.defaultCursorField[0] ?? ''}
                      onChange={(e) => onChange(s.streamName, { ...c, cursorField: e.target.value ? [e.target.value] : [] })}>
                      <option value="">— pick —</option>
                      {cursorCandidates(s).map((f) => <option key={f} value={f}>{f}</option>)}
                    </select>
                  ))}
                </td>
                <td>
                  {needsPrimaryKey(c.syncMode) && (s.sourceDefinedPrimaryKey.length > 0
                    ? <span className="muted">{s.sourceDefinedPrimaryKey.map((k) => k.join('.')).join(', ')}</span> : (
                      <select aria-label={`Primary key of ${s.streamName}`} name={`pk-${s.streamName}`} disabled={!c.selected}
                        value={c.primaryKey?.[0]?.[0] ?? ''}
                        onChange={(e) => onChange(s.streamName, { ...c, primaryKey: e.target.value ? [[e.target.value]] : [] })}>
                        <option value="">— pick —</option>
                        {fields.map((f) => <option key={f} value={f}>{f}</option>)}
                      </select>
                    ))}
                </td>
                <td>
                  <button className="link" disabled={!c.selected} onClick={() => setExpanded(expanded === s.streamName ? null : s.streamName)}>
                    {selectedFields.length} of {fields.length}</button>
                </td>
              </tr>
              {expanded === s.streamName && c.selected && (
                <tr className="fields-row">
                  <td />
                  <td colSpan={5}>
                    {fields.map((f) => (
                      <label key={f} className="field-choice">
                        <input type="checkbox" checked={selectedFields.includes(f)} onChange={(e) => {
                          const next = e.target.checked ? [...selectedFields, f] : selectedFields.filter((x) => x !== f);
                          onChange(s.streamName, { ...c, selectedFields: next.length === fields.length ? undefined
                            : next.map((x) => ({ fieldPath: [x] })) });
                        }} /> {f}
                      </label>
                    ))}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** The stream configurations a connection is created or updated with. */
export function toConfigurations(streams: StreamProperties[], choices: Record<string, StreamChoice>): StreamConfig[] {
  return streams.filter((s) => choices[s.streamName]?.selected).map((s) => {
    const c = choices[s.streamName];
    const out: StreamConfig = { name: s.streamName, syncMode: c.syncMode };
    if (s.streamnamespace) out.namespace = s.streamnamespace;
    if (needsCursor(c.syncMode) && !s.sourceDefinedCursorField && c.cursorField?.length) out.cursorField = c.cursorField;
    if (needsPrimaryKey(c.syncMode) && s.sourceDefinedPrimaryKey.length === 0 && c.primaryKey?.length) out.primaryKey = c.primaryKey;
    if (c.selectedFields) out.selectedFields = c.selectedFields;
    return out;
  });
}

/** Errors of a 422 on streams ("configurations.streams[0].cursorField: ...") by stream name. */
export function streamErrors(errors: string[], sent: StreamConfig[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const m = /streams\[(\d+)\]/.exec(e);
    const name = m ? sent[Number(m[1])]?.name : undefined;
    if (name) out[name] = e.slice(e.indexOf(': ') + 2);
  }
  return out;
}

/** The choices of a connection's configured streams over a discover: configured streams selected as configured, others not. */
export function choicesOf(streams: StreamProperties[], configured: StreamConfig[],
    defaultMode: (s: StreamProperties) => string): Record<string, StreamChoice> {
  return Object.fromEntries(streams.map((s) => {
    const c = configured.find((x) => x.name === s.streamName && (!x.namespace || !s.streamnamespace || x.namespace === s.streamnamespace));
    const choice: StreamChoice = c ? { ...c, selected: true } : { name: s.streamName, selected: false, syncMode: defaultMode(s),
      cursorField: s.defaultCursorField.length ? s.defaultCursorField : undefined };
    return [s.streamName, choice];
  }));
}
