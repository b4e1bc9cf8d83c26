// Deploys the scenario's LoadBalancer and Whoami with the SDK (roles, fixtures, services), for wire and e2e tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  ListContainerInstancesCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');

/** A task definition exactly as the fixture file has it. */
export function readFixture(family: string): RegisterTaskDefinitionCommandInput {
  return JSON.parse(
    readFileSync(path.join(fixtures, `task-definition-${family}.json`), 'utf8'),
  ) as RegisterTaskDefinitionCommandInput;
}

/** The scenario's task definition as the tests register it: Traefik refreshing every 2 s. */
export function scenarioTaskDefinition(family: string): RegisterTaskDefinitionCommandInput {
  const definition = readFixture(family);
  if (family === 'LoadBalancer') {
    // Traefik polls ECS every 15 s by default; tests ask for 2 s to stay fast.
    definition.containerDefinitions![0]!.command!.push('--providers.ecs.refreshSeconds=2');
  }
  return definition;
}

/** First instance → role loadbalancer, the rest → webserver; then both services, created or updated. */
export async function deployScenario(ecs: ECSClient, cluster: string, whoamiCount = 4) {
  const { containerInstanceArns = [] } = await ecs.send(
    new ListContainerInstancesCommand({ cluster }),
  );
  const [lbArn, ...webArns] = containerInstanceArns;
  const role = (value: string, targetId: string | undefined) => ({
    name: 'role',
    value,
    targetType: 'container-instance' as const,
    targetId,
  });
  await ecs.send(
    new PutAttributesCommand({
      cluster,
      attributes: [role('loadbalancer', lbArn), ...webArns.map((arn) => role('webserver', arn))],
    }),
  );
  for (const [family, desiredCount] of [
    ['LoadBalancer', 1],
    ['Whoami', whoamiCount],
  ] as const) {
    await ecs.send(new RegisterTaskDefinitionCommand(scenarioTaskDefinition(family)));
    const { services = [] } = await ecs.send(
      new DescribeServicesCommand({ cluster, services: [family] }),
    );
    if (services[0]?.status === 'ACTIVE') {
      await ecs.send(
        new UpdateServiceCommand({
          cluster,
          service: family,
          taskDefinition: family,
          desiredCount,
        }),
      );
    } else {
      await ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: family,
          taskDefinition: family,
          desiredCount,
          launchType: 'EXTERNAL',
        }),
      );
    }
  }
  return { lbArn, webArns };
}
