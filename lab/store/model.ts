// The lab's state: wire-shaped ECS and SSM records plus the few internal fields the lab needs.

export type Epoch = number; // seconds since 1970, fractional

export interface Tag {
  key: string;
  value: string;
}

export interface KeyValue {
  name: string;
  value?: string;
}

export interface Attribute {
  name: string;
  value?: string;
  targetType?: 'container-instance';
  targetId?: string;
}

export interface Resource {
  name: string;
  type: 'INTEGER' | 'DOUBLE' | 'LONG' | 'STRINGSET';
  doubleValue: number;
  longValue: number;
  integerValue: number;
  stringSetValue?: string[];
}

export interface VersionInfo {
  agentVersion: string;
  agentHash: string;
  dockerVersion: string;
}

export type InstanceStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'REGISTERING' | 'DEREGISTERING';

export interface ContainerInstanceRecord {
  id: string;
  containerInstanceArn: string;
  ec2InstanceId: string;
  version: number;
  versionInfo: VersionInfo;
  status: InstanceStatus;
  agentConnected: boolean;
  registeredAt: Epoch;
  registeredResources: Resource[];
  /** Built-in and custom attributes, without targetType/targetId. */
  attributes: KeyValue[];
}

export interface PlacementConstraint {
  type: 'memberOf' | 'distinctInstance';
  expression?: string;
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: 'tcp' | 'udp';
  [key: string]: unknown;
}

export interface ContainerDefinition {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  essential?: boolean;
  portMappings?: PortMapping[];
  command?: string[];
  entryPoint?: string[];
  environment?: KeyValue[];
  dockerLabels?: Record<string, string>;
  [key: string]: unknown;
}

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

export interface TaskDefinitionRecord {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  containerDefinitions: ContainerDefinition[];
  networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  taskRoleArn?: string;
  executionRoleArn?: string;
  volumes: unknown[];
  placementConstraints: PlacementConstraint[];
  requiresAttributes: KeyValue[];
  compatibilities: string[];
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
  registeredAt: Epoch;
  deregisteredAt?: Epoch;
  registeredBy: string;
  pidMode?: 'host' | 'task';
  ipcMode?: 'host' | 'task' | 'none';
}

export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: Epoch;
  updatedAt: Epoch;
  launchType: 'EXTERNAL';
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: Epoch;
  message: string;
}

export interface DeploymentConfiguration {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker?: { enable: boolean; rollback: boolean };
}

export interface ServiceRecord {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType: 'EXTERNAL';
  taskDefinition: string;
  deploymentConfiguration: DeploymentConfiguration;
  deployments: DeploymentRecord[];
  events: ServiceEvent[];
  createdAt: Epoch;
  createdBy: string;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  enableECSManagedTags: boolean;
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  enableExecuteCommand: boolean;
  healthCheckGracePeriodSeconds?: number;
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type StopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';

export interface NetworkBinding {
  bindIP: string;
  containerPort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

export interface ContainerRecord {
  containerArn: string;
  taskArn: string;
  name: string;
  image: string;
  lastStatus: TaskStatus;
  exitCode?: number;
  reason?: string;
  networkBindings: NetworkBinding[];
  networkInterfaces: unknown[];
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  cpu?: string;
  memory?: string;
  memoryReservation?: string;
  runtimeId?: string;
}

export interface TaskRecord {
  id: string;
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn?: string;
  group: string;
  startedBy?: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  launchType: 'EXTERNAL';
  cpu?: string;
  memory?: string;
  containers: ContainerRecord[];
  createdAt: Epoch;
  connectivity?: 'CONNECTED' | 'DISCONNECTED';
  connectivityAt?: Epoch;
  pullStartedAt?: Epoch;
  pullStoppedAt?: Epoch;
  startedAt?: Epoch;
  stoppingAt?: Epoch;
  stoppedAt?: Epoch;
  executionStoppedAt?: Epoch;
  stopCode?: StopCode;
  stoppedReason?: string;
  version: number;
  overrides: { containerOverrides: unknown[]; inferenceAcceleratorOverrides: unknown[] };
  attachments: unknown[];
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  enableExecuteCommand: boolean;
  /** Internal: container-credentials authorization token and session token, set when the task starts. */
  credentials?: { authorization: string; sessionToken: string; expiresAt: Epoch };
}

export interface ClusterRecord {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: Epoch;
  settings: KeyValue[];
  containerInstances: Record<string, ContainerInstanceRecord>;
  services: Record<string, ServiceRecord>;
  tasks: Record<string, TaskRecord>;
}

export interface ManagedInstanceRecord {
  instanceId: string;
  ipAddress: string;
  computerName: string;
  activationId: string;
  iamRole: string;
  registrationDate: Epoch;
  lastPingAt: Epoch;
  online: boolean;
  agentVersion: string;
}

export interface ActivationRecord {
  activationId: string;
  activationCode: string;
  description?: string;
  defaultInstanceName?: string;
  iamRole: string;
  registrationLimit: number;
  registrationsCount: number;
  expirationDate: Epoch;
  createdDate: Epoch;
  tags: { Key: string; Value: string }[];
}

export interface LabState {
  version: 1;
  clusters: Record<string, ClusterRecord>;
  /** Revisions of each family, index = revision - 1. */
  taskDefinitions: Record<string, TaskDefinitionRecord[]>;
  managedInstances: Record<string, ManagedInstanceRecord>;
  activations: Record<string, ActivationRecord>;
  /** Tags of every taggable resource, by ARN. */
  tags: Record<string, Tag[]>;
}

export function emptyState(): LabState {
  return {
    version: 1,
    clusters: {},
    taskDefinitions: {},
    managedInstances: {},
    activations: {},
    tags: {},
  };
}
