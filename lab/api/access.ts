// Extra lab credentials limited to an allowlist of actions, like an IAM user's policy, recording the actions each one used.
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { AwsError } from './errors';
import type { LabCredentials } from './sigv4';

export const credentialInput = z.object({
  accessKeyId: z.string().regex(/^[A-Za-z0-9]{1,128}$/, 'letters and digits only'),
  secretAccessKey: z.string().min(1).max(128),
  allowedActions: z
    .array(z.string().regex(/^(ecs|ssm):[A-Za-z]+$/, 'an action such as ecs:ListTasks'))
    .max(500),
});

interface Grant {
  secretAccessKey: string;
  allowed: Set<string>;
  used: Set<string>;
  denied: Set<string>;
}

const CREDENTIAL_KEY = /Credential=([^/,\s]+)\//;

export class LabAccess {
  private readonly grants = new Map<string, Grant>();

  /** `POST /_lab/credentials`: adds (or replaces) a credential; the lab's own key cannot be limited. */
  grantFromBody(body: string | undefined, labKey: string): { status: number; body: unknown } {
    let json: unknown;
    try {
      json = JSON.parse(body ?? '');
    } catch {
      return { status: 400, body: { message: 'the body must be JSON' } };
    }
    const parsed = credentialInput.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { status: 400, body: { message: `${issue.path.join('.')}: ${issue.message}` } };
    }
    const { accessKeyId, secretAccessKey, allowedActions } = parsed.data;
    if (accessKeyId === labKey) {
      return { status: 400, body: { message: `${labKey} is the lab's own key; pick another` } };
    }
    this.grants.set(accessKeyId, {
      secretAccessKey,
      allowed: new Set(allowedActions),
      used: new Set(),
      denied: new Set(),
    });
    return { status: 200, body: { ok: true } };
  }

  list() {
    return [...this.grants].map(([accessKeyId, grant]) => ({
      accessKeyId,
      allowedActions: [...grant.allowed].sort(),
      usedActions: [...grant.used].sort(),
      deniedActions: [...grant.denied].sort(),
    }));
  }

  private grantOf(headers: IncomingHttpHeaders): [string, Grant] | undefined {
    const key = CREDENTIAL_KEY.exec(String(headers.authorization ?? ''))?.[1];
    const grant = key ? this.grants.get(key) : undefined;
    return key && grant ? [key, grant] : undefined;
  }

  /** The credentials to verify the signature with: the granted key's own, else the lab's. */
  credentialsFor(headers: IncomingHttpHeaders, lab: LabCredentials): LabCredentials {
    const found = this.grantOf(headers);
    return found
      ? { ...lab, accessKeyId: found[0], secretAccessKey: found[1].secretAccessKey }
      : lab;
  }

  // The same answer AWS gives a user whose policies lack the action.
  authorize(headers: IncomingHttpHeaders, action: string, accountId: string): void {
    const found = this.grantOf(headers);
    if (!found) return;
    const [key, grant] = found;
    if (!grant.allowed.has(action)) {
      grant.denied.add(action);
      throw new AwsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${accountId}:user/${key} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`,
      );
    }
    grant.used.add(action);
  }
}
