// The scenario's Traefik in a bench lab: where its API and web entrypoint listen, and how many servers it lists.
import {
  DescribeContainerInstancesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import type { BenchLab } from './lab';

export interface TraefikAddress {
  host: string;
  apiPort: number;
  webPort: number;
}

/** Waits until the LoadBalancer service's task runs, then reads its instance's IP (SSM) and bound host ports. */
export async function locateTraefik(lab: BenchLab, timeoutMs = 60_000): Promise<TraefikAddress> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { taskArns = [] } = await lab.ecs.send(
      new ListTasksCommand({ cluster: lab.cluster, serviceName: 'LoadBalancer' }),
    );
    const { tasks = [] } = taskArns.length
      ? await lab.ecs.send(new DescribeTasksCommand({ cluster: lab.cluster, tasks: taskArns }))
      : {};
    const task = tasks.find((t) => t.lastStatus === 'RUNNING');
    const bindings = task?.containers?.[0]?.networkBindings ?? [];
    const hostPort = (port: number) => bindings.find((b) => b.containerPort === port)?.hostPort;
    const [apiPort, webPort] = [hostPort(8080), hostPort(80)];
    if (task?.containerInstanceArn && apiPort && webPort) {
      const { containerInstances = [] } = await lab.ecs.send(
        new DescribeContainerInstancesCommand({
          cluster: lab.cluster,
          containerInstances: [task.containerInstanceArn],
        }),
      );
      const id = containerInstances[0]?.ec2InstanceId;
      const info = await lab.ssm.send(
        new DescribeInstanceInformationCommand({
          Filters: [{ Key: 'InstanceIds', Values: [id ?? ''] }],
        }),
      );
      const host = info.InstanceInformationList?.[0]?.IPAddress;
      if (host) return { host, apiPort, webPort };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Traefik's task was not RUNNING with its ports bound within ${timeoutMs} ms`);
}

/** How many servers Traefik's API lists for `service` (e.g. whoami@ecs); 0 while it does not know it. */
export async function traefikServerCount(
  traefik: TraefikAddress,
  service: string,
): Promise<number> {
  const response = await fetch(
    `http://${traefik.host}:${traefik.apiPort}/api/http/services/${encodeURIComponent(service)}`,
  ).catch(() => null);
  if (!response?.ok) return 0;
  const body = (await response.json()) as { loadBalancer?: { servers?: unknown[] } };
  return body.loadBalancer?.servers?.length ?? 0;
}

/** Polls `probe` every `intervalMs` until it returns true; resolves with the ms since `since`. */
export async function timeUntil(
  what: string,
  probe: () => Promise<boolean>,
  { since = performance.now(), intervalMs = 100, timeoutMs = 120_000 } = {},
): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (await probe().catch(() => false)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
