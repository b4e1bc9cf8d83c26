// Traefik's HTTP services: type, status, the routers using them, and each server matched to its ECS task.
import type { HttpService, ServerMatch } from '@/lib/schemas/traefik';
import { shortId } from '@/lib/format/arn';
import { ResourceLink } from '@/components/snapshot/resource-link';
import { EmptyState } from '@/components/ui/states';
import { TraefikStatus } from '@/components/traefik/traefik-status';

function ServerRow({ server }: { server: ServerMatch }) {
  return (
    <tr
      className="border-t border-zinc-200 dark:border-zinc-800"
      data-testid="traefik-server"
      data-matched={server.task ? 'true' : 'false'}
    >
      <td className="px-3 py-1.5 font-mono text-xs">{server.url}</td>
      <td className="px-3 py-1.5">
        <TraefikStatus status={server.status} />
      </td>
      <td className="px-3 py-1.5 text-xs">
        {server.task ? (
          <span data-testid="server-task">
            task{' '}
            <ResourceLink kind="task" id={server.task.taskId}>
              {shortId(server.task.taskId, 12)}
            </ResourceLink>
            {server.task.serviceName ? (
              <>
                {' '}
                of <ResourceLink kind="service" id={server.task.serviceName} />
              </>
            ) : null}{' '}
            on{' '}
            {server.task.containerInstanceId ? (
              <ResourceLink kind="instance" id={server.task.containerInstanceId}>
                {server.task.ec2InstanceId ?? server.task.containerInstanceId}
              </ResourceLink>
            ) : (
              <span className="font-mono">{server.task.ec2InstanceId ?? '?'}</span>
            )}
          </span>
        ) : (
          <span className="text-red-700 dark:text-red-400" data-testid="server-no-task">
            <span aria-hidden>✕ </span>no live task
          </span>
        )}
      </td>
    </tr>
  );
}

function ServiceCard({ service, servers }: { service: HttpService; servers: ServerMatch[] }) {
  return (
    <section
      className="card overflow-hidden"
      data-testid="traefik-service"
      aria-label={service.name}
    >
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <h3 className="font-mono text-sm font-semibold">{service.name}</h3>
        <span className="text-xs text-muted">{service.type ?? 'internal'}</span>
        <TraefikStatus status={service.status} />
        <span className="text-xs text-muted">
          used by{' '}
          {(service.usedBy ?? []).length === 0 ? 'no router' : (service.usedBy ?? []).join(', ')}
        </span>
      </header>
      {(service.error ?? []).map((e) => (
        <p key={e} className="px-4 pb-2 text-xs text-red-700 dark:text-red-400">
          {e}
        </p>
      ))}
      {servers.length > 0 ? (
        <table className="w-full text-sm" aria-label={`Servers of ${service.name}`}>
          <thead className="bg-surface-2 text-left text-xs text-muted">
            <tr>
              <th className="px-3 py-1.5 font-medium">Server URL</th>
              <th className="px-3 py-1.5 font-medium">Status</th>
              <th className="px-3 py-1.5 font-medium">ECS task</th>
            </tr>
          </thead>
          <tbody>
            {servers.map((server) => (
              <ServerRow key={server.url} server={server} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function ServicesList({
  services,
  servers,
}: {
  services: HttpService[];
  servers: ServerMatch[];
}) {
  if (services.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No HTTP services">Deploy Whoami on the Services page.</EmptyState>
      </div>
    );
  }
  // Services with servers (the ones ECS feeds) first; Traefik's internal ones after.
  const sorted = [...services].sort(
    (a, b) =>
      Number(Boolean(b.loadBalancer)) - Number(Boolean(a.loadBalancer)) ||
      a.name.localeCompare(b.name),
  );
  return (
    <div className="space-y-3" data-testid="traefik-services">
      {sorted.map((service) => (
        <ServiceCard
          key={service.name}
          service={service}
          servers={servers.filter((s) => s.traefikService === service.name)}
        />
      ))}
    </div>
  );
}
