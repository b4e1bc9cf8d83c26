import { describe, expect, it } from 'vitest';
import { hostRule, labelKeySegment, pathRule } from '@/lib/templates/traefik-rules';

describe('traefik rules', () => {
  it('wraps hosts and paths in backticks', () => {
    expect(hostRule('whoami.domain.com')).toBe('Host(`whoami.domain.com`)');
    expect(pathRule('/whoami')).toBe('Path(`/whoami`)');
  });

  it('refuses values that could close the backtick or add a rule', () => {
    expect(() => hostRule('a.com`) || Host(`b.com')).toThrow(/Unsafe value/);
    expect(() => pathRule("/x'")).toThrow(/Unsafe value/);
    expect(() => pathRule('/x"')).toThrow(/Unsafe value/);
    expect(() => pathRule('/x\n')).toThrow(/Unsafe value/);
    expect(() => pathRule('/x y')).toThrow(/Unsafe value/);
    expect(() => hostRule('')).toThrow(/Unsafe value/);
  });

  it('refuses label-key segments that would address another option', () => {
    expect(labelKeySegment('whoami-host')).toBe('whoami-host');
    expect(() => labelKeySegment('whoami.rule')).toThrow(/Unsafe name/);
    expect(() => labelKeySegment('a'.repeat(65))).toThrow(/Unsafe name/);
  });
});
