// The cluster snapshot: what the console knows about one cluster at one moment, shared by server and browser.
import { z } from 'zod';

const isoDate = z.string().nullable();

export const attributeSchema = z.object({ name: z.string(), value: z.string().nullable() });

export const resourceUsageSchema = z.object({ registered: z.number(), remaining: z.number() });

export const instanceSchema = z.object({
  arn: z.string(),
  id: z.string(),
  ec2InstanceId: z.string().nullable(),
  ip: z.string().nullable(),
  pingStatus: z.string().nullable(),
  status: z.string(),
  agentConnected: z.boolean(),
  role: z.string().nullable(),
  attributes: z.array(attributeSchema),
  runningTasksCount: z.number(),
  pendingTasksCount: z.number(),
  cpu: resourceUsageSchema,
  memory: resourceUsageSchema,
  registeredAt: isoDate,
});

export const deploymentSchema = z.object({
  id: z.string(),
  status: z.string(),
  taskDefinition: z.string(),
  desiredCount: z.number(),
  runningCount: z.number(),
  pendingCount: z.number(),
  failedTasks: z.number(),
  rolloutState: z.string().nullable(),
  rolloutStateReason: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const serviceEventSchema = z.object({
  id: z.string(),
  createdAt: isoDate,
  message: z.string(),
});

export const placementConstraintSchema = z.object({
  type: z.string(),
  expression: z.string().nullable(),
});

export const serviceSchema = z.object({
  arn: z.string(),
  name: z.string(),
  status: z.string(),
  desiredCount: z.number(),
  runningCount: z.number(),
  pendingCount: z.number(),
  taskDefinition: z.string(),
  launchType: z.string().nullable(),
  deployments: z.array(deploymentSchema),
  /** Newest first, as ECS returns them. */
  events: z.array(serviceEventSchema),
  placementConstraints: z.array(placementConstraintSchema),
  placementStrategy: z.array(z.object({ type: z.string(), field: z.string().nullable() })),
  createdAt: isoDate,
});

export const networkBindingSchema = z.object({
  bindIP: z.string().nullable(),
  containerPort: z.number().nullable(),
  hostPort: z.number().nullable(),
  protocol: z.string().nullable(),
});

export const containerSchema = z.object({
  name: z.string(),
  image: z.string().nullable(),
  lastStatus: z.string().nullable(),
  exitCode: z.number().nullable(),
  reason: z.string().nullable(),
  /** The container id (Docker's, in the lab too): whoami's Hostname is its first 12 characters. */
  runtimeId: z.string().nullable(),
  networkBindings: z.array(networkBindingSchema),
});

export const taskSchema = z.object({
  arn: z.string(),
  id: z.string(),
  taskDefinitionArn: z.string(),
  group: z.string().nullable(),
  serviceName: z.string().nullable(),
  lastStatus: z.string(),
  desiredStatus: z.string(),
  containerInstanceArn: z.string().nullable(),
  containerInstanceId: z.string().nullable(),
  launchType: z.string().nullable(),
  createdAt: isoDate,
  startedAt: isoDate,
  stoppingAt: isoDate,
  stoppedAt: isoDate,
  stopCode: z.string().nullable(),
  stoppedReason: z.string().nullable(),
  containers: z.array(containerSchema),
});

export const clusterSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  /** ACTIVE, INACTIVE (deleted) or MISSING (never existed in this account/region). */
  status: z.string(),
  registeredContainerInstancesCount: z.number(),
  runningTasksCount: z.number(),
  pendingTasksCount: z.number(),
  activeServicesCount: z.number(),
});

export const clusterSnapshotSchema = z.object({
  target: z.enum(['lab', 'aws']),
  region: z.string(),
  cluster: clusterSchema,
  instances: z.array(instanceSchema),
  services: z.array(serviceSchema),
  tasks: z.array(taskSchema),
  fetchedAt: z.string(),
  /** AWS API calls this snapshot cost (ECS and SSM). */
  apiCalls: z.number(),
});

export type Attribute = z.infer<typeof attributeSchema>;
export type ResourceUsage = z.infer<typeof resourceUsageSchema>;
export type InstanceView = z.infer<typeof instanceSchema>;
export type DeploymentView = z.infer<typeof deploymentSchema>;
export type ServiceEvent = z.infer<typeof serviceEventSchema>;
export type ServiceView = z.infer<typeof serviceSchema>;
export type NetworkBinding = z.infer<typeof networkBindingSchema>;
export type TaskView = z.infer<typeof taskSchema>;
export type ClusterView = z.infer<typeof clusterSchema>;
export type ClusterSnapshot = z.infer<typeof clusterSnapshotSchema>;
