// A service whose tasks fit no instance: its desired count can change freely without starting a process.
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';

export async function createUnplaceableService(
  ecs: ECSClient,
  cluster: string,
  name: string,
  desiredCount: number,
) {
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: name,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == nowhere' }],
      containerDefinitions: [{ name: 'whoami', image: 'traefik/whoami', memory: 32 }],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: name,
      taskDefinition: name,
      desiredCount,
      launchType: 'EXTERNAL',
    }),
  );
}

/** Scales it to 0 and deletes it, ignoring a service that is already gone. */
export async function deleteUnplaceableService(ecs: ECSClient, cluster: string, name: string) {
  await ecs
    .send(new UpdateServiceCommand({ cluster, service: name, desiredCount: 0 }))
    .catch(() => undefined);
  await ecs
    .send(new DeleteServiceCommand({ cluster, service: name, force: true }))
    .catch(() => undefined);
}
