// The one door to Traefik's API: GET only, from a fixed base URL, no redirects, a timeout, a size cap, zod-validated JSON.
import 'server-only';
import type { z } from 'zod';
import { traefikMessageSchema } from '@/lib/schemas/traefik';

export const TRAEFIK_TIMEOUT_MS = 3_000;
export const TRAEFIK_MAX_BYTES = 2 * 1024 * 1024;

export type TraefikFailure =
  | 'unreachable'
  | 'timeout'
  | 'redirect'
  | 'too-large'
  | 'not-json'
  | 'invalid'
  | 'not-found'
  | 'http-error';

export type TraefikResult<T> =
  | { ok: true; url: string; data: T; nextPage: string | null }
  | { ok: false; url: string; failure: TraefikFailure; status: number | null; message: string };

export interface TraefikRequestOptions {
  query?: URLSearchParams;
  timeoutMs?: number;
  maxBytes?: number;
}

class TooLarge extends Error {}

/** Joins an allowlisted API path onto the base; the origin always stays the base's own. */
export function upstreamUrl(base: string, apiPath: string, query?: URLSearchParams): URL {
  const baseUrl = new URL(base);
  const url = new URL(baseUrl.origin);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, '')}${apiPath}`;
  url.search = query && [...query].length > 0 ? `?${query.toString()}` : '';
  if (url.origin !== baseUrl.origin) throw new Error('upstream URL left the Traefik origin');
  return url;
}

async function readCapped(
  response: Response,
  maxBytes: number,
  abort: () => void,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw new TooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Aborting the request errors the body stream; awaiting reader.cancel() here can hang in undici.
      abort();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}

/** GET one Traefik API path (already allowlisted) and validate the JSON answer. */
export async function traefikGet<T extends z.ZodType>(
  base: string,
  apiPath: string,
  schema: T,
  options: TraefikRequestOptions = {},
): Promise<TraefikResult<z.infer<T>>> {
  const url = upstreamUrl(base, apiPath, options.query);
  const shown = url.toString();
  const fail = (failure: TraefikFailure, message: string, status: number | null = null) =>
    ({ ok: false, url: shown, failure, status, message }) as const;
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? TRAEFIK_TIMEOUT_MS;
  // A plain timer, not AbortSignal.any + AbortSignal.timeout: Node 20 can garbage-collect the
  // timeout signal inside any(), and the request then never times out.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'GET',
      redirect: 'manual',
      signal: controller.signal,
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    if (response.status >= 300 && response.status < 400) {
      controller.abort();
      return fail(
        'redirect',
        `Traefik answered a redirect (${response.status}); not followed`,
        response.status,
      );
    }
    const text = await readCapped(response, options.maxBytes ?? TRAEFIK_MAX_BYTES, () =>
      controller.abort(),
    );
    const json = (() => {
      try {
        return { ok: true as const, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false as const };
      }
    })();
    if (!response.ok) {
      // Traefik's 404 body is JSON sent as text/plain.
      const message = json.ok
        ? traefikMessageSchema.safeParse(json.value).data?.message
        : undefined;
      return fail(
        response.status === 404 ? 'not-found' : 'http-error',
        message ?? `Traefik answered ${response.status}`,
        response.status,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type) || !json.ok) {
      return fail(
        'not-json',
        `Traefik answered ${type || 'no content type'}, not JSON`,
        response.status,
      );
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        'invalid',
        `Traefik's answer has an unexpected shape${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
        response.status,
      );
    }
    const nextPage = response.headers.get('x-next-page');
    return {
      ok: true,
      url: shown,
      data: parsed.data,
      nextPage: nextPage && /^\d{1,6}$/.test(nextPage) ? nextPage : null,
    };
  } catch (error) {
    if (error instanceof TooLarge) {
      return fail(
        'too-large',
        `Traefik's answer is larger than ${options.maxBytes ?? TRAEFIK_MAX_BYTES} bytes`,
      );
    }
    if (timedOut) {
      return fail('timeout', `Traefik did not answer within ${timeoutMs} ms`);
    }
    return fail('unreachable', describeFetchError(error));
  } finally {
    clearTimeout(timer);
  }
}
