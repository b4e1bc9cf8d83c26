// "updated 2 s ago" and friends.
import { describe, expect, it } from 'vitest';
import { ago } from '@/lib/format/time';

describe('ago', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('counts seconds, minutes, hours and days', () => {
    expect(ago(now - 2_000, now)).toBe('2 s ago');
    expect(ago(new Date(now - 59_000).toISOString(), now)).toBe('59 s ago');
    expect(ago(now - 3 * 60_000, now)).toBe('3 min ago');
    expect(ago(now - 5 * 3_600_000, now)).toBe('5 h ago');
    expect(ago(now - 3 * 86_400_000, now)).toBe('3 d ago');
  });
  it('says nothing for unknown or never', () => {
    expect(ago(null, now)).toBe('—');
    expect(ago(0, now)).toBe('—');
    expect(ago('not a date', now)).toBe('—');
  });
  it('never goes negative when clocks disagree slightly', () => {
    expect(ago(now + 1_500, now)).toBe('0 s ago');
  });
});
