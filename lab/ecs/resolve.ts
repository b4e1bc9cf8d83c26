// Finds clusters, instances, services, tasks and task definitions by name, id or ARN, as every ECS operation allows.
import { clusterNotFound, clientException, invalidParameter } from '../api/errors';
import { parseEcsArn } from '../store/identity';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  LabState,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from '../store/model';

export const DEFAULT_CLUSTER = 'default';

/** The cluster name in a name or ARN (`default` when absent). */
export function clusterNameOf(reference: string | undefined): string {
  if (reference === undefined || reference === '') return DEFAULT_CLUSTER;
  const arn = parseEcsArn(reference);
  if (arn) {
    if (arn.resourceType !== 'cluster') throw invalidParameter(`Invalid cluster ARN: ${reference}`);
    return arn.resource;
  }
  return reference;
}

export function findCluster(
  state: LabState,
  reference: string | undefined,
): ClusterRecord | undefined {
  const cluster = state.clusters[clusterNameOf(reference)];
  return cluster?.status === 'ACTIVE' ? cluster : undefined;
}

export function requireCluster(state: LabState, reference: string | undefined): ClusterRecord {
  const cluster = findCluster(state, reference);
  if (!cluster) throw clusterNotFound();
  return cluster;
}

/** The last path segment of an ARN whose resource is `<cluster>/<id>`, checking the cluster matches. */
function idIn(cluster: ClusterRecord, reference: string, resourceType: string): string {
  const arn = parseEcsArn(reference);
  if (!arn) return reference;
  const [clusterName, id, ...rest] = arn.resource.split('/');
  if (arn.resourceType !== resourceType || rest.length > 0) {
    throw invalidParameter(`Invalid ${resourceType} ARN: ${reference}`);
  }
  // Old-format ARNs have no cluster segment.
  if (id === undefined) return clusterName!;
  if (clusterName !== cluster.clusterName) {
    throw invalidParameter(
      `${resourceType} ${reference} is not in cluster ${cluster.clusterName}.`,
    );
  }
  return id;
}

export function findInstance(
  cluster: ClusterRecord,
  reference: string,
): ContainerInstanceRecord | undefined {
  return cluster.containerInstances[idIn(cluster, reference, 'container-instance')];
}

export function findService(cluster: ClusterRecord, reference: string): ServiceRecord | undefined {
  return cluster.services[idIn(cluster, reference, 'service')];
}

export function findTask(cluster: ClusterRecord, reference: string): TaskRecord | undefined {
  return cluster.tasks[idIn(cluster, reference, 'task')];
}

/** `family`, `family:revision` or a task-definition ARN; a bare family means its latest ACTIVE revision. */
export function findTaskDefinition(
  state: LabState,
  reference: string,
): TaskDefinitionRecord | undefined {
  const arn = parseEcsArn(reference);
  if (arn && arn.resourceType !== 'task-definition') {
    throw clientException(`Invalid revision number. Number: ${reference}`);
  }
  const text = arn ? arn.resource : reference;
  const [family, revisionText, ...rest] = text.split(':');
  if (rest.length > 0 || !family) throw clientException(`Invalid family or revision: ${reference}`);
  const revisions = state.taskDefinitions[family] ?? [];
  if (revisionText === undefined) return revisions.findLast((r) => r.status === 'ACTIVE');
  if (!/^\d+$/.test(revisionText))
    throw clientException(`Invalid revision number. Number: ${revisionText}`);
  return revisions[Number(revisionText) - 1];
}
