import { describe, expect, it } from 'vitest';
import { backendIdFromBody } from './backend-id';

const reply = (lines: string[]) => lines.join('\n') + '\n';

describe('backendIdFromBody', () => {
  it("reads whoami's Hostname line", () => {
    const body = reply(['Hostname: 3f2a9c0d1e4b', 'IP: 127.0.0.1', 'RemoteAddr: 127.0.0.11:5432']);
    expect(backendIdFromBody(body)).toBe('3f2a9c0d1e4b');
  });

  it('prefers a container-id Name when the hostname is shared by all containers', () => {
    const body = reply(['Name: a1b2c3d4e5f6', 'Hostname: build-host', 'IP: 127.0.0.1']);
    expect(backendIdFromBody(body)).toBe('a1b2c3d4e5f6');
  });

  it('keeps the container hostname when Name is a human label', () => {
    const body = reply(['Name: green', 'Hostname: 0123456789ab']);
    expect(backendIdFromBody(body)).toBe('0123456789ab');
  });

  it('tolerates CRLF line ends', () => {
    expect(backendIdFromBody('Hostname: 0123456789ab\r\nIP: ::1\r\n')).toBe('0123456789ab');
  });

  it('returns null for a body that is not from whoami', () => {
    expect(backendIdFromBody('<html>404 page not found</html>')).toBeNull();
    expect(backendIdFromBody('')).toBeNull();
  });
});
