'use client';
// Task definition queries: the families list (polled slowly) and one revision (fetched once: revisions never change).
import { useQuery } from '@tanstack/react-query';
import {
  taskDefinitionFamiliesSchema,
  taskDefinitionJsonSchema,
} from '@/lib/schemas/task-definitions';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';

export function useTaskDefinitionFamilies(cluster: string) {
  return useQuery({
    queryKey: queryKeys.taskDefinitions(cluster),
    queryFn: () => fetchJson('/api/task-definitions', taskDefinitionFamiliesSchema),
    refetchInterval: () => pollInterval() * 5,
  });
}

export function useTaskDefinition(cluster: string, arn: string) {
  return useQuery({
    queryKey: queryKeys.taskDefinition(cluster, arn),
    queryFn: () =>
      fetchJson(
        `/api/task-definitions/describe?taskDefinition=${encodeURIComponent(arn)}`,
        taskDefinitionJsonSchema,
      ),
    staleTime: Infinity,
    enabled: arn !== '',
  });
}
