// Reads what a run needs from task definitions: Traefik's web entrypoint port (its command) and routers (Docker labels).
import { trafficTargetSchema, type TrafficTarget } from '@/lib/schemas/traffic';

export interface EntrypointPort {
  name: string;
  port: number;
}

const ENTRYPOINT_ADDRESS = /^--entry[pP]oints\.([A-Za-z0-9_-]+)\.address$/;

/** Entrypoints declared on Traefik's command line (`--entrypoints.web.address=:80`), in order. */
export function entrypointsFromCommand(command: readonly string[]): EntrypointPort[] {
  const out: EntrypointPort[] = [];
  command.forEach((arg, i) => {
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const name = ENTRYPOINT_ADDRESS.exec(flag)?.[1];
    const address = inline ?? command[i + 1];
    if (!name || address === undefined) return;
    const port = Number(/:(\d{1,5})(?:\/(?:tcp|udp))?$/.exec(address)?.[1]);
    if (Number.isInteger(port) && port > 0 && port < 65536 && !/\/udp$/.test(address)) {
      out.push({ name, port });
    }
  });
  return out;
}

/**
 * The entrypoint HTTP traffic should use: `preferred` (the routers' entrypoint, `web` by default),
 * else the first one that is not the API's own; Traefik's implicit default is :80.
 */
export function webEntrypoint(command: readonly string[], preferred = 'web'): EntrypointPort {
  const all = entrypointsFromCommand(command).filter((e) => e.name !== 'traefik');
  return all.find((e) => e.name === preferred) ?? all[0] ?? { name: 'http', port: 80 };
}

export interface LabelRoute {
  router: string;
  rule: string;
  target: TrafficTarget;
  entrypoints: string[];
}

const ROUTER_RULE = /^traefik\.http\.routers\.([^.]+)\.rule$/;
const MATCHERS = /\b(Host|Path|PathPrefix)\(\s*`([^`]*)`/g;

/** Each Host() or Path()/PathPrefix() of each router in a container's labels, as a run target. */
export function routesFromLabels(labels: Readonly<Record<string, string>>): LabelRoute[] {
  const routes: LabelRoute[] = [];
  for (const [key, rule] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const router = ROUTER_RULE.exec(key)?.[1];
    if (!router) continue;
    const entrypoints = (labels[`traefik.http.routers.${router}.entrypoints`] ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    for (const [, matcher, value = ''] of rule.matchAll(MATCHERS)) {
      const candidate =
        matcher === 'Host' ? { kind: 'host', host: value } : { kind: 'path', path: value };
      const target = trafficTargetSchema.safeParse(candidate);
      if (target.success) routes.push({ router, rule, target: target.data, entrypoints });
    }
  }
  return routes;
}
