// Matches Traefik's servers to ECS tasks (instance IP + host port) and back, and flags where the two disagree.
import type { InstanceView, TaskView } from '@/lib/schemas/snapshot';
import type {
  HttpService,
  ReconcileFlag,
  Reconciliation,
  ServerMatch,
  TaskMatch,
} from '@/lib/schemas/traefik';
import {
  defaultServiceName,
  hasTraefikLabels,
  labelledServices,
  serverUrl,
} from '@/lib/traefik/traefik-task';

/** Docker labels per container name, per task definition ARN. */
export type LabelsByTaskDefinition = Record<string, Record<string, Record<string, string>>>;

export interface ReconcileInput {
  services: HttpService[];
  tasks: TaskView[];
  instances: InstanceView[];
  labels: LabelsByTaskDefinition;
  refreshSeconds: number;
  now: number;
}

interface Expected {
  traefikServices: string[];
  urls: string[];
}

function routable(labels: Record<string, string>): boolean {
  return hasTraefikLabels(labels) && labels['traefik.enable']?.toLowerCase() !== 'false';
}

/** The server URLs Traefik's ECS provider should list for a task: http://<instance IP>:<hostPort>. */
function expectedFor(
  task: TaskView,
  labels: Record<string, Record<string, string>>,
  ip: string | null,
): Expected | null {
  const traefikServices: string[] = [];
  const urls: string[] = [];
  let labelled = false;
  for (const container of task.containers) {
    const containerLabels = labels[container.name];
    if (!containerLabels || !routable(containerLabels)) continue;
    labelled = true;
    const declared = labelledServices(containerLabels);
    const services: [string, number | null][] =
      declared.size > 0 ? [...declared] : [[defaultServiceName(task.group, container.name), null]];
    const bindings = container.networkBindings;
    for (const [name, port] of services) {
      traefikServices.push(name);
      const binding =
        port === null
          ? bindings.length === 1
            ? bindings[0]
            : undefined
          : bindings.find((b) => b.containerPort === port);
      if (ip && binding?.hostPort) urls.push(serverUrl(ip, binding.hostPort));
    }
  }
  return labelled ? { traefikServices, urls } : null;
}

function taskRef(task: TaskView, instances: Map<string, InstanceView>) {
  const instance = instances.get(task.containerInstanceArn ?? '');
  return {
    taskArn: task.arn,
    taskId: task.id,
    serviceName: task.serviceName,
    containerInstanceId: task.containerInstanceId,
    ec2InstanceId: instance?.ec2InstanceId ?? null,
  };
}

export function reconcile(input: ReconcileInput): Reconciliation {
  const instances = new Map(input.instances.map((i) => [i.arn, i]));
  // Traefik's ECS provider lists only tasks desired RUNNING, so a task being stopped is no longer live.
  const live = input.tasks.filter(
    (t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING',
  );
  const liveByUrl = new Map<string, TaskView>();
  const expected = new Map<string, Expected>();
  for (const task of live) {
    const ip = instances.get(task.containerInstanceArn ?? '')?.ip ?? null;
    const found = expectedFor(task, input.labels[task.taskDefinitionArn] ?? {}, ip);
    if (!found) continue;
    expected.set(task.arn, found);
    for (const url of found.urls) liveByUrl.set(url, task);
  }

  const servers: ServerMatch[] = input.services.flatMap((service) =>
    (service.loadBalancer?.servers ?? []).map(({ url }) => {
      const task = liveByUrl.get(url);
      return {
        url,
        traefikService: service.name,
        status: service.serverStatus?.[url] ?? null,
        task: task ? taskRef(task, instances) : null,
      };
    }),
  );
  const serverUrls = new Set(servers.map((s) => s.url));

  const tasks: TaskMatch[] = live.flatMap((task) => {
    const found = expected.get(task.arn);
    if (!found) return [];
    const routedTo = found.urls.filter((url) => serverUrls.has(url));
    const since = Date.parse(task.startedAt ?? task.createdAt ?? '');
    return [
      {
        taskArn: task.arn,
        taskId: task.id,
        serviceName: task.serviceName,
        traefikServices: found.traefikServices,
        expectedUrls: found.urls,
        servers: routedTo,
        runningSince: task.startedAt ?? task.createdAt,
        unroutedForSeconds:
          routedTo.length === 0 && Number.isFinite(since)
            ? Math.max(0, Math.round((input.now - since) / 1000))
            : null,
      },
    ];
  });

  const flags: ReconcileFlag[] = [
    ...tasks
      .filter((t) => t.servers.length === 0)
      .map((t) => ({
        kind: 'task-not-routed' as const,
        taskArn: t.taskArn,
        taskId: t.taskId,
        serviceName: t.serviceName,
        forSeconds: t.unroutedForSeconds,
        withinRefresh:
          t.unroutedForSeconds !== null && t.unroutedForSeconds <= 2 * input.refreshSeconds,
      })),
    // Only ECS-provided servers should map to tasks; a file-provider backend elsewhere is not a mismatch.
    ...servers
      .filter((s) => s.task === null && s.traefikService.endsWith('@ecs'))
      .map((s) => ({
        kind: 'server-without-task' as const,
        url: s.url,
        traefikService: s.traefikService,
      })),
  ];
  return { servers, tasks, flags, refreshSeconds: input.refreshSeconds };
}
