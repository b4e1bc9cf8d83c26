// Settings: where the console points and as whom (no secrets), the AWS region and profile switch, and its IAM policy.
import { AwsTargetForm } from '@/components/settings/aws-target-form';
import { ConsolePolicyBlock } from '@/components/settings/console-policy-block';
import { PageTitle } from '@/components/ui/page-title';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { getConsoleInfo } from '@/server/settings/console-info';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-4 border-t border-zinc-200 px-4 py-2 first:border-t-0 dark:border-zinc-800">
      <dt className="text-muted">{label}</dt>
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
        Read from the environment at start; on AWS the region and profile can be switched here for
        this browser.
      </PageTitle>
      <div className="space-y-4">
        <dl className="card max-w-3xl text-sm" data-testid="settings">
          <Row label="Target">
            {info.target === 'lab'
              ? `lab (${info.endpoint})`
              : `AWS${info.endpoint ? ` (AWS_ENDPOINT_URL ${info.endpoint})` : ''}`}
          </Row>
          <Row label="Region">
            {info.region ?? <span className="text-red-700 dark:text-red-400">⚠ not set</span>}
            {info.target === 'lab' ? (
              <span className="mt-1 block font-sans break-normal text-muted">
                The lab serves one region (LAB_REGION): its ARNs and request signatures carry it, so
                it is not switched here.
              </span>
            ) : null}
          </Row>
          {info.target === 'aws' ? (
            <Row label="Profile">{info.profile ?? 'default credential chain'}</Row>
          ) : null}
          <Row label="Cluster">{info.cluster}</Row>
          <Row label="Account">{info.identity.account ?? '—'}</Row>
          <Row label="Caller identity">
            {info.identity.error ? (
              <span className="font-sans text-red-700 dark:text-red-400">
                ⚠ {info.identity.error}
              </span>
            ) : (
              info.identity.arn
            )}
          </Row>
          <Row label="Traefik API URL">
            {info.traefikApiUrl ? `${info.traefikApiUrl} (TRAEFIK_API_URL)` : 'not discovered yet'}
          </Row>
        </dl>
        {info.target === 'aws' ? (
          <section className="card max-w-3xl" aria-labelledby="aws-target-title">
            <h2 id="aws-target-title" className="card-title">
              Region and profile
            </h2>
            <div className="space-y-3 p-4">
              <p className="text-sm text-muted">
                For this browser only. Profiles come from the shared AWS config and credentials
                files; switching goes back to the region’s default cluster.
              </p>
              <AwsTargetForm
                region={info.region}
                profile={info.profile}
                configuredProfile={info.configuredProfile}
                profiles={info.profiles}
              />
            </div>
          </section>
        ) : null}
        <ConsolePolicyBlock target={info.target} />
      </div>
    </>
  );
}
