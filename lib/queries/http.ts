// Fetches console JSON; failures become HttpErrors naming what failed (401 is handled by the QueryClient).
import type { z } from 'zod';
import { upstreamErrorSchema, type UpstreamError } from '@/lib/schemas/upstream-error';

export class HttpError extends Error {
  readonly errorName: string | null;

  constructor(
    readonly status: number,
    message: string,
    /** When ECS failed: what kind of failure, whether it can clear up, and since when. */
    readonly upstream: UpstreamError | null = null,
  ) {
    super(message);
    this.errorName = upstream?.code ?? null;
  }
}

export async function fetchJson<T extends z.ZodType>(url: string, schema: T): Promise<z.infer<T>> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 401) throw new HttpError(401, 'Signed out: sign in again.');
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const upstream = upstreamErrorSchema.safeParse(body);
    if (upstream.success)
      throw new HttpError(response.status, upstream.data.message, upstream.data);
    const detail = (body ?? {}) as { message?: unknown };
    throw new HttpError(
      response.status,
      typeof detail.message === 'string'
        ? detail.message
        : `The console answered ${response.status}.`,
    );
  }
  return schema.parse(body);
}
