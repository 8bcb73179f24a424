// Figures as people read them.

export function bytes(n: number | undefined | null): string {
  if (n === undefined || n === null) return '–';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

export function count(n: number | undefined | null): string {
  return n === undefined || n === null ? '–' : n.toLocaleString('en-US');
}

/** ISO-8601 duration (PT1M3.5S) → "1m 4s". */
export function duration(iso: string | undefined | null): string {
  if (!iso) return '–';
  const m = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!m) return iso;
  const [, d, h, mi, s] = m;
  const parts: string[] = [];
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (mi) parts.push(`${mi}m`);
  if (s || parts.length === 0) parts.push(`${Math.round(Number(s ?? 0))}s`);
  return parts.join(' ');
}

export function millisBetween(from: string, to: string | undefined | null): number {
  return (to ? Date.parse(to) : Date.now()) - Date.parse(from);
}

export function ago(iso: string | undefined | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return `${Math.max(s, 0)}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}

export function schedule(s: { scheduleType: string; cronExpression?: string; basicTiming?: string } | undefined): string {
  if (!s || s.scheduleType === 'manual') return 'Manual';
  if (s.scheduleType === 'cron') return `Cron ${s.cronExpression}`;
  return s.basicTiming ?? 'Basic';
}
