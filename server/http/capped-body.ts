// Reads the start of an HTTP reply: whoami's Hostname line comes first, so the rest is counted, not kept.
import 'server-only';
import type { IncomingMessage } from 'node:http';

const BODY_LIMIT = 4096;

/** Calls `onEnd` with the reply's first 4 KiB as text once it has been read to the end. */
export function readCappedBody(response: IncomingMessage, onEnd: (body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    if (size < BODY_LIMIT) chunks.push(chunk.subarray(0, BODY_LIMIT - size));
    size += chunk.length;
  });
  response.on('end', () => onEnd(Buffer.concat(chunks).toString('utf8')));
  response.on('error', () => undefined);
}
