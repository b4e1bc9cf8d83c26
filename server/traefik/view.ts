// The Traefik page's data: version, entrypoints, HTTP routers, services and middlewares, reconciled with ECS.
import 'server-only';
import type { z } from 'zod';
import {
  httpRouterSchema,
  httpServiceSchema,
  middlewareSchema,
  traefikEntrypointSchema,
  traefikVersionSchema,
  type TraefikView,
} from '@/lib/schemas/traefik';
import { reconcile, type LabelsByTaskDefinition } from '@/lib/traefik/reconcile';
import { getConfig } from '@/server/config';
import type { EcsContext } from '@/server/ecs/context';
import { traefikGet, type TraefikResult } from '@/server/traefik/client';
import { locateTraefik } from '@/server/traefik/locate';

// Traefik pages lists by 100; a cap keeps a runaway configuration from costing unbounded requests.
const MAX_PAGES = 20;

async function allPages<T extends z.ZodType>(
  base: string,
  path: string,
  item: T,
): Promise<TraefikResult<z.infer<T>[]>> {
  const items: z.infer<T>[] = [];
  let page = 1;
  for (;;) {
    const result = await traefikGet(base, path, item.array(), {
      query: new URLSearchParams({ page: String(page), per_page: '100' }),
    });
    if (!result.ok) return result;
    items.push(...(result.data as z.infer<T>[]));
    // Traefik answers X-Next-Page: 1 on the last page.
    const next = Number(result.nextPage ?? 1);
    if (next <= page || page >= MAX_PAGES) return { ...result, data: items };
    page = next;
  }
}

export interface TraefikViewOptions {
  /** Defaults to TRAEFIK_API_URL. */
  configuredUrl?: string | null;
  now?: number;
}

export async function loadTraefikView(
  ctx: EcsContext,
  options: TraefikViewOptions = {},
): Promise<TraefikView> {
  const { location, snapshot, facts } = await locateTraefik(
    ctx,
    options.configuredUrl === undefined ? getConfig().traefikApiUrl : options.configuredUrl,
  );
  const fetchedAt = new Date().toISOString();
  const base = location.url;
  if (!base) return { state: 'not-found', source: location.source, fetchedAt };
  const [version, entrypoints, routers, services, middlewares] = await Promise.all([
    traefikGet(base, '/api/version', traefikVersionSchema),
    allPages(base, '/api/entrypoints', traefikEntrypointSchema),
    allPages(base, '/api/http/routers', httpRouterSchema),
    allPages(base, '/api/http/services', httpServiceSchema),
    allPages(base, '/api/http/middlewares', middlewareSchema),
  ]);
  if (!version.ok || !entrypoints.ok || !routers.ok || !services.ok || !middlewares.ok) {
    const failed = [version, entrypoints, routers, services, middlewares].find((r) => !r.ok);
    return {
      state: 'unreachable',
      source: location.source,
      url: base,
      error: failed && !failed.ok ? `${failed.message} (GET ${failed.url})` : 'unknown error',
      fetchedAt,
    };
  }
  const labels: LabelsByTaskDefinition = Object.fromEntries(
    [...facts].map(([arn, f]) => [
      arn,
      Object.fromEntries(f.containers.map((c) => [c.name, c.dockerLabels])),
    ]),
  );
  return {
    state: 'ok',
    source: location.source,
    url: base,
    version: version.data,
    entrypoints: entrypoints.data,
    routers: routers.data,
    services: services.data,
    middlewares: middlewares.data,
    reconciliation: reconcile({
      services: services.data,
      tasks: snapshot.tasks,
      instances: snapshot.instances,
      labels,
      refreshSeconds: location.refreshSeconds,
      now: options.now ?? Date.now(),
    }),
    fetchedAt,
  };
}
