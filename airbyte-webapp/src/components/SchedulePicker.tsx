// Manual, every N units, or a Quartz cron: previewed by the server in words with the next run times.
import { useEffect, useState } from 'react';
import { api, ApiError, CONFIG } from '../lib/api';
import type { ScheduleBody, SchedulePreview } from '../lib/api';

const UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'];

export function SchedulePicker({ value, onChange, error }: { value: ScheduleBody; onChange: (s: ScheduleBody) => void; error?: string }) {
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const basic = /every\s+(\d+)\s+(\w+)/i.exec(value.basicTiming ?? '') ?? [, '24', 'hours'];

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ scheduleType: value.scheduleType });
    if (value.cronExpression) params.set('cronExpression', value.cronExpression);
    if (value.basicTiming) params.set('basicTiming', value.basicTiming);
    const timer = setTimeout(() => {
      api.get<SchedulePreview>(`${CONFIG}/schedule_preview?${params}`, controller.signal)
        .then((p) => { setPreview(p); setPreviewError(null); })
        .catch((e) => {
          if (controller.signal.aborted) return;
          setPreview(null);
          setPreviewError(e instanceof ApiError && e.errors.length ? e.errors.join('; ') : (e as Error).message);
        });
    }, 300);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [value.scheduleType, value.cronExpression, value.basicTiming]);

  return (
    <div className="schedule">
      <div className="field">
        <label htmlFor="schedule-type">Schedule</label>
        <select id="schedule-type" name="scheduleType" value={value.scheduleType}
          onChange={(e) => {
            const t = e.target.value as ScheduleBody['scheduleType'];
            onChange(t === 'basic' ? { scheduleType: t, basicTiming: 'Every 24 hours' }
              : t === 'cron' ? { scheduleType: t, cronExpression: '0 0 12 * * ?' } : { scheduleType: t });
          }}>
          <option value="manual">Manual</option>
          <option value="basic">Every…</option>
          <option value="cron">Cron</option>
        </select>
      </div>
      {value.scheduleType === 'basic' && (
        <div className="field inline">
          <label htmlFor="basic-units">Every</label>
          <input id="basic-units" type="number" min={1} value={basic[1]}
            onChange={(e) => onChange({ scheduleType: 'basic', basicTiming: `Every ${e.target.value} ${basic[2]}` })} />
          <select aria-label="unit" value={basic[2].toLowerCase().replace(/s?$/, 's')}
            onChange={(e) => onChange({ scheduleType: 'basic', basicTiming: `Every ${basic[1]} ${e.target.value}` })}>
            {UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </div>
      )}
      {value.scheduleType === 'cron' && (
        <div className={`field${previewError || error ? ' invalid' : ''}`}>
          <label htmlFor="cron">Cron expression (Quartz; a time zone may follow, e.g. "0 0 2 * * ? Europe/Paris")</label>
          <input id="cron" name="cronExpression" value={value.cronExpression ?? ''}
            onChange={(e) => onChange({ scheduleType: 'cron', cronExpression: e.target.value })} />
        </div>
      )}
      {(previewError || error) && <div className="field-error" role="alert">{previewError ?? error}</div>}
      {preview && !previewError && (
        <div className="preview muted">
          {preview.description}
          {preview.nextRuns.length > 0 && (
            <ul>{preview.nextRuns.map((r) => <li key={r}>{new Date(r).toLocaleString()}</li>)}</ul>
          )}
        </div>
      )}
    </div>
  );
}
