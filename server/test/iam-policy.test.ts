// The console's IAM policy is exact: every server code path works with a lab credential allowed only its actions,
// and uses every one of them; a credential missing one action gets AWS's AccessDenied, named in plain words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labAdmin } from '@/lab/test/support/lab-admin';
import { waitFor } from '@/lab/test/support/wait';
import { consoleApiActions } from '@/lib/iam/console-policy';
import type { ActionResult } from '@/lib/schemas/actions';
import {
  activationStatusWith,
  registerInstancesWith,
} from '@/server/actions/impl/register-instances';
import { assignRoleWith } from '@/server/actions/impl/assign-role';
import { cleanUpWith } from '@/server/actions/impl/clean-up';
import { deployLoadBalancerWith } from '@/server/actions/impl/deploy-load-balancer';
import { deployWhoamiWith } from '@/server/actions/impl/deploy-whoami';
import { removeAttributeWith } from '@/server/actions/impl/remove-attribute';
import { scaleServiceWith } from '@/server/actions/impl/scale-service';
import { stopTaskWith } from '@/server/actions/impl/stop-task';
import { getConfig, resetConfigForTests } from '@/server/config';
import { clientsFor } from '@/server/ecs/clients';
import { listClusterNames } from '@/server/ecs/clusters';
import type { EcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';
import { getClusterSnapshot, invalidateSnapshot } from '@/server/ecs/snapshot';
import { describeTaskDefinition, listTaskDefinitionFamilies } from '@/server/ecs/task-definitions';
import { upstreamError } from '@/server/http/responses';
import { getConsoleInfo } from '@/server/settings/console-info';
import { loadTraefikView } from '@/server/traefik/view';
import { loadWalkthroughEvidence } from '@/server/walkthrough/evidence';

const CLUSTER = 'anywhere-lab';

interface CredentialUse {
  accessKeyId: string;
  allowedActions: string[];
  usedActions: string[];
  deniedActions: string[];
}

let lab: RunningLab;

async function grant(accessKeyId: string, allowedActions: readonly string[]) {
  const { status, body } = await labAdmin(lab.adminEndpoint).call('POST', '/credentials', {
    accessKeyId,
    secretAccessKey: `${accessKeyId}-secret`,
    allowedActions,
  });
  expect(status, JSON.stringify(body)).toBe(200);
}

async function use(accessKeyId: string): Promise<CredentialUse> {
  const { body } = await labAdmin(lab.adminEndpoint).call<{ credentials: CredentialUse[] }>(
    'GET',
    '/credentials',
  );
  return body.credentials.find((c) => c.accessKeyId === accessKeyId)!;
}

// The console as it runs: its config from the environment, its clients from its own factory.
function consoleContext(accessKeyId: string): EcsContext {
  vi.stubEnv('LAB_ENDPOINT', lab.endpoint);
  vi.stubEnv('LAB_ACCESS_KEY_ID', accessKeyId);
  vi.stubEnv('LAB_SECRET_ACCESS_KEY', `${accessKeyId}-secret`);
  vi.stubEnv('CONSOLE_TOKEN', 'iam-policy-test-token-0123456789');
  vi.stubEnv('TRAEFIK_API_URL', undefined);
  resetConfigForTests();
  const { target } = getConfig();
  const { ecs, ssm } = clientsFor(target);
  return { ecs, ssm, cluster: CLUSTER, region: target.region ?? '', target: 'lab' };
}

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

beforeAll(async () => {
  lab = await startLab({ instances: 3 });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  await lab?.stop();
});

// The denials run first: the full run ends by deleting the cluster.
describe("the console's IAM policy", () => {
  it('without one action, the call fails as on AWS and the console names the missing action', async () => {
    await grant(
      'nolisttasks',
      consoleApiActions.filter((action) => action !== 'ecs:ListTasks'),
    );
    const ctx = consoleContext('nolisttasks');
    invalidateSnapshot();
    const error = await getClusterSnapshot(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::123456789012:user/nolisttasks is not authorized to perform: ecs:ListTasks on resource: * because no identity-based policy allows the ecs:ListTasks action',
      $metadata: { httpStatusCode: 400 },
    });
    const shown =
      "The console's credentials may not call ecs:ListTasks. Add it to their IAM policy (Settings shows the policy) (AccessDeniedException).";
    expect(describeEcsError(error).message).toBe(shown);
    // What the pages' snapshot error state shows (GET /api/snapshot answers this JSON).
    expect(await upstreamError(error).json()).toMatchObject({ message: shown });
    expect((await use('nolisttasks')).deniedActions).toEqual(['ecs:ListTasks']);
  });

  it('an action missing its permission says which one, as its result', async () => {
    await grant(
      'noput',
      consoleApiActions.filter((action) => action !== 'ecs:PutAttributes'),
    );
    const ctx = consoleContext('noput');
    const result = await assignRoleWith(ctx, { instanceArns: ['x'], value: 'webserver' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'AccessDeniedException',
        message:
          "The console's credentials may not call ecs:PutAttributes. Add it to their IAM policy (Settings shows the policy) (AccessDeniedException).",
      },
    });
  });

  it('is enough for every server code path, and every action in it is used', async () => {
    await grant('policyonly', consoleApiActions);
    const ctx = consoleContext('policyonly');
    const fresh = async () => {
      invalidateSnapshot();
      return getClusterSnapshot(ctx);
    };

    const first = await fresh();
    expect(first.instances).toHaveLength(3);
    expect(await listClusterNames(ctx.ecs)).toEqual([CLUSTER]);
    expect((await getConsoleInfo(ctx)).identity).toMatchObject({ account: '123456789012' });

    const activation = ok(
      await registerInstancesWith(ctx, { iamRole: 'ECSAnywhereRole', instanceCount: 2 }),
    );
    ok(await activationStatusWith(ctx, { activationId: activation.activationId }));

    const [lb, ...web] = first.instances.map((i) => i.arn);
    ok(await assignRoleWith(ctx, { instanceArns: [lb!], value: 'loadbalancer' }));
    ok(await assignRoleWith(ctx, { instanceArns: web, value: 'webserver' }));
    ok(await assignRoleWith(ctx, { instanceArns: [lb!], name: 'zone', value: 'rack-1' }));
    ok(await removeAttributeWith(ctx, { instanceArns: [lb!], name: 'zone' }));

    ok(await deployLoadBalancerWith(ctx, { refreshSeconds: 2 }));
    ok(await deployWhoamiWith(ctx, { desiredCount: 2 }));
    ok(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 3 }));
    const running = await waitFor(
      'LoadBalancer and 3 Whoami tasks running',
      fresh,
      (s) => s.tasks.filter((t) => t.lastStatus === 'RUNNING').length === 4,
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const families = await listTaskDefinitionFamilies(ctx.ecs);
    expect(JSON.stringify(families)).toContain('Whoami');
    await describeTaskDefinition(ctx.ecs, 'Whoami');

    const view = await waitFor(
      'Traefik discovered and answering',
      () => loadTraefikView(ctx, { configuredUrl: null }),
      (v) => v.state === 'ok',
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(view.state).toBe('ok');
    const evidence = await loadWalkthroughEvidence(ctx, { traefikApiUrl: null });
    expect(evidence.entrypoint).not.toBeNull();

    const whoamiTask = running.tasks.find((t) => t.group === 'service:Whoami')!;
    ok(await stopTaskWith(ctx, { taskArn: whoamiTask.arn }));

    ok(await cleanUpWith(ctx, { deregisterInstances: { confirm: CLUSTER } }));
    await waitFor(
      'services inactive',
      fresh,
      (s) => s.services.every((service) => service.status === 'INACTIVE'),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    ok(
      await cleanUpWith(ctx, {
        services: [],
        deregisterTaskDefinitions: false,
        deleteCluster: { confirm: CLUSTER },
      }),
    );

    const used = await use('policyonly');
    expect(used.deniedActions).toEqual([]);
    expect(used.usedActions).toEqual([...consoleApiActions].sort());
  });
});
