// Plain HTTP helpers for talking to Traefik and whoami in the lab (Host header included, no proxies).
import http from 'node:http';

export interface HttpReply {
  status: number;
  body: string;
}

export function httpGet(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 5000,
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, timeout: timeoutMs, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

export async function getJson<T>(url: string): Promise<T> {
  const reply = await httpGet(url);
  if (reply.status !== 200) throw new Error(`GET ${url} answered ${reply.status}: ${reply.body}`);
  return JSON.parse(reply.body) as T;
}

export function whoamiHostname(body: string): string | undefined {
  return /^Hostname: (\S+)$/m.exec(body)?.[1];
}
