// The allowlist of Traefik read-API paths and query parameters the console's proxy may forward, checked strictly.

export type ApiPathKind =
  | 'overview'
  | 'entrypoints'
  | 'entrypoint'
  | 'version'
  | 'rawdata'
  | `${'http' | 'tcp' | 'udp'}-${'routers' | 'services' | 'middlewares'}`
  | `${'http' | 'tcp' | 'udp'}-${'router' | 'service' | 'middleware'}`;

export type ApiPathCheck =
  | { ok: true; path: string; kind: ApiPathKind; query: URLSearchParams }
  | { ok: false; status: 400 | 404; reason: string };

const NAME = '[A-Za-z0-9@._-]{1,200}';
const FIXED: Record<string, ApiPathKind> = {
  '/api/overview': 'overview',
  '/api/entrypoints': 'entrypoints',
  '/api/version': 'version',
  '/api/rawdata': 'rawdata',
};
// udp has no middlewares in Traefik.
const COLLECTIONS = [
  ['http', ['routers', 'services', 'middlewares']],
  ['tcp', ['routers', 'services', 'middlewares']],
  ['udp', ['routers', 'services']],
] as const;
const SINGULAR = { routers: 'router', services: 'service', middlewares: 'middleware' } as const;

const PATTERNS: { pattern: RegExp; kind: ApiPathKind }[] = [
  ...Object.entries(FIXED).map(([path, kind]) => ({
    pattern: new RegExp(`^${path.replaceAll('/', '\\/')}$`),
    kind,
  })),
  { pattern: new RegExp(`^\\/api\\/entrypoints\\/${NAME}$`), kind: 'entrypoint' },
  ...COLLECTIONS.flatMap(([protocol, kinds]) =>
    kinds.flatMap((kind) => [
      {
        pattern: new RegExp(`^\\/api\\/${protocol}\\/${kind}$`),
        kind: `${protocol}-${kind}` as const,
      },
      {
        pattern: new RegExp(`^\\/api\\/${protocol}\\/${kind}\\/${NAME}$`),
        kind: `${protocol}-${SINGULAR[kind]}` as const,
      },
    ]),
  ),
];

// Encoded dots, slashes, backslashes and percent signs (double encoding) are refused before any decoding.
const ENCODED_DANGER = /%(2e|2f|5c|25|00)/i;
const QUERY_RULES: Record<string, RegExp> = {
  page: /^[1-9]\d{0,5}$/,
  per_page: /^[1-9]\d{0,3}$/,
  search: /^[A-Za-z0-9@._ -]{0,100}$/,
  status: /^(enabled|disabled|warning)$/,
};

function checkQuery(search: string): URLSearchParams | string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  if (raw === '') return new URLSearchParams();
  if (ENCODED_DANGER.test(raw)) return 'encoded characters are not allowed in the query';
  const query = new URLSearchParams(raw);
  const seen = new Set<string>();
  for (const [key, value] of query) {
    const rule = QUERY_RULES[key];
    if (!rule) return `query parameter ${JSON.stringify(key)} is not allowed`;
    if (seen.has(key)) return `query parameter ${key} is repeated`;
    if (!rule.test(value)) return `query parameter ${key} has an invalid value`;
    seen.add(key);
  }
  return query;
}

/** Decodes a raw (still percent-encoded) path once and matches it against the read-only allowlist. */
export function checkTraefikApiPath(rawPath: string, search = ''): ApiPathCheck {
  const refuse = (reason: string): ApiPathCheck => ({ ok: false, status: 400, reason });
  if (rawPath.length > 400) return refuse('path too long');
  if (ENCODED_DANGER.test(rawPath)) return refuse('encoded dots, slashes or percent signs');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse('malformed percent-encoding');
  }
  if (path.includes('%')) return refuse('double encoding');
  if (path.includes('\\')) return refuse('backslash');
  if (path.includes('//')) return refuse('empty path segment');
  if (path.includes('..') || path.split('/').some((segment) => /^\.+$/.test(segment))) {
    return refuse('dot segments');
  }
  if (/[\u0000-\u001f\u007f\s]/.test(path)) return refuse('control characters or spaces');
  const match = PATTERNS.find(({ pattern }) => pattern.test(path));
  if (!match) return { ok: false, status: 404, reason: 'not a Traefik read-API path' };
  const query = checkQuery(search);
  if (typeof query === 'string') return refuse(query);
  return { ok: true, path, kind: match.kind, query };
}
