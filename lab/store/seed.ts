// The lab's first state: one cluster with N external instances, registered through one SSM activation.
import { arns, type LabIdentity } from './identity';
import { newActivationCode, newUuid, nowEpoch } from './ids';
import { addContainerInstance, addManagedInstance } from './external-instances';
import { emptyState, type ClusterRecord, type LabState } from './model';

export interface SeedOptions {
  clusterName: string;
  instances: number;
  addressPrefix: string;
}

export const LAB_INSTANCE_ROLE = 'ECSAnywhereRole';

export function newCluster(identity: LabIdentity, clusterName: string): ClusterRecord {
  return {
    clusterArn: arns.cluster(identity, clusterName),
    clusterName,
    status: 'ACTIVE',
    createdAt: nowEpoch(),
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    containerInstances: {},
    services: {},
    tasks: {},
  };
}

export function seedState(identity: LabIdentity, options: SeedOptions): LabState {
  const state = emptyState();
  state.clusters[options.clusterName] = newCluster(identity, options.clusterName);
  const now = nowEpoch();
  const activationId = newUuid();
  state.activations[activationId] = {
    activationId,
    activationCode: newActivationCode(),
    description: `ECS Anywhere instances of ${options.clusterName}`,
    defaultInstanceName: options.clusterName,
    iamRole: LAB_INSTANCE_ROLE,
    registrationLimit: Math.max(1, options.instances),
    registrationsCount: 0,
    expirationDate: now + 24 * 3600,
    createdDate: now,
    tags: [],
  };
  for (let i = 0; i < options.instances; i++) {
    const managed = addManagedInstance(state, {
      addressPrefix: options.addressPrefix,
      activationId,
      iamRole: LAB_INSTANCE_ROLE,
    });
    addContainerInstance(state, identity, options.clusterName, {
      ec2InstanceId: managed.instanceId,
    });
  }
  return state;
}
