import { describe, expect, it } from 'vitest';
import { ago, bytes, duration, schedule } from './format';
import { ApiError } from './api';

describe('format', () => {
  it('reads ISO-8601 durations', () => {
    expect(duration('PT1M3.6S')).toBe('1m 4s');
    expect(duration('PT2H')).toBe('2h');
    expect(duration('PT0S')).toBe('0s');
    expect(duration(undefined)).toBe('–');
  });

  it('writes bytes in decimal units', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(395_108_763)).toBe('395.1 MB');
  });

  it('writes times relative to now', () => {
    expect(ago('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:00Z'))).toBe('5m ago');
    expect(ago(null)).toBe('never');
  });

  it('describes schedules', () => {
    expect(schedule({ scheduleType: 'cron', cronExpression: '0 0 * * * ?' })).toBe('Cron 0 0 * * * ?');
    expect(schedule({ scheduleType: 'manual' })).toBe('Manual');
  });

  it('maps problem errors to their fields', () => {
    const e = new ApiError(422, 'bad', ['configuration.host: required', 'configuration.port: must be at most 65536']);
    expect(e.byField()).toEqual({ 'configuration.host': 'required', 'configuration.port': 'must be at most 65536' });
  });
});
