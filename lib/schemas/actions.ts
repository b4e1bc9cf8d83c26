// Inputs and results of the console's server actions: zod schemas shared by forms and the server.
import { z } from 'zod';

// ECS service and task-definition family names: letters, digits, hyphens, underscores, ≤255.
const ecsName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'Use 1–255 letters, digits, hyphens or underscores.');

// Traefik router/service names end up inside label keys, so no dots, quotes, backticks or spaces.
const traefikName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9-]{1,64}$/,
    'Use 1–64 letters, digits or hyphens (no dots, quotes or spaces).',
  );

// ECS custom attribute names; kept to characters that are safe in CLI shorthand and the query language.
const attributeName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'Use 1–128 letters, digits, hyphens, underscores or dots.');

const attributeValue = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_.@/:-]{1,128}$/,
    'Use 1–128 letters, digits or - _ . @ / : (no spaces, quotes or commas).',
  );

// A container instance or task, as a full ARN or its short id.
const ecsResourceId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9:/_.-]{1,1024}$/, 'Not an ECS ARN or id.');

// RFC 1123 host name: lowercase labels of 1–63 characters, no leading/trailing hyphen, ≤253 in all.
const dnsName = z
  .string()
  .trim()
  .max(253, 'A host name has at most 253 characters.')
  .regex(
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'Use a lowercase DNS name such as whoami.domain.com (letters, digits, hyphens, dots).',
  );

// URL path for a Traefik Path() rule: RFC 3986 path characters only (no backticks, quotes, spaces).
const urlPath = z
  .string()
  .trim()
  .max(1024, 'A path has at most 1024 characters.')
  .regex(
    /^\/[A-Za-z0-9._~!$&()*+,;=:@/-]*$/,
    'Use a path starting with / made of letters, digits and - . _ ~ ! $ & ( ) * + , ; = : @ / (no backticks, quotes or spaces).',
  );

// Docker image reference: registry/name:tag[@digest], no whitespace or shell characters.
const imageRef = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$/,
    'Not an image reference such as traefik/whoami:v1.11.0.',
  );

const imageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'Not an image tag such as v3.6.');

// Empty means "not set" for these two optional form fields.
const awsRegionOrEmpty = z
  .string()
  .trim()
  .regex(/^([a-z]{2}(-[a-z]+)+-\d{1,2})?$/, 'Not an AWS region such as us-east-1.');

const iamRoleArnOrEmpty = z
  .string()
  .trim()
  .regex(
    /^(arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512})?$/,
    'Not an IAM role ARN such as arn:aws:iam::123456789012:role/TraefikTaskRole.',
  );

const port = z.coerce
  .number()
  .int('Use a whole number.')
  .min(1, 'Ports start at 1.')
  .max(65535, 'Ports end at 65535.');

export const assignRoleInput = z.object({
  instanceArns: z
    .array(ecsResourceId)
    .min(1, 'Pick at least one instance.')
    .max(1000, 'At most 1000 instances at once.'),
  name: attributeName.default('role'),
  value: attributeValue,
});
export type AssignRoleInput = z.input<typeof assignRoleInput>;

export const removeAttributeInput = z.object({
  instanceArns: z
    .array(ecsResourceId)
    .min(1, 'Pick at least one instance.')
    .max(1000, 'At most 1000 instances at once.'),
  name: attributeName.default('role'),
});
export type RemoveAttributeInput = z.input<typeof removeAttributeInput>;

export const refreshSecondsDefaults = { aws: 15, lab: 2 } as const;
export const refreshSecondsHint =
  'How often Traefik polls ECS. A shorter interval finds new tasks sooner but costs more ECS API calls.';

export const deployLoadBalancerInput = z
  .object({
    family: ecsName.default('LoadBalancer'),
    serviceName: ecsName.default('LoadBalancer'),
    containerName: traefikName.default('traefik'),
    imageTag: imageTag.default('v3.6'),
    // Empty means the console's own region.
    region: awsRegionOrEmpty.default(''),
    // Empty means no task role (the lab needs none; on AWS Traefik needs read access to ECS and SSM).
    taskRoleArn: iamRoleArnOrEmpty.default(''),
    entrypointPort: port.default(80),
    apiPort: port.default(8080),
    dashboard: z.boolean().default(true),
    // Absent means refreshSecondsDefaults for the target (AWS or lab).
    refreshSeconds: z.coerce
      .number()
      .int('Use a whole number of seconds.')
      .min(1, 'At least 1 second.')
      .max(3600, 'At most 3600 seconds.')
      .optional(),
    memory: z.coerce.number().int().min(6, 'At least 6 MiB.').max(65536).default(256),
    desiredCount: z.coerce.number().int().min(0).max(1000).default(1),
    roleName: attributeName.default('role'),
    roleValue: attributeValue.default('loadbalancer'),
    // Deploy even when no instance has the role yet (tasks stay pending until one does).
    force: z.boolean().default(false),
  })
  .refine((input) => input.entrypointPort !== input.apiPort, {
    message: 'The entrypoint and the API need different ports.',
    path: ['apiPort'],
  });
export type DeployLoadBalancerInput = z.input<typeof deployLoadBalancerInput>;
export type DeployLoadBalancerParams = z.output<typeof deployLoadBalancerInput>;

export const deployWhoamiInput = z.object({
  family: ecsName.default('Whoami'),
  serviceName: ecsName.default('Whoami'),
  containerName: traefikName.default('whoami'),
  image: imageRef.default('traefik/whoami'),
  host: dnsName.default('whoami.domain.com'),
  path: urlPath.default('/whoami'),
  // Router names are <service>-host and <service>-path, which must fit in 64 characters too.
  traefikService: traefikName.max(59, 'At most 59 characters.').default('whoami'),
  memory: z.coerce.number().int().min(6, 'At least 6 MiB.').max(65536).default(128),
  desiredCount: z.coerce.number().int().min(0).max(1000).default(4),
  roleName: attributeName.default('role'),
  roleValue: attributeValue.default('webserver'),
  force: z.boolean().default(false),
});
export type DeployWhoamiInput = z.input<typeof deployWhoamiInput>;
export type DeployWhoamiParams = z.output<typeof deployWhoamiInput>;

export const scaleServiceInput = z.object({
  service: ecsName,
  desiredCount: z.coerce
    .number()
    .int('Use a whole number.')
    .min(0, 'At least 0.')
    .max(1000, 'At most 1000.'),
});
export type ScaleServiceInput = z.input<typeof scaleServiceInput>;

export const stopTaskInput = z.object({
  taskArn: ecsResourceId,
  reason: z.string().trim().max(255, 'At most 255 characters.').optional(),
});
export type StopTaskInput = z.input<typeof stopTaskInput>;

const typedConfirmation = z.object({ confirm: z.string().trim() });

export const cleanUpInput = z.object({
  services: z.array(ecsName).max(10).default(['Whoami', 'LoadBalancer']),
  // Families whose ACTIVE revisions are deregistered; empty with deregisterTaskDefinitions=false.
  families: z.array(ecsName).max(10).default(['Whoami', 'LoadBalancer']),
  deregisterTaskDefinitions: z.boolean().default(true),
  // Each must be typed as the cluster's name; checked against the cluster by the action.
  deregisterInstances: typedConfirmation.optional(),
  deleteCluster: typedConfirmation.optional(),
});
export type CleanUpInput = z.input<typeof cleanUpInput>;

export const assignRoleDefaults = {
  instanceArns: [],
  name: 'role',
  value: '',
} satisfies AssignRoleInput;
export const removeAttributeDefaults = {
  instanceArns: [],
  name: 'role',
} satisfies RemoveAttributeInput;
export const deployLoadBalancerDefaults = deployLoadBalancerInput.parse({});
export const deployWhoamiDefaults = deployWhoamiInput.parse({});
export const cleanUpDefaults = cleanUpInput.parse({});

export interface AttributeChange {
  name: string;
  value?: string;
  targetId: string;
}
export interface AttributeChangeData {
  attributes: AttributeChange[];
}
export interface DeployData {
  taskDefinitionArn: string;
  // family:revision the service now runs.
  taskDefinition: string;
  // false when the latest revision already equalled the template, so nothing was registered.
  registered: boolean;
  serviceArn: string;
  serviceAction: 'created' | 'updated';
  desiredCount: number;
}
export interface ScaleServiceData {
  serviceArn: string;
  desiredCount: number;
}
export interface StopTaskData {
  taskArn: string;
  lastStatus: string;
  desiredStatus: string;
}
export interface CleanUpStep {
  label: string;
  // The command that did it; absent when there was nothing to do.
  cli?: string;
  // Why nothing was done (already gone), when cli is absent.
  note?: string;
}
export interface CleanUpData {
  steps: CleanUpStep[];
}

export interface ActionError {
  code: string;
  message: string;
  field?: string;
}
export type ActionResult<T> =
  { ok: true; data: T; cli: string } | { ok: false; error: ActionError };

export function invalid(error: z.ZodError): { ok: false; error: ActionError } {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : undefined;
  return {
    ok: false,
    error: {
      code: 'InvalidInput',
      message: issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input.',
      ...(field ? { field } : {}),
    },
  };
}
