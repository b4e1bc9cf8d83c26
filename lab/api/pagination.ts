// nextToken/maxResults paging over a computed list: opaque tokens carrying an offset.
import { z } from 'zod';
import { invalidParameter, type AwsError } from './errors';

export const ecsPageInput = {
  maxResults: z.number().int().min(1).max(100).optional(),
  nextToken: z.string().max(4096).optional(),
};

const tokenSchema = z.object({ offset: z.number().int().min(0) });

export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeToken(token: string): number | undefined {
  try {
    const parsed = tokenSchema.safeParse(
      JSON.parse(Buffer.from(token, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data.offset : undefined;
  } catch {
    return undefined;
  }
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
  defaultSize?: number;
  badToken: () => AwsError;
}

export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
): { page: T[]; nextToken?: string } {
  const offset = request.nextToken === undefined ? 0 : decodeToken(request.nextToken);
  if (offset === undefined || offset > items.length) throw request.badToken();
  const size = request.maxResults ?? request.defaultSize ?? 100;
  const end = offset + size;
  return {
    page: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end) : undefined,
  };
}

/** ECS List* paging: maxResults 1..100 (default 100), a bad token is an InvalidParameterException. */
export function paginateEcs<T>(
  items: readonly T[],
  input: { maxResults?: number; nextToken?: string },
) {
  return paginate(items, { ...input, badToken: () => invalidParameter('Invalid nextToken.') });
}
