// react-query keys, from one factory so actions can invalidate exactly what they changed.
export const queryKeys = {
  cluster: (cluster: string) => ['cluster', cluster] as const,
  snapshot: (cluster: string) => ['cluster', cluster, 'snapshot'] as const,
  taskDefinitions: (cluster: string) => ['cluster', cluster, 'task-definitions'] as const,
  taskDefinition: (cluster: string, arn: string) =>
    ['cluster', cluster, 'task-definitions', arn] as const,
  clusters: () => ['clusters'] as const,
};
