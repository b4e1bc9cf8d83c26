// The lab's configuration: every LAB_* environment variable, validated once by one zod schema.
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

export const labConfigSchema = z.object({
  LAB_PORT: port.default(4599),
  LAB_DATA_DIR: z.string().min(1).default('.lab'),
  /** Where `npm run lab:images` put the binaries (default <data dir>/images, as the build script does). */
  LAB_IMAGES_DIR: z.string().min(1).optional(),
  LAB_INSTANCES: z.coerce.number().int().min(0).max(200).default(3),
  LAB_ACCESS_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9]{1,128}$/, 'letters and digits only')
    .default('lab'),
  LAB_SECRET_ACCESS_KEY: z.string().min(1).max(128).default('lab'),
  LAB_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region name such as us-east-1')
    .default('us-east-1'),
  LAB_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/, '12 digits')
    .default('123456789012'),
  LAB_CLUSTER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'up to 255 letters, digits, hyphens and underscores')
    .default('anywhere-lab'),
  LAB_ADDRESS_PREFIX: z
    .string()
    .regex(/^127\.\d{1,3}\.\d{1,3}\.$/, 'a loopback prefix ending in a dot, such as 127.0.0.')
    .default('127.0.0.'),
});

export type LabConfigEnv = z.infer<typeof labConfigSchema>;

export interface LabConfig {
  port: number;
  dataDir: string;
  imagesDir: string;
  instances: number;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  accountId: string;
  clusterName: string;
  addressPrefix: string;
}

export class LabConfigError extends Error {}

export function loadLabConfig(env: NodeJS.ProcessEnv = process.env): LabConfig {
  const parsed = labConfigSchema.safeParse(
    Object.fromEntries(
      Object.entries(env).filter(([key, value]) => key.startsWith('LAB_') && value !== ''),
    ),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new LabConfigError(`invalid lab configuration: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  return {
    port: c.LAB_PORT,
    dataDir: c.LAB_DATA_DIR,
    // Absolute: containers start with cwd '/', so a relative binary path would not be found (exit 127).
    imagesDir: path.resolve(c.LAB_IMAGES_DIR ?? path.join(c.LAB_DATA_DIR, 'images')),
    instances: c.LAB_INSTANCES,
    accessKeyId: c.LAB_ACCESS_KEY_ID,
    secretAccessKey: c.LAB_SECRET_ACCESS_KEY,
    region: c.LAB_REGION,
    accountId: c.LAB_ACCOUNT_ID,
    clusterName: c.LAB_CLUSTER,
    addressPrefix: c.LAB_ADDRESS_PREFIX,
  };
}
