// Small shared pieces: status badges, errors, empty states, a confirmation dialog.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';

export function Badge({ status }: { status: string }) {
  return <span className={`badge badge-${status.replace(/[^a-z_]/gi, '')}`}>{status.replace(/_/g, ' ')}</span>;
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const e = error as Error;
  return (
    <div className="error-box" role="alert">
      <strong>{e instanceof ApiError ? `${e.status}: ` : ''}{e.message}</strong>
      {e instanceof ApiError && e.errors.length > 0 && <ul>{e.errors.map((x) => <li key={x}>{x}</li>)}</ul>}
      {onRetry && <button className="link" onClick={onRetry}>Try again</button>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

export function Loading({ what, onCancel }: { what: string; onCancel?: () => void }) {
  return (
    <div className="loading">
      <span className="spinner" /> {what}…
      {onCancel && <button className="link" onClick={onCancel}>Cancel</button>}
    </div>
  );
}

/** A button that asks before it acts; the question names what will happen. */
export function ConfirmButton({ label, question, onConfirm, className, disabled }: {
  label: string; question: string; onConfirm: () => Promise<unknown> | void; className?: string; disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button className={className ?? 'secondary'} disabled={disabled} onClick={() => { setError(null); setOpen(true); }}>{label}</button>
      {open && (
        <div className="modal-backdrop">
          <div className="modal" role="dialog" aria-label={label}>
            <p>{question}</p>
            <ErrorBox error={error} />
            <div className="actions">
              <button className="secondary" onClick={() => setOpen(false)}>Cancel</button>
              <button className="danger" disabled={busy} onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                  setOpen(false);
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}>{busy ? 'Working…' : `Yes, ${label.toLowerCase()}`}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
