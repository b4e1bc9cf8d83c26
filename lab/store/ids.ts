// Random identifiers in the formats ECS and SSM use.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** Task and container-instance ids: 32 lowercase hex characters. */
export const newResourceId = () => randomHex(32);

/** Managed (SSM-registered) instance ids: `mi-` and 17 hex characters. */
export const newManagedInstanceId = () => `mi-${randomHex(17)}`;

/** Service deployment ids: `ecs-svc/` and 19 digits. */
export function newDeploymentId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return `ecs-svc/${digits}`;
}

export const newUuid = () => randomUUID();

/** SSM activation codes: 20 characters of letters and digits. */
export function newActivationCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export const nowEpoch = () => Date.now() / 1000;
