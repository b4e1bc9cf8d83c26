// CreateCluster, DeleteCluster, DescribeClusters, ListClusters.
import { z } from 'zod';
import { AwsError, invalidParameter } from '../api/errors';
import { defineOperation } from '../api/operation';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import { clusterCounts, isLive } from '../store/derived';
import { arns } from '../store/identity';
import type { ClusterRecord, LabState } from '../store/model';
import { newCluster } from '../store/seed';
import { clusterNameOf, findCluster, requireCluster } from './resolve';
import { applyTags, tagListInput, tagsOf } from './tags';
import { NAME_PATTERN } from './validation';

function clusterView(state: LabState, cluster: ClusterRecord, include: readonly string[] = []) {
  const counts =
    cluster.status === 'ACTIVE'
      ? clusterCounts(cluster)
      : {
          registeredContainerInstancesCount: 0,
          runningTasksCount: 0,
          pendingTasksCount: 0,
          activeServicesCount: 0,
        };
  return {
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    status: cluster.status,
    ...counts,
    statistics: include.includes('STATISTICS') ? [] : undefined,
    tags: include.includes('TAGS') ? tagsOf(state, cluster.clusterArn) : undefined,
    settings: cluster.settings,
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export const clusterOperations = {
  CreateCluster: defineOperation(
    z.object({
      clusterName: z.string().optional(),
      tags: tagListInput.optional(),
      settings: z
        .array(
          z.object({
            name: z.literal('containerInsights'),
            value: z.enum(['enabled', 'disabled', 'enhanced']),
          }),
        )
        .max(1)
        .optional(),
    }),
    ({ clusterName = 'default', tags = [], settings }, { store }) => {
      if (!NAME_PATTERN.test(clusterName)) {
        throw invalidParameter(
          'Cluster name is invalid. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.',
        );
      }
      return store.mutate((state) => {
        const existing = state.clusters[clusterName];
        // CreateCluster is idempotent for an ACTIVE cluster: it returns it unchanged.
        if (existing?.status === 'ACTIVE') return { cluster: clusterView(state, existing) };
        const cluster = newCluster(store.identity, clusterName);
        if (settings) cluster.settings = settings;
        state.clusters[clusterName] = cluster;
        applyTags(state, cluster.clusterArn, tags);
        return { cluster: clusterView(state, cluster) };
      });
    },
  ),
  DeleteCluster: defineOperation(
    z.object({ cluster: z.string() }),
    ({ cluster: reference }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, reference);
        if (Object.values(cluster.containerInstances).some((i) => i.status !== 'INACTIVE')) {
          throw new AwsError(
            'ClusterContainsContainerInstancesException',
            'The Cluster cannot be deleted while Container Instances are active or draining.',
          );
        }
        if (Object.values(cluster.services).some((s) => s.status !== 'INACTIVE')) {
          throw new AwsError(
            'ClusterContainsServicesException',
            'The Cluster cannot be deleted while Services are active.',
          );
        }
        if (Object.values(cluster.tasks).some(isLive)) {
          throw new AwsError(
            'ClusterContainsTasksException',
            'The Cluster cannot be deleted while Tasks are active.',
          );
        }
        cluster.status = 'INACTIVE';
        return { cluster: clusterView(state, cluster) };
      }),
  ),
  DescribeClusters: defineOperation(
    z.object({
      clusters: z.array(z.string()).max(100).optional(),
      include: z
        .array(z.enum(['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS']))
        .optional(),
    }),
    ({ clusters = ['default'], include = [] }, { store }) => {
      const found = [];
      const failures = [];
      for (const reference of clusters) {
        const name = clusterNameOf(reference);
        const cluster = store.state.clusters[name];
        if (cluster) found.push(clusterView(store.state, cluster, include));
        else failures.push({ arn: arns.cluster(store.identity, name), reason: 'MISSING' });
      }
      return { clusters: found, failures };
    },
  ),
  ListClusters: defineOperation(z.object(ecsPageInput), ({ maxResults, nextToken }, { store }) => {
    const clusterArns = Object.values(store.state.clusters)
      .filter((c) => findCluster(store.state, c.clusterName))
      .map((c) => c.clusterArn)
      .sort();
    const { page, nextToken: next } = paginateEcs(clusterArns, { maxResults, nextToken });
    return { clusterArns: page, nextToken: next };
  }),
};
