// CSRF check for mutating route handlers: the request must come from the console's own origin.
import 'server-only';

// Browsers send Origin on every cross-origin request and on same-origin POST/DELETE; compare with the Host it came to.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') !== 'cross-site';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The 403 answer for a cross-origin change, else null. */
export function crossOriginResponse(request: Request): Response | null {
  if (sameOrigin(request)) return null;
  return Response.json(
    { error: { code: 'Forbidden', message: 'Cross-origin requests are refused.' } },
    { status: 403, headers: { 'cache-control': 'no-store' } },
  );
}
