// Region and profile choices on the Settings page: the wire shapes and the commercial regions offered.
import { z } from 'zod';

export const regionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'Not an AWS region name such as eu-west-1.');

// Shared config file profile names: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
export const profileNameSchema = z
  .string()
  .trim()
  .regex(/^[\w.+@-]{1,64}$/, 'Not a profile name such as ops.');

export const awsTargetChoiceSchema = z.object({
  region: regionSchema,
  // Empty: the profile the console started with (AWS_PROFILE, or the default credential chain).
  profile: z.union([z.literal(''), profileNameSchema]),
});

export type AwsTargetChoice = z.infer<typeof awsTargetChoiceSchema>;

// Commercial regions where ECS and SSM run; any other valid name can be typed.
export const COMMERCIAL_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;
