// Settings: where the console points and as whom (no secrets).
import { PageTitle } from '@/components/ui/page-title';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { getConsoleInfo } from '@/server/settings/console-info';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-4 border-t border-zinc-200 px-4 py-2 first:border-t-0 dark:border-zinc-800">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="font-mono text-xs break-all">{children}</dd>
    </div>
  );
}

export default async function SettingsPage() {
  await requirePageSession();
  const info = await getConsoleInfo(await getEcsContext());
  return (
    <>
      <PageTitle title="Settings">
        Read from the environment at start; change them there and restart.
      </PageTitle>
      <dl className="card max-w-3xl text-sm" data-testid="settings">
        <Row label="Target">{info.target === 'lab' ? `lab (${info.endpoint})` : 'AWS'}</Row>
        <Row label="Region">{info.region}</Row>
        {info.target === 'aws' ? (
          <Row label="Profile">{info.profile ?? 'default credential chain'}</Row>
        ) : null}
        <Row label="Cluster">{info.cluster}</Row>
        <Row label="Account">{info.identity.account ?? '—'}</Row>
        <Row label="Caller identity">
          {info.identity.error ? (
            <span className="text-red-700 dark:text-red-400">⚠ {info.identity.error}</span>
          ) : (
            info.identity.arn
          )}
        </Row>
        <Row label="Traefik API URL">
          {info.traefikApiUrl ? `${info.traefikApiUrl} (TRAEFIK_API_URL)` : 'not discovered yet'}
        </Row>
      </dl>
    </>
  );
}
