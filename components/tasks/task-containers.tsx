// A task's containers: image, status, exit, runtime id and host ports (as URLs on the instance's address).
import type { TaskView } from '@/lib/schemas/snapshot';
import { CopyableId } from '@/components/ui/copy-button';
import { StatusBadge } from '@/components/ui/status-badge';

export function TaskContainers({ task, hostIp }: { task: TaskView; hostIp: string | null }) {
  return (
    <table className="w-full text-sm" aria-label="Containers">
      <thead className="text-left text-xs text-muted">
        <tr>
          <th className="px-4 py-1.5">Container</th>
          <th>Image</th>
          <th>Status</th>
          <th>Runtime id</th>
          <th className="pr-4">Host ports</th>
        </tr>
      </thead>
      <tbody>
        {task.containers.map((c) => (
          <tr key={c.name} className="border-t border-zinc-200 align-top dark:border-zinc-800">
            <td className="px-4 py-2 font-medium">{c.name}</td>
            <td className="py-2 font-mono text-xs break-all">{c.image ?? '—'}</td>
            <td className="py-2">
              {c.lastStatus ? <StatusBadge status={c.lastStatus} /> : '—'}
              {c.exitCode !== null ? (
                <p className="text-xs text-muted">exit code {c.exitCode}</p>
              ) : null}
              {c.reason ? <p className="text-xs text-muted">{c.reason}</p> : null}
            </td>
            <td className="py-2">
              {c.runtimeId ? (
                <CopyableId
                  value={c.runtimeId}
                  display={c.runtimeId.slice(0, 12)}
                  what={`runtime id of ${c.name}`}
                />
              ) : (
                '—'
              )}
            </td>
            <td className="py-2 pr-4">
              {c.networkBindings.length === 0 ? (
                '—'
              ) : (
                <ul className="font-mono text-xs" data-testid="host-ports">
                  {c.networkBindings.map((b, i) => {
                    const mapping = `${b.hostPort ?? '?'}→${b.containerPort ?? '?'}/${b.protocol ?? 'tcp'}`;
                    const url =
                      hostIp && b.hostPort && (b.protocol ?? 'tcp') === 'tcp'
                        ? `http://${hostIp}:${b.hostPort}/`
                        : null;
                    return (
                      <li key={i}>
                        {mapping}
                        {url ? (
                          <a
                            className="ml-2 text-blue-700 hover:underline dark:text-blue-400"
                            href={url}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {url}
                          </a>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
