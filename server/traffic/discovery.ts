// Finds where a run's traffic may go: Traefik's entrypoint (task, instance IP, bound host port) and the routers' rules.
import 'server-only';
import { isIP } from 'node:net';
import type { ClusterSnapshot, TaskView } from '@/lib/schemas/snapshot';
import type { TrafficEntrypoint, TrafficRoute } from '@/lib/schemas/traffic';
import { isTraefikImage } from '@/lib/traefik/traefik-task';
import { routesFromLabels, webEntrypoint } from '@/lib/traffic/traefik-config';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { taskDefinitionFacts } from '@/server/traefik/task-definitions';

export interface TrafficDiscovery {
  entrypoint: TrafficEntrypoint | null;
  routes: TrafficRoute[];
  /** Why there is no entrypoint, in words an admin can act on. */
  problem: string | null;
}

function isLoopback(ip: string): boolean {
  return /^127\./.test(ip) || ip === '::1';
}

async function findEntrypoint(
  ctx: EcsContext,
  snapshot: ClusterSnapshot,
  running: TaskView[],
): Promise<TrafficEntrypoint | string> {
  for (const task of running) {
    const { containers } = await taskDefinitionFacts(ctx.ecs, task.taskDefinitionArn);
    const traefik = containers.find((c) => isTraefikImage(c.image));
    if (!traefik) continue;
    const entry = webEntrypoint(traefik.command);
    const container = task.containers.find((c) => c.name === traefik.name) ?? task.containers[0];
    const binding = container?.networkBindings.find(
      (b) => b.containerPort === entry.port && (b.protocol ?? 'tcp') === 'tcp',
    );
    const ip = snapshot.instances.find((i) => i.arn === task.containerInstanceArn)?.ip ?? null;
    if (!binding?.hostPort) {
      return `Traefik's task ${task.id} has no host port bound to its ${entry.name} entrypoint (container port ${entry.port}).`;
    }
    if (!ip || isIP(ip) === 0) {
      return `The instance running Traefik's task ${task.id} has no IP address in Systems Manager.`;
    }
    // The lab runs everything on this machine: never let a run leave loopback there.
    if (ctx.target === 'lab' && !isLoopback(ip)) {
      return `Traefik's instance reports ${ip}, which is not a loopback address of the lab.`;
    }
    return {
      host: ip,
      port: binding.hostPort,
      entrypoint: entry.name,
      taskArn: task.arn,
      service: task.serviceName,
    };
  }
  return 'No running task runs a Traefik image: deploy the LoadBalancer first (Services page).';
}

async function findRoutes(ctx: EcsContext, snapshot: ClusterSnapshot): Promise<TrafficRoute[]> {
  const sources = new Map<string, string | null>();
  for (const service of snapshot.services) {
    if (service.taskDefinition) sources.set(service.taskDefinition, service.name);
  }
  for (const task of snapshot.tasks) {
    if (task.lastStatus === 'RUNNING' && !sources.has(task.taskDefinitionArn)) {
      sources.set(task.taskDefinitionArn, task.serviceName);
    }
  }
  const routes = new Map<string, TrafficRoute>();
  for (const [arn, service] of sources) {
    const containers = await taskDefinitionFacts(ctx.ecs, arn).then(
      (facts) => facts.containers,
      () => [],
    );
    for (const container of containers) {
      for (const route of routesFromLabels(container.dockerLabels)) {
        const key = JSON.stringify(route.target);
        if (!routes.has(key)) {
          routes.set(key, {
            router: route.router,
            rule: route.rule,
            target: route.target,
            service,
          });
        }
      }
    }
  }
  // Host targets first: the scenario's first routing step.
  return [...routes.values()].sort(
    (a, b) => a.target.kind.localeCompare(b.target.kind) || a.router.localeCompare(b.router),
  );
}

export async function discoverTraffic(ctx: EcsContext): Promise<TrafficDiscovery> {
  const snapshot = await getClusterSnapshot(ctx);
  const running = snapshot.tasks.filter((t) => t.lastStatus === 'RUNNING');
  const [entrypoint, routes] = await Promise.all([
    findEntrypoint(ctx, snapshot, running),
    findRoutes(ctx, snapshot),
  ]);
  return typeof entrypoint === 'string'
    ? { entrypoint: null, routes, problem: entrypoint }
    : { entrypoint, routes, problem: null };
}
