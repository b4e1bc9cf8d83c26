// Where the console reads Traefik from, how it found it, and Traefik's version.
import type { TraefikSource } from '@/lib/schemas/traefik';
import { sourceText } from '@/lib/traefik/view-text';

export function TraefikHeader({
  source,
  url,
  version,
}: {
  source: TraefikSource;
  url: string | null;
  version?: string;
}) {
  return (
    <div className="card p-4" data-testid="traefik-header">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="label">API</dt>
        <dd className="font-mono" data-testid="traefik-url">
          {url ?? '—'}
        </dd>
        <dt className="label">Found</dt>
        <dd data-testid="traefik-source">{sourceText(source)}</dd>
        {version ? (
          <>
            <dt className="label">Version</dt>
            <dd data-testid="traefik-version">{version}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
