import { describe, expect, it } from 'vitest';
import { PRIVILEGED_PORT_OFFSET, effectiveHostPort } from './ports';

describe('effectiveHostPort', () => {
  it('keeps every port as it is for root', () => {
    expect([80, 443, 1023, 8080].map((port) => effectiveHostPort(port, true))).toEqual([
      80, 443, 1023, 8080,
    ]);
  });

  it('moves privileged ports up by the offset for anyone else, and only once', () => {
    expect(effectiveHostPort(80, false)).toBe(80 + PRIVILEGED_PORT_OFFSET);
    expect(effectiveHostPort(1023, false)).toBe(11023);
    expect(effectiveHostPort(1024, false)).toBe(1024);
    expect(effectiveHostPort(effectiveHostPort(80, false), false)).toBe(10080);
  });
});
