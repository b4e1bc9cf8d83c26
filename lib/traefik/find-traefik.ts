// Finds Traefik's API from a cluster snapshot, by image never by name: running task → instance → IP → host port of the API.
import { z } from 'zod';
import type { ClusterSnapshot, TaskView } from '@/lib/schemas/snapshot';
import type { TraefikSource } from '@/lib/schemas/traefik';
import {
  apiContainerPort,
  DEFAULT_REFRESH_SECONDS,
  isTraefikImage,
  refreshSeconds,
  serverUrl,
  type TaskDefinitionFacts,
} from '@/lib/traefik/traefik-task';

export interface TraefikLocation {
  source: TraefikSource;
  /** The API base URL to read, or null when none was found. */
  url: string | null;
  /** Traefik's ECS refresh interval, from the Traefik task definition's command. */
  refreshSeconds: number;
}

// SSM reports an instance's address; only an IP literal may become a URL (a name or `a@b` could point anywhere).
const ipLiteral = z.union([z.ipv4(), z.ipv6()]);

const STATUS_RANK: Record<string, number> = { RUNNING: 0, ACTIVATING: 1, PENDING: 2 };

function traefikContainer(facts: TaskDefinitionFacts | undefined) {
  return facts?.containers.find((c) => isTraefikImage(c.image));
}

function preferred(a: TaskView, b: TaskView): number {
  const rank = (t: TaskView) => STATUS_RANK[t.lastStatus] ?? 9;
  return (
    rank(a) - rank(b) ||
    Number(b.serviceName !== null) - Number(a.serviceName !== null) ||
    (b.startedAt ?? '').localeCompare(a.startedAt ?? '')
  );
}

export function findTraefik(
  snapshot: Pick<ClusterSnapshot, 'tasks' | 'services' | 'instances'>,
  facts: Map<string, TaskDefinitionFacts>,
  configuredUrl: string | null,
): TraefikLocation {
  const candidates = snapshot.tasks
    .filter(
      (t) => t.desiredStatus === 'RUNNING' && traefikContainer(facts.get(t.taskDefinitionArn)),
    )
    .sort(preferred);
  const task = candidates[0];
  const definition = facts.get(task?.taskDefinitionArn ?? '');
  const container = traefikContainer(definition);
  const refresh = container ? refreshSeconds(container.command) : DEFAULT_REFRESH_SECONDS;
  if (configuredUrl) {
    return {
      source: { kind: 'configured', url: configuredUrl },
      url: configuredUrl,
      refreshSeconds: refresh,
    };
  }
  const notFound = (reason: string): TraefikLocation => ({
    source: { kind: 'not-found', reason },
    url: null,
    refreshSeconds: refresh,
  });
  if (!task || !definition || !container) {
    const services = snapshot.services.filter((s) => traefikContainer(facts.get(s.taskDefinition)));
    if (services.length === 0) {
      return notFound('No service or task in this cluster runs a traefik image.');
    }
    return notFound(
      services
        .map(
          (s) =>
            `Service ${s.name} runs Traefik but has no running task (desired ${s.desiredCount}, running ${s.runningCount}, pending ${s.pendingCount}).`,
        )
        .join(' '),
    );
  }
  const containerPort = apiContainerPort(container.command);
  const binding = task.containers
    .find((c) => c.name === container.name)
    ?.networkBindings.find((b) => b.containerPort === containerPort);
  const hostPort = binding?.hostPort ?? (definition.networkMode === 'host' ? containerPort : null);
  const instance = snapshot.instances.find((i) => i.arn === task.containerInstanceArn);
  const what = `task ${task.id}${task.serviceName ? ` of service ${task.serviceName}` : ''}`;
  if (task.lastStatus !== 'RUNNING') {
    return notFound(`Traefik's ${what} is ${task.lastStatus}, not RUNNING yet.`);
  }
  if (!instance?.ip || !ipLiteral.safeParse(instance.ip).success) {
    return notFound(
      `Traefik's ${what} runs on ${instance?.ec2InstanceId ?? task.containerInstanceId ?? 'an unknown instance'}, whose IP address SSM does not know.`,
    );
  }
  if (!hostPort) {
    return notFound(`Traefik's ${what} has no host port bound to its API port ${containerPort}.`);
  }
  const url = serverUrl(instance.ip, hostPort);
  return {
    source: {
      kind: 'discovered',
      url,
      taskArn: task.arn,
      serviceName: task.serviceName,
      containerInstanceArn: instance.arn,
      ec2InstanceId: instance.ec2InstanceId,
      ip: instance.ip,
      hostPort,
      containerPort,
    },
    url,
    refreshSeconds: refresh,
  };
}
