// GET: this session's run as Server-Sent Events; the run starts with this stream and stops when it disconnects.
import type { TrafficEnd, TrafficUpdate } from '@/lib/schemas/traffic';
import { guard, jsonError } from '@/server/traffic/request-guard';
import { watchRun } from '@/server/traffic/runs';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const HEARTBEAT_MS = 15_000;

export async function GET(request: Request) {
  const { key, denied } = await guard(request, { mutating: false });
  if (denied) return denied;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let heartbeat: NodeJS.Timeout | undefined;
  const send = (text: string) => {
    try {
      controller?.enqueue(encoder.encode(text));
    } catch {
      // The stream is already closed: the abort handler ends the run.
    }
  };
  const close = () => {
    clearInterval(heartbeat);
    try {
      controller?.close();
    } catch {
      // Already closed by the client.
    }
    controller = null;
  };
  const watched = watchRun(key, {
    update: (update: TrafficUpdate) => send(`event: update\ndata: ${JSON.stringify(update)}\n\n`),
    end: (end: TrafficEnd) => {
      send(`event: end\ndata: ${JSON.stringify(end)}\n\n`);
      close();
    },
  });
  if (!watched.ok) return jsonError(watched.status, watched.code, watched.message);

  // This run's engine, not the session's: a later run must not be stopped by this stream's end.
  const disconnected = () => watched.engine.stop('disconnected');
  request.signal.addEventListener('abort', disconnected, { once: true });
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      // No reconnects: a dropped stream ends the run, and the browser says so.
      c.enqueue(encoder.encode('retry: 86400000\n\n'));
      heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    },
    cancel() {
      clearInterval(heartbeat);
      controller = null;
      disconnected();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
