'use server';
// Server actions: registerInstances (an SSM activation and its install command) and activationStatus (live count).
import type { ActionResult } from '@/lib/schemas/actions';
import type { ActivationStatus, RegisterInstancesData } from '@/lib/schemas/activation';
import { authorized } from '@/server/actions/impl/authorized';
import {
  activationStatusWith,
  registerInstancesWith,
} from '@/server/actions/impl/register-instances';

export async function registerInstances(
  input: unknown,
): Promise<ActionResult<RegisterInstancesData>> {
  return authorized((ctx) => registerInstancesWith(ctx, input));
}

export async function activationStatus(input: unknown): Promise<ActionResult<ActivationStatus>> {
  return authorized((ctx) => activationStatusWith(ctx, input));
}
