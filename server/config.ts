// The console's environment, validated once by one zod schema; a bad value stops start-up naming the variable.
import 'server-only';
import { z } from 'zod';

/** Treat `VAR=` like an unset variable. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const clusterName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, hyphens and underscores, at most 255');

const envSchema = z.object({
  LAB_ENDPOINT: optional(z.url({ protocol: /^https?$/ })),
  LAB_ACCESS_KEY_ID: optional(z.string()),
  LAB_SECRET_ACCESS_KEY: optional(z.string()),
  LAB_REGION: optional(
    z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region like us-east-1'),
  ),
  AWS_REGION: optional(
    z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region like eu-west-1'),
  ),
  AWS_PROFILE: optional(z.string().regex(/^[\w.+@-]{1,64}$/, 'a profile name such as ops')),
  // The SDK honours it itself; read here so the console can name where it sends requests.
  AWS_ENDPOINT_URL: optional(z.url({ protocol: /^https?$/ })),
  ECS_CLUSTER: optional(clusterName),
  CONSOLE_TOKEN: z
    .string({ error: 'is required (npm start generates one)' })
    .min(16, 'must be at least 16 characters'),
  TRAEFIK_API_URL: optional(z.url({ protocol: /^https?$/ })),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
});

export type ConsoleTarget =
  | { kind: 'lab'; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string }
  | {
      kind: 'aws';
      /** AWS_REGION; null means the profile's own region (resolved in server/settings/aws-profiles.ts). */
      region: string | null;
      profile: string | null;
      endpoint: string | null;
    };

export interface ConsoleConfig {
  target: ConsoleTarget;
  /** ECS_CLUSTER, or the lab's cluster; null on AWS means "the account's first cluster". */
  defaultCluster: string | null;
  token: string;
  traefikApiUrl: string | null;
  port: number;
}

export const LAB_CLUSTER = 'anywhere-lab';

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): ConsoleConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid console configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let target: ConsoleTarget;
  if (e.LAB_ENDPOINT) {
    target = {
      kind: 'lab',
      endpoint: e.LAB_ENDPOINT.replace(/\/$/, ''),
      region: e.LAB_REGION ?? 'us-east-1',
      accessKeyId: e.LAB_ACCESS_KEY_ID ?? 'lab',
      secretAccessKey: e.LAB_SECRET_ACCESS_KEY ?? 'lab',
    };
  } else if (e.AWS_REGION || e.AWS_PROFILE) {
    target = {
      kind: 'aws',
      region: e.AWS_REGION ?? null,
      profile: e.AWS_PROFILE ?? null,
      endpoint: e.AWS_ENDPOINT_URL?.replace(/\/$/, '') ?? null,
    };
  } else {
    throw new ConfigError(
      'Invalid console configuration:\n  LAB_ENDPOINT, AWS_REGION or AWS_PROFILE: set one (npm start sets LAB_ENDPOINT when it runs the lab)',
    );
  }
  return {
    target,
    defaultCluster: e.ECS_CLUSTER ?? (target.kind === 'lab' ? LAB_CLUSTER : null),
    token: e.CONSOLE_TOKEN,
    traefikApiUrl: e.TRAEFIK_API_URL ?? null,
    port: e.PORT ?? 3000,
  };
}

let cached: ConsoleConfig | undefined;

export function getConfig(): ConsoleConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests that change the environment read it again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
