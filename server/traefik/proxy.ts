// The browser's read-only window on Traefik: allowlisted GET paths, forwarded only to the located Traefik, answers validated.
import 'server-only';
import { z } from 'zod';
import {
  httpRouterSchema,
  httpServiceSchema,
  middlewareSchema,
  rawDataSchema,
  tcpRouterSchema,
  tcpServiceSchema,
  traefikEntrypointSchema,
  traefikOverviewSchema,
  traefikVersionSchema,
  udpRouterSchema,
} from '@/lib/schemas/traefik';
import { checkTraefikApiPath, type ApiPathKind } from '@/lib/traefik/api-paths';
import { traefikGet, type TraefikRequestOptions } from '@/server/traefik/client';

const SCHEMAS: Record<ApiPathKind, z.ZodType> = {
  overview: traefikOverviewSchema,
  version: traefikVersionSchema,
  rawdata: rawDataSchema,
  entrypoints: z.array(traefikEntrypointSchema),
  entrypoint: traefikEntrypointSchema,
  'http-routers': z.array(httpRouterSchema),
  'http-router': httpRouterSchema,
  'http-services': z.array(httpServiceSchema),
  'http-service': httpServiceSchema,
  'http-middlewares': z.array(middlewareSchema),
  'http-middleware': middlewareSchema,
  'tcp-routers': z.array(tcpRouterSchema),
  'tcp-router': tcpRouterSchema,
  'tcp-services': z.array(tcpServiceSchema),
  'tcp-service': tcpServiceSchema,
  'tcp-middlewares': z.array(middlewareSchema),
  'tcp-middleware': middlewareSchema,
  'udp-routers': z.array(udpRouterSchema),
  'udp-router': udpRouterSchema,
  'udp-services': z.array(tcpServiceSchema),
  'udp-service': tcpServiceSchema,
  'udp-middlewares': z.array(middlewareSchema),
  'udp-middleware': middlewareSchema,
};

const NO_STORE = { 'cache-control': 'no-store' };

export const ALLOWED_METHODS = 'GET';

export function methodNotAllowed(): Response {
  return Response.json(
    { error: 'method-not-allowed', message: 'The Traefik proxy is read-only: GET only.' },
    { status: 405, headers: { allow: ALLOWED_METHODS, ...NO_STORE } },
  );
}

export interface ProxyRequest {
  method: string;
  /** The path after the proxy's prefix, still percent-encoded as received, e.g. `/api/http/routers`. */
  path: string;
  search: string;
}

/** The Traefik API base URL to use, or why there is none. */
export type TraefikBase = { url: string } | { url: null; reason: string };

export async function proxyTraefikRequest(
  request: ProxyRequest,
  locate: () => Promise<TraefikBase>,
  options: Pick<TraefikRequestOptions, 'timeoutMs' | 'maxBytes'> = {},
): Promise<Response> {
  if (request.method !== 'GET') return methodNotAllowed();
  const checked = checkTraefikApiPath(request.path, request.search);
  if (!checked.ok) {
    return Response.json(
      { error: checked.status === 404 ? 'not-allowed' : 'bad-request', message: checked.reason },
      { status: checked.status, headers: NO_STORE },
    );
  }
  const base = await locate();
  if (base.url === null) {
    return Response.json(
      { error: 'traefik-not-found', message: base.reason },
      { status: 503, headers: NO_STORE },
    );
  }
  const result = await traefikGet(base.url, checked.path, SCHEMAS[checked.kind], {
    ...options,
    query: checked.query,
  });
  if (result.ok) {
    return Response.json(result.data, {
      headers: { ...NO_STORE, ...(result.nextPage ? { 'x-next-page': result.nextPage } : {}) },
    });
  }
  const status = result.failure === 'not-found' ? 404 : result.failure === 'timeout' ? 504 : 502;
  return Response.json(
    { error: result.failure, message: result.message, url: result.url },
    { status, headers: NO_STORE },
  );
}
