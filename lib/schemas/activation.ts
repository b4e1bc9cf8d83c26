// Registering external instances: the form's input (an SSM activation's role, count, lifetime) and what comes back.
import { z } from 'zod';

export const DEFAULT_ACTIVATION_ROLE = 'ECSAnywhereRole';

// IAM role names: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
const iamRoleName = z
  .string()
  .trim()
  .regex(
    /^[\w+=,.@-]{1,64}$/,
    'Use 1–64 letters, digits or + = , . @ _ - (a role name, not an ARN).',
  );

// SSM allows more, but these characters are safe in the CLI line and accepted everywhere; empty means unset.
const instanceNameOrEmpty = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{0,256}$/, 'Use up to 256 letters, digits, dots, hyphens or underscores.');

export const registerInstancesInput = z.object({
  iamRole: iamRoleName.default(DEFAULT_ACTIVATION_ROLE),
  instanceCount: z.coerce
    .number({ error: 'Enter a number of instances.' })
    .int('Use a whole number.')
    .min(1, 'At least 1 instance.')
    .max(1000, 'At most 1000 instances per activation.')
    .default(1),
  // SSM allows an activation to live from 1 hour to 30 days; its own default is 24 hours.
  expiresInHours: z.coerce
    .number({ error: 'Enter a number of hours.' })
    .int('Use a whole number of hours.')
    .min(1, 'At least 1 hour.')
    .max(720, 'At most 720 hours (30 days).')
    .default(24),
  defaultInstanceName: instanceNameOrEmpty.default(''),
});
export type RegisterInstancesInput = z.input<typeof registerInstancesInput>;
export const registerInstancesDefaults = registerInstancesInput.parse({});

export const activationStatusInput = z.object({
  activationId: z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'Not an activation ID.',
    ),
});
export type ActivationStatusInput = z.input<typeof activationStatusInput>;

export interface ActivationStatus {
  activationId: string;
  iamRole: string;
  registrationsCount: number;
  registrationLimit: number;
  // ISO 8601.
  expirationDate: string;
  expired: boolean;
}

export interface RegisterInstancesData extends ActivationStatus {
  // A credential: shown once to the admin to copy, never logged.
  activationCode: string;
  region: string;
  cluster: string;
  installCommand: string;
  verifiedInstallCommand: string;
  // Only when the console runs against the lab.
  labCommand?: string;
}
