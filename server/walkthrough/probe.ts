// The routing probe: N sequential GETs through Traefik's discovered web entrypoint, by Host header or path, reading who answered.
import 'server-only';
import http from 'node:http';
import { deployWhoamiDefaults, type ActionResult } from '@/lib/schemas/actions';
import { backendIdFromBody } from '@/lib/traffic/backend-id';
import { curlCommands } from '@/lib/walkthrough/cli-templates';
import { probeRoutingInput, type ProbeRequest, type ProbeResult } from '@/lib/walkthrough/schema';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import type { EcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';
import { validated } from '@/server/actions/impl/validated';
import { discoverTraffic } from '@/server/traffic/discovery';
import { saveProbe } from '@/server/walkthrough/probe-store';
import { readCappedBody } from '@/server/http/capped-body';

const REQUEST_TIMEOUT_MS = 3_000;

interface Target {
  host: string;
  port: number;
  hostHeader: string;
  path: string;
}

function send(target: Target, index: number): Promise<ProbeRequest> {
  const started = performance.now();
  const latencyMs = () => Math.round((performance.now() - started) * 10) / 10;
  return new Promise((resolve) => {
    const request = http.request({
      host: target.host,
      port: target.port,
      path: target.path,
      method: 'GET',
      // A fresh connection each time: what a person running curl N times does.
      agent: false,
      headers: { host: target.hostHeader, 'user-agent': 'anywhere-console-walkthrough/1' },
      timeout: REQUEST_TIMEOUT_MS,
    });
    request.on('timeout', () =>
      request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.on('error', (error) =>
      resolve({
        index,
        status: null,
        hostname: null,
        latencyMs: latencyMs(),
        error: (error as { code?: string }).code ?? error.message,
      }),
    );
    request.on('response', (response) =>
      readCappedBody(response, (body) => {
        const status = response.statusCode ?? 0;
        resolve({
          index,
          status,
          hostname: status === 200 ? backendIdFromBody(body) : null,
          latencyMs: latencyMs(),
          error: status === 200 ? null : body.trim().slice(0, 120) || null,
        });
      }),
    );
    request.end();
  });
}

export function probeRoutingWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<ProbeResult>> {
  return validated(probeRoutingInput, input, async ({ mode, count, service, ...given }) => {
    try {
      const [discovery, snapshot] = await Promise.all([
        discoverTraffic(ctx),
        getClusterSnapshot(ctx),
      ]);
      const entrypoint = discovery.entrypoint;
      if (!entrypoint) {
        return {
          ok: false,
          error: { code: 'NoEntrypoint', message: discovery.problem ?? 'Traefik was not found.' },
        };
      }
      const app = snapshot.services.find((s) => s.name === service && s.status === 'ACTIVE');
      const routes = discovery.routes.filter((r) => r.service === service);
      const labelled = (kind: 'host' | 'path') =>
        routes.flatMap((r) =>
          r.target.kind === kind ? [r.target.kind === 'host' ? r.target.host : r.target.path] : [],
        )[0];
      const authority =
        entrypoint.port === 80 ? entrypoint.host : `${entrypoint.host}:${entrypoint.port}`;
      const target: Target =
        mode === 'host'
          ? {
              host: entrypoint.host,
              port: entrypoint.port,
              hostHeader: given.host ?? labelled('host') ?? deployWhoamiDefaults.host,
              path: '/',
            }
          : {
              host: entrypoint.host,
              port: entrypoint.port,
              hostHeader: authority,
              path: given.path ?? labelled('path') ?? deployWhoamiDefaults.path,
            };
      // One after another: Traefik's round robin then hands each request to the next server.
      const requests: ProbeRequest[] = [];
      for (let i = 0; i < count; i++) requests.push(await send(target, i));
      const hostnames = requests.flatMap((r) =>
        r.status === 200 && r.hostname ? [r.hostname] : [],
      );
      const distinct = new Set(hostnames).size;
      const cli = curlCommands(
        entrypoint,
        mode,
        { host: target.hostHeader, path: target.path },
        count,
      );
      const result: ProbeResult = {
        mode,
        host: target.hostHeader,
        path: target.path,
        count,
        entrypoint: { host: entrypoint.host, port: entrypoint.port },
        requests,
        distinct,
        allDiffer: hostnames.length === count && distinct === count,
        at: new Date().toISOString(),
        app: app
          ? { service, taskDefinition: app.taskDefinition, desiredCount: app.desiredCount }
          : null,
        cli,
      };
      saveProbe(ctx, result);
      return { ok: true, data: result, cli };
    } catch (error) {
      return { ok: false, error: describeEcsError(error) };
    }
  });
}
