// Fetches console JSON; failures become HttpErrors naming what failed (401 is handled by the QueryClient).
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorName: string | null = null,
  ) {
    super(message);
  }
}

export async function fetchJson<T extends z.ZodType>(url: string, schema: T): Promise<z.infer<T>> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 401) throw new HttpError(401, 'Signed out: sign in again.');
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body ?? {}) as { message?: unknown; name?: unknown };
    throw new HttpError(
      response.status,
      typeof detail.message === 'string'
        ? detail.message
        : `The console answered ${response.status}.`,
      typeof detail.name === 'string' ? detail.name : null,
    );
  }
  return schema.parse(body);
}
