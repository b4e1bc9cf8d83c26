// Sentences the Traefik views show: how Traefik was found, and what a reconciliation flag means.
import type { ReconcileFlag, TraefikSource } from '@/lib/schemas/traefik';

const short = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);

export function sourceText(source: TraefikSource): string {
  switch (source.kind) {
    case 'configured':
      return 'Configured by TRAEFIK_API_URL';
    case 'discovered': {
      const task = short(source.taskArn.split('/').pop() ?? source.taskArn);
      const service = source.serviceName ? ` of service ${source.serviceName}` : '';
      const instance =
        source.ec2InstanceId ?? short(source.containerInstanceArn.split('/').pop() ?? '');
      return `Discovered: task ${task}${service} on instance ${instance} (${source.ip}), host port ${source.hostPort} → container port ${source.containerPort}`;
    }
    case 'not-found':
      return source.reason;
  }
}

export function flagText(flag: ReconcileFlag, refreshSeconds: number): string {
  if (flag.kind === 'server-without-task') {
    return `Traefik server ${flag.url} (${flag.traefikService}) has no live ECS task`;
  }
  const how = flag.forSeconds === null ? '' : ` for ${flag.forSeconds} s`;
  const service = flag.serviceName ? ` of ${flag.serviceName}` : '';
  return `Task ${short(flag.taskId)}${service} RUNNING${how}, not routed yet (Traefik refreshes every ${refreshSeconds} s)`;
}
