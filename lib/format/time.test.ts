// "updated 2 s ago", "expires in 23 h", and the absolute time behind them.
import { describe, expect, it } from 'vitest';
import { absolute, machineTime, relative } from '@/lib/format/time';

describe('relative', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('counts seconds, minutes, hours and days ago', () => {
    expect(relative(now - 2_000, now)).toBe('2 s ago');
    expect(relative(new Date(now - 59_000).toISOString(), now)).toBe('59 s ago');
    expect(relative(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(relative(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(relative(now - 47 * 3_600_000, now)).toBe('47 h ago');
    expect(relative(now - 3 * 86_400_000, now)).toBe('3 d ago');
  });
  it('counts forward for future times', () => {
    expect(relative(now + 10 * 60_000, now)).toBe('in 10 min');
    expect(relative(new Date(now + 23 * 3_600_000).toISOString(), now)).toBe('in 23 h');
    expect(relative(now + 30_000, now)).toBe('in 30 s');
  });
  it('never goes negative when clocks disagree slightly', () => {
    expect(relative(now + 1_500, now)).toBe('0 s ago');
    expect(relative(now + 5_000, now)).toBe('0 s ago');
  });
  it('says nothing for unknown or never', () => {
    expect(relative(null, now)).toBe('—');
    expect(relative(0, now)).toBe('—');
    expect(relative('not a date', now)).toBe('—');
  });
});

describe('absolute', () => {
  it('gives date, time and zone', () => {
    const text = absolute('2026-11-27T05:22:53Z', 'UTC');
    expect(text).toContain('2026');
    expect(text).toMatch(/5:22:53|05:22:53/);
    expect(text).toContain('UTC');
  });
  it('follows the zone it is given', () => {
    expect(absolute('2026-11-27T05:22:53Z', 'Asia/Tokyo')).toMatch(/2:22:53|14:22:53/);
  });
  it('is empty for unknown times', () => {
    expect(absolute(null)).toBe('');
    expect(absolute('garbage')).toBe('');
  });
});

describe('machineTime', () => {
  it('normalizes epoch millis and ISO strings', () => {
    expect(machineTime(Date.parse('2026-01-01T12:00:00Z'))).toBe('2026-01-01T12:00:00.000Z');
    expect(machineTime('2026-01-01T12:00:00+01:00')).toBe('2026-01-01T11:00:00.000Z');
    expect(machineTime(null)).toBeUndefined();
  });
});
