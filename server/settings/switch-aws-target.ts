'use server';
// Server action: switchAwsTarget, the region and profile this browser uses on AWS (cookies read by getEcsContext).
import { cookies, headers } from 'next/headers';
import type { ActionResult } from '@/lib/schemas/actions';
import { awsTargetChoiceSchema, type AwsTargetChoice } from '@/lib/schemas/aws-target';
import { hasSession } from '@/server/auth/session';
import { getConfig } from '@/server/config';
import {
  choiceCookieOptions,
  CLUSTER_COOKIE,
  PROFILE_COOKIE,
  REGION_COOKIE,
} from '@/server/ecs/cluster-choice';
import { validated } from '@/server/actions/impl/validated';
import { listAwsProfiles } from '@/server/settings/aws-profiles';

export async function switchAwsTarget(input: unknown): Promise<ActionResult<AwsTargetChoice>> {
  if (!(await hasSession())) {
    return { ok: false, error: { code: 'Unauthorized', message: 'Sign in first.' } };
  }
  if (getConfig().target.kind === 'lab') {
    return {
      ok: false,
      error: {
        code: 'LabTarget',
        message: 'The lab serves one region; there is nothing to switch.',
      },
    };
  }
  return validated(awsTargetChoiceSchema, input, async (choice) => {
    if (choice.profile && !(await listAwsProfiles()).some((p) => p.name === choice.profile)) {
      return {
        ok: false,
        error: {
          code: 'UnknownProfile',
          message: `Profile ${choice.profile} is not in the shared AWS config or credentials file.`,
          field: 'profile',
        },
      };
    }
    const jar = await cookies();
    const options = choiceCookieOptions((await headers()).get('x-forwarded-proto') === 'https');
    jar.set(REGION_COOKIE, choice.region, options);
    if (choice.profile) jar.set(PROFILE_COOKIE, choice.profile, options);
    else jar.delete(PROFILE_COOKIE);
    // Another account or region has other clusters; start again from the default one.
    jar.delete(CLUSTER_COOKIE);
    const profile = choice.profile ? ` AWS_PROFILE=${choice.profile}` : '';
    return { ok: true, data: choice, cli: `export AWS_REGION=${choice.region}${profile}` };
  });
}
