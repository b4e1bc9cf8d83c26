// Traefik's IAM policy for real AWS (with copy), or the note that the lab already grants it.
import { TRAEFIK_POLICY_NAME, traefikReadPolicyJson } from '@/lib/walkthrough/iam-policy';
import { CopyButton } from '@/components/ui/copy-button';

export function IamPolicyBlock({ target }: { target: 'lab' | 'aws' }) {
  if (target === 'lab') {
    return (
      <p className="rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-800" data-testid="iam-note">
        <span aria-hidden>ℹ </span>
        On AWS, Traefik’s task role needs the <code>{TRAEFIK_POLICY_NAME}</code> policy (ECS, EC2
        and SSM reads). The lab grants these to every task, so there is nothing to do here.
      </p>
    );
  }
  return (
    <div data-testid="iam-policy">
      <div className="mb-1 flex items-center justify-between gap-2">
        <p className="text-sm">
          Traefik’s task role needs this policy, <code>{TRAEFIK_POLICY_NAME}</code>; put the role’s
          ARN in step 2’s form.
        </p>
        <CopyButton text={traefikReadPolicyJson} label="Copy policy JSON" />
      </div>
      <pre className="code-block max-h-64" tabIndex={0} aria-label="Traefik read policy JSON">
        {traefikReadPolicyJson}
      </pre>
    </div>
  );
}
