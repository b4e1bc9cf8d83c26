// Readable Traefik rules.
import { describe, expect, it } from 'vitest';
import { ruleText } from '@/lib/traefik/rule-text';

describe('ruleText', () => {
  it('renders single matchers in words', () => {
    expect(ruleText('Host(`whoami.domain.com`)')).toBe('Host is whoami.domain.com');
    expect(ruleText('Path(`/whoami`)')).toBe('Path is /whoami');
    expect(ruleText('PathPrefix(`/api`)')).toBe('Path starts with /api');
    expect(ruleText('Header(`X-Env`, `prod`)')).toBe('Header X-Env is prod');
    expect(ruleText('HostSNI(`*`)')).toBe('any SNI host');
  });

  it('renders operators and grouping', () => {
    expect(ruleText('Host(`a.com`) && (PathPrefix(`/x`) || !Method(`POST`))')).toBe(
      'Host is a.com and (Path starts with /x or not Method is POST)',
    );
    expect(ruleText('Host("a.com")||Host(`b.com`)')).toBe('Host is a.com or Host is b.com');
  });

  it('gives back rules it cannot read unchanged', () => {
    for (const rule of ['Unknown(`x`)', 'Host(`a`', 'Host()', 'Host(`a`) & Path(`/`)', '']) {
      expect(ruleText(rule)).toBe(rule);
    }
  });
});
