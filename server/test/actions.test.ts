// The server actions against a lab over the real wire: every action, its CLI equivalent run by the real AWS CLI, and every error mapping the lab can produce.
import { createServer } from 'node:net';
import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  RunTaskCommand,
} from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { runAwsScript } from '@/lab/test/support/aws-cli';
import { waitFor } from '@/lab/test/support/wait';
import {
  createServiceCli,
  deleteClusterCli,
  deleteServiceCli,
  deregisterContainerInstanceCli,
  deregisterTaskDefinitionCli,
  registerTaskDefinitionCli,
  updateServiceCli,
} from '@/lib/cli/ecs-commands';
import { deployWhoamiInput, type ActionResult } from '@/lib/schemas/actions';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';
import { assignRoleWith } from '@/server/actions/impl/assign-role';
import { cleanUpWith } from '@/server/actions/impl/clean-up';
import { deployLoadBalancerWith } from '@/server/actions/impl/deploy-load-balancer';
import { deployWhoamiWith } from '@/server/actions/impl/deploy-whoami';
import { removeAttributeWith } from '@/server/actions/impl/remove-attribute';
import { scaleServiceWith } from '@/server/actions/impl/scale-service';
import { stopTaskWith } from '@/server/actions/impl/stop-task';
import type { EcsContext } from '@/server/ecs/context';

const CLUSTER = 'anywhere-lab';

function contextFor(
  endpoint: string,
  overrides: Partial<EcsContext> & { secretAccessKey?: string } = {},
): EcsContext {
  const { secretAccessKey = 'lab', ...rest } = overrides;
  const config = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'lab', secretAccessKey },
    maxAttempts: 1,
  };
  return {
    ecs: new ECSClient(config),
    ssm: new SSMClient(config),
    cluster: CLUSTER,
    region: 'us-east-1',
    target: 'lab',
    ...rest,
  };
}

// Runs an action's CLI equivalent exactly as shown, with `aws` aimed at the lab.
const runCli = (endpoint: string, cli: string) => runAwsScript(endpoint, cli);

function ok<T>(result: ActionResult<T>): { data: T; cli: string } {
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function failed<T>(result: ActionResult<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  expect(result.error.message).not.toMatch(/\n\s+at /);
  return result.error;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function instanceArns(ctx: EcsContext): Promise<string[]> {
  const out = await ctx.ecs.send(new ListContainerInstancesCommand({ cluster: ctx.cluster }));
  return out.containerInstanceArns ?? [];
}

async function attributesOf(ctx: EcsContext, arns: string[]) {
  const out = await ctx.ecs.send(
    new DescribeContainerInstancesCommand({ cluster: ctx.cluster, containerInstances: arns }),
  );
  return new Map(
    (out.containerInstances ?? []).map((instance) => [
      instance.containerInstanceArn!,
      Object.fromEntries(
        (instance.attributes ?? [])
          .filter(
            (attribute) =>
              !attribute.name?.startsWith('ecs.') && !attribute.name?.startsWith('com.amazonaws'),
          )
          .map((attribute) => [attribute.name, attribute.value]),
      ),
    ]),
  );
}

async function service(ctx: EcsContext, name: string) {
  const out = await ctx.ecs.send(
    new DescribeServicesCommand({ cluster: ctx.cluster, services: [name] }),
  );
  return out.services?.[0];
}

async function activeRevisions(ctx: EcsContext, family: string): Promise<string[]> {
  const out = await ctx.ecs.send(
    new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE' }),
  );
  return out.taskDefinitionArns ?? [];
}

describe('server actions against the lab', () => {
  let endpoint: string;
  let ctx: EcsContext;
  let lbArn: string;
  let webArns: string[];

  beforeAll(async () => {
    endpoint = inject('labEndpoint');
    ctx = contextFor(endpoint);
    const arns = await instanceArns(ctx);
    expect(arns).toHaveLength(3);
    [lbArn, ...webArns] = arns as [string, ...string[]];
  });

  afterAll(async () => {
    // Leave the shared lab as other test files expect it: no services, no roles.
    await cleanUpWith(ctx, {});
    await removeAttributeWith(ctx, { instanceArns: [lbArn, ...webArns], name: 'role' });
  });

  describe('assign role and remove attribute', () => {
    it('puts role=webserver on several instances, and its CLI line does the same', async () => {
      const result = ok(await assignRoleWith(ctx, { instanceArns: webArns, value: 'webserver' }));
      expect(result.data.attributes).toEqual(
        webArns.map((targetId) => ({ name: 'role', value: 'webserver', targetId })),
      );
      expect(result.cli).toBe(
        `aws ecs put-attributes --cluster ${CLUSTER} --attributes ${webArns
          .map((arn) => `name=role,value=webserver,targetType=container-instance,targetId=${arn}`)
          .join(' ')}`,
      );
      const attributes = await attributesOf(ctx, webArns);
      for (const arn of webArns) expect(attributes.get(arn)).toMatchObject({ role: 'webserver' });

      await removeAttributeWith(ctx, { instanceArns: webArns, name: 'role' });
      await runCli(endpoint, result.cli);
      const again = await attributesOf(ctx, webArns);
      for (const arn of webArns) expect(again.get(arn)).toMatchObject({ role: 'webserver' });
    });

    it('sets any custom name=value and removes it again', async () => {
      ok(await assignRoleWith(ctx, { instanceArns: [lbArn], name: 'zone', value: 'rack-1' }));
      expect((await attributesOf(ctx, [lbArn])).get(lbArn)).toMatchObject({ zone: 'rack-1' });
      const removed = ok(await removeAttributeWith(ctx, { instanceArns: [lbArn], name: 'zone' }));
      expect(removed.cli).toBe(
        `aws ecs delete-attributes --cluster ${CLUSTER} --attributes name=zone,targetType=container-instance,targetId=${lbArn}`,
      );
      expect((await attributesOf(ctx, [lbArn])).get(lbArn)).not.toHaveProperty('zone');
    });

    it('maps TargetNotFoundException for an unknown instance', async () => {
      const missing = `${lbArn.slice(0, lbArn.lastIndexOf('/') + 1)}${'f'.repeat(32)}`;
      const error = failed(await assignRoleWith(ctx, { instanceArns: [missing], value: 'x' }));
      expect(error.code).toBe('TargetNotFoundException');
      expect(error.message).toMatch(
        /The instance was not found in cluster anywhere-lab.*\(TargetNotFoundException\)\.$/,
      );
    });

    it('maps AttributeLimitExceededException and says how far it got', async () => {
      const names = Array.from({ length: 11 }, (_, index) => `custom-${index}`);
      let error;
      for (const name of names) {
        const result = await assignRoleWith(ctx, { instanceArns: [lbArn], name, value: 'x' });
        if (!result.ok) {
          error = result.error;
          break;
        }
      }
      expect(error?.code).toBe('AttributeLimitExceededException');
      expect(error?.message).toMatch(/most custom attributes ECS allows \(10\)\. Remove one first/);
      for (const name of names) await removeAttributeWith(ctx, { instanceArns: [lbArn], name });
    });

    it('rejects bad input on the field, before calling ECS', async () => {
      const error = failed(
        await assignRoleWith(ctx, { instanceArns: [lbArn], value: 'web server' }),
      );
      expect(error).toMatchObject({ code: 'InvalidInput', field: 'value' });
    });
  });

  describe('deploy', () => {
    it('refuses to deploy Whoami while no instance has role=webserver', async () => {
      await removeAttributeWith(ctx, { instanceArns: [lbArn, ...webArns], name: 'role' });
      const error = failed(await deployWhoamiWith(ctx, {}));
      expect(error.code).toBe('NoInstanceWithRole');
      expect(error.field).toBe('roleValue');
      expect(error.message).toMatch(/^No instance has role=webserver: assign the role first/);
      expect(await service(ctx, 'Whoami')).toBeUndefined();
      expect(await activeRevisions(ctx, 'Whoami')).toEqual([]);
    });

    it('deploys the LoadBalancer, then updates it instead of duplicating it', async () => {
      ok(await assignRoleWith(ctx, { instanceArns: [lbArn], value: 'loadbalancer' }));
      ok(await assignRoleWith(ctx, { instanceArns: webArns, value: 'webserver' }));

      const first = ok(await deployLoadBalancerWith(ctx, {}));
      expect(first.data).toMatchObject({
        taskDefinition: 'LoadBalancer:1',
        registered: true,
        serviceAction: 'created',
        desiredCount: 1,
      });
      const lines = first.cli.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^aws ecs register-task-definition --cli-input-json '\{"family":"LoadBalancer",/,
      );
      expect(lines[1]).toBe(
        `aws ecs create-service --cluster ${CLUSTER} --service-name LoadBalancer --task-definition LoadBalancer:1 --desired-count 1 --launch-type EXTERNAL`,
      );
      const { taskDefinition } = await ctx.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'LoadBalancer:1' }),
      );
      // The lab target defaults Traefik's ECS refresh to 2 s and the console's region.
      expect(taskDefinition?.containerDefinitions?.[0]?.command).toContain(
        '--providers.ecs.refreshSeconds=2',
      );
      expect(taskDefinition?.containerDefinitions?.[0]?.command).toContain(
        '--providers.ecs.region=us-east-1',
      );

      const second = ok(await deployLoadBalancerWith(ctx, {}));
      expect(second.data).toMatchObject({
        taskDefinition: 'LoadBalancer:1',
        registered: false,
        serviceAction: 'updated',
      });
      expect(second.cli.split('\n')[0]).toMatch(/^# LoadBalancer:1 already equals/);
      expect(await activeRevisions(ctx, 'LoadBalancer')).toHaveLength(1);
      const { serviceArns } = await ctx.ecs.send(new ListServicesCommand({ cluster: CLUSTER }));
      expect(serviceArns?.filter((arn) => arn.endsWith('/LoadBalancer'))).toHaveLength(1);
    });

    it('registers a new revision when a parameter changes, and AWS defaults refresh to 15 s', async () => {
      const aws = { ...ctx, target: 'aws' as const };
      const changed = ok(await deployLoadBalancerWith(aws, { dashboard: false }));
      expect(changed.data).toMatchObject({
        taskDefinition: 'LoadBalancer:2',
        registered: true,
        serviceAction: 'updated',
      });
      const { taskDefinition } = await ctx.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'LoadBalancer:2' }),
      );
      const command = taskDefinition?.containerDefinitions?.[0]?.command ?? [];
      expect(command).toContain('--providers.ecs.refreshSeconds=15');
      expect(command).not.toContain('--api.dashboard=true');
      expect((await service(ctx, 'LoadBalancer'))?.taskDefinition).toMatch(/LoadBalancer:2$/);
    });

    it('shows a register-task-definition line the real AWS CLI accepts as is', async () => {
      const result = ok(await deployLoadBalancerWith(ctx, { refreshSeconds: 5 }));
      expect(result.data.taskDefinition).toBe('LoadBalancer:3');
      const registerLine = result.cli.split('\n')[0]!;
      const out = JSON.parse(await runCli(endpoint, registerLine)) as {
        taskDefinition: { revision: number };
      };
      expect(out.taskDefinition.revision).toBe(4);
      // The CLI registered an equal revision, so deploying again registers nothing more.
      const again = ok(await deployLoadBalancerWith(ctx, { refreshSeconds: 5 }));
      expect(again.data).toMatchObject({ taskDefinition: 'LoadBalancer:4', registered: false });
    });

    it('deploys Whoami with its host and path rules and desired count', async () => {
      const result = ok(await deployWhoamiWith(ctx, {}));
      expect(result.data).toMatchObject({
        taskDefinition: 'Whoami:1',
        registered: true,
        serviceAction: 'created',
        desiredCount: 4,
      });
      const { taskDefinition } = await ctx.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'Whoami:1' }),
      );
      expect(taskDefinition?.containerDefinitions?.[0]?.dockerLabels).toMatchObject({
        'traefik.http.routers.whoami-host.rule': 'Host(`whoami.domain.com`)',
        'traefik.http.routers.whoami-path.rule': 'Path(`/whoami`)',
      });
      expect(taskDefinition?.placementConstraints).toEqual([
        { type: 'memberOf', expression: 'attribute:role == webserver' },
      ]);
      expect((await service(ctx, 'Whoami'))?.desiredCount).toBe(4);
    });

    it('deploys with force even when no instance has the role', async () => {
      const result = ok(
        await deployWhoamiWith(ctx, {
          serviceName: 'Orphan',
          family: 'Orphan',
          roleValue: 'nobody',
          desiredCount: 1,
          force: true,
        }),
      );
      expect(result.data.serviceAction).toBe('created');
      ok(await cleanUpWith(ctx, { services: ['Orphan'], families: ['Orphan'] }));
    });
  });

  describe('scale and stop task', () => {
    it('scales Whoami, and its CLI line scales it too', async () => {
      const result = ok(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 6 }));
      expect(result.cli).toBe(
        `aws ecs update-service --cluster ${CLUSTER} --service Whoami --desired-count 6`,
      );
      expect((await service(ctx, 'Whoami'))?.desiredCount).toBe(6);
      ok(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 2 }));
      await runCli(endpoint, result.cli);
      expect((await service(ctx, 'Whoami'))?.desiredCount).toBe(6);
      ok(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 4 }));
    });

    it('maps ServiceNotFoundException for an unknown service', async () => {
      const error = failed(await scaleServiceWith(ctx, { service: 'Nope', desiredCount: 1 }));
      expect(error).toEqual({
        code: 'ServiceNotFoundException',
        message:
          'Service Nope was not found in cluster anywhere-lab. Deploy it first (ServiceNotFoundException).',
      });
    });

    it('stops a task with a reason, and its CLI line stops another', async () => {
      // RunTask, so the test does not depend on the service scheduler's timing.
      const { tasks } = await ctx.ecs.send(
        new RunTaskCommand({
          cluster: CLUSTER,
          taskDefinition: 'Whoami',
          count: 2,
          launchType: 'EXTERNAL',
        }),
      );
      const [first, second] = (tasks ?? []).map((task) => task.taskArn!);
      expect(second).toBeDefined();
      const result = ok(await stopTaskWith(ctx, { taskArn: first, reason: "admin's test" }));
      expect(result.data).toMatchObject({ taskArn: first, desiredStatus: 'STOPPED' });
      expect(result.cli).toBe(
        `aws ecs stop-task --cluster ${CLUSTER} --task ${first} --reason 'admin'\\''s test'`,
      );
      await runCli(endpoint, result.cli.replace(first!, second!));
      const { tasks: described } = await ctx.ecs.send(
        new DescribeTasksCommand({ cluster: CLUSTER, tasks: [first!, second!] }),
      );
      expect(described?.map((task) => [task.desiredStatus, task.stoppedReason])).toEqual([
        ['STOPPED', "admin's test"],
        ['STOPPED', "admin's test"],
      ]);
    });

    it('maps the error for an unknown task', async () => {
      const error = failed(
        await stopTaskWith(ctx, {
          taskArn: `arn:aws:ecs:us-east-1:000000000000:task/${CLUSTER}/0000000000000000`,
        }),
      );
      expect(error.code).toMatch(/^(InvalidParameterException|ClientException)$/);
      expect(error.message).toMatch(
        /^ECS (rejected a parameter|refused the request): .+\((InvalidParameterException|ClientException)\)\.$/,
      );
    });
  });

  describe('errors reaching ECS', () => {
    it('maps ClusterNotFoundException', async () => {
      const error = failed(
        await scaleServiceWith(
          { ...ctx, cluster: 'no-such-cluster' },
          { service: 'Whoami', desiredCount: 1 },
        ),
      );
      expect(error.code).toBe('ClusterNotFoundException');
      expect(error.message).toMatch(/^Cluster no-such-cluster was not found/);
    });

    it('maps rejected credentials', async () => {
      const error = failed(
        await scaleServiceWith(contextFor(endpoint, { secretAccessKey: 'wrong' }), {
          service: 'Whoami',
          desiredCount: 1,
        }),
      );
      expect(error.code).toMatch(/^(InvalidSignatureException|UnrecognizedClientException)$/);
      expect(error.message).toMatch(/^AWS did not accept the credentials/);
    });

    it('says ECS could not be reached at the endpoint when nothing listens there', async () => {
      const dead = `http://127.0.0.1:${await freePort()}`;
      const error = failed(
        await scaleServiceWith(contextFor(dead), { service: 'Whoami', desiredCount: 1 }),
      );
      expect(error.code).toBe('NetworkError');
      expect(error.message).toContain(`ECS could not be reached at ${dead}`);
    });
  });

  describe('clean up', () => {
    it('refuses a wrong typed confirmation and changes nothing', async () => {
      const error = failed(
        await cleanUpWith(ctx, { deregisterInstances: { confirm: 'anywhere' } }),
      );
      expect(error).toMatchObject({
        code: 'ConfirmationMismatch',
        field: 'deregisterInstances.confirm',
      });
      expect((await service(ctx, 'Whoami'))?.status).toBe('ACTIVE');
    });

    it('scales to 0, deletes the services and deregisters every revision, in order', async () => {
      const result = ok(await cleanUpWith(ctx, {}));
      expect(await activeRevisions(ctx, 'LoadBalancer')).toEqual([]);
      expect(result.data.steps.map((step) => step.label)).toEqual([
        'Scale Whoami to 0',
        'Delete service Whoami',
        'Scale LoadBalancer to 0',
        'Delete service LoadBalancer',
        'Deregister Whoami:1',
        'Deregister LoadBalancer:1',
        'Deregister LoadBalancer:2',
        'Deregister LoadBalancer:3',
        'Deregister LoadBalancer:4',
      ]);
      expect(result.cli.split('\n')).toHaveLength(result.data.steps.length);
      expect(['DRAINING', 'INACTIVE']).toContain((await service(ctx, 'Whoami'))?.status);
      expect(await activeRevisions(ctx, 'Whoami')).toEqual([]);

      const again = ok(await cleanUpWith(ctx, {}));
      expect(again.data.steps.every((step) => step.note && !step.cli)).toBe(true);
    });

    it('maps ServiceNotActiveException for a deleted service', async () => {
      await waitFor(
        'Whoami inactive',
        () => service(ctx, 'Whoami'),
        (s) => s?.status === 'INACTIVE',
      );
      const error = failed(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 1 }));
      expect(error.code).toBe('ServiceNotActiveException');
      expect(error.message).toMatch(/^Service Whoami is not active/);
    });
  });
});

describe('clean up with confirmations, on a lab of its own', () => {
  let lab: RunningLab;
  let ctx: EcsContext;

  beforeAll(async () => {
    lab = await startLab();
    ctx = contextFor(lab.endpoint);
  });
  afterAll(async () => lab?.stop());

  it('stops at a failing step saying what was done, and finishes once nothing blocks it', async () => {
    const arns = await instanceArns(ctx);
    ok(await assignRoleWith(ctx, { instanceArns: arns, value: 'webserver' }));
    ok(await deployWhoamiWith(ctx, { desiredCount: 1 }));
    const keepServices = { services: [], deregisterTaskDefinitions: false };

    const blocked = failed(
      await cleanUpWith(ctx, { ...keepServices, deleteCluster: { confirm: CLUSTER } }),
    );
    expect(blocked).toEqual({
      code: 'ClusterContainsContainerInstancesException',
      message: `Clean-up stopped at "Delete cluster ${CLUSTER}": Cluster ${CLUSTER} still has registered instances. Deregister them first (ClusterContainsContainerInstancesException). Nothing was changed.`,
    });

    const halfway = failed(
      await cleanUpWith(ctx, {
        ...keepServices,
        deregisterInstances: { confirm: CLUSTER },
        deleteCluster: { confirm: CLUSTER },
      }),
    );
    expect(halfway.code).toBe('ClusterContainsServicesException');
    expect(halfway.message).toBe(
      `Clean-up stopped at "Delete cluster ${CLUSTER}": Cluster ${CLUSTER} still has active or draining services. Scale them to 0 and delete them first (ClusterContainsServicesException). Done before it: ${arns
        .map((arn) => `Deregister instance ${arn.split('/').pop()}`)
        .join('; ')}.`,
    );
    expect(await instanceArns(ctx)).toEqual([]);

    ok(await cleanUpWith(ctx, { services: ['Whoami'], families: ['Whoami'] }));
    // Deleting the cluster also needs its draining service gone.
    await waitFor(
      'Whoami inactive',
      () => service(ctx, 'Whoami'),
      (s) => s?.status === 'INACTIVE',
    );
    const done = ok(
      await cleanUpWith(ctx, {
        services: ['Whoami'],
        families: ['Whoami'],
        deregisterInstances: { confirm: CLUSTER },
        deleteCluster: { confirm: CLUSTER },
      }),
    );
    expect(done.data.steps).toEqual([
      { label: 'Delete service Whoami', note: 'not found' },
      { label: 'Deregister Whoami', note: 'no active revision' },
      { label: `Delete cluster ${CLUSTER}`, cli: `aws ecs delete-cluster --cluster ${CLUSTER}` },
    ]);

    const error = failed(await scaleServiceWith(ctx, { service: 'Whoami', desiredCount: 1 }));
    expect(error.code).toBe('ClusterNotFoundException');
  });

  it('renders every clean-up command so that the real AWS CLI runs it', async () => {
    const fresh = await startLab();
    try {
      const freshCtx = contextFor(fresh.endpoint);
      const arns = await instanceArns(freshCtx);
      const whoami = { cluster: CLUSTER, service: 'Whoami', taskDefinition: 'Whoami:1' };
      const script = [
        registerTaskDefinitionCli(whoamiTaskDefinition(deployWhoamiInput.parse({}))),
        createServiceCli({ ...whoami, desiredCount: 1 }),
        updateServiceCli({ ...whoami, desiredCount: 0 }),
        deleteServiceCli(CLUSTER, 'Whoami'),
        deregisterTaskDefinitionCli('Whoami:1'),
        ...arns.map((arn) => deregisterContainerInstanceCli(CLUSTER, arn)),
      ].join('\n');
      await runCli(fresh.endpoint, script);
      expect(await activeRevisions(freshCtx, 'Whoami')).toEqual([]);
      expect(await instanceArns(freshCtx)).toEqual([]);
      await waitFor(
        'Whoami inactive',
        () => service(freshCtx, 'Whoami'),
        (s) => s?.status === 'INACTIVE',
      );
      await runCli(fresh.endpoint, deleteClusterCli(CLUSTER));
      const error = failed(
        await scaleServiceWith(freshCtx, { service: 'Whoami', desiredCount: 1 }),
      );
      expect(error.code).toBe('ClusterNotFoundException');
    } finally {
      await fresh.stop();
    }
  });
});
