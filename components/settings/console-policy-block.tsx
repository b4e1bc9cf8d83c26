// The console's own least-privilege IAM policy, with copy and what each statement is for.
import { CopyButton } from '@/components/ui/copy-button';
import {
  CONSOLE_POLICY_NAME,
  consolePolicyJson,
  TRAEFIK_TASK_ROLE,
} from '@/lib/iam/console-policy';
import { DEFAULT_ACTIVATION_ROLE } from '@/lib/schemas/activation';

export function ConsolePolicyBlock({ target }: { target: 'lab' | 'aws' }) {
  return (
    <section
      className="card max-w-3xl"
      aria-labelledby="console-policy-title"
      data-testid="console-policy"
    >
      <div className="card-title flex items-center justify-between gap-3">
        <h2 id="console-policy-title">IAM policy for the console</h2>
        <CopyButton text={consolePolicyJson} label="Copy policy JSON" />
      </div>
      <div className="space-y-3 p-4">
        <p className="text-sm text-muted">
          Attach this policy, <code>{CONSOLE_POLICY_NAME}</code>, to the credentials the console
          runs with on AWS. It allows exactly the ECS and SSM actions the console calls, and passing
          two roles: the instances’ role (<code>{DEFAULT_ACTIVATION_ROLE}</code>) to SSM when
          registering instances, and Traefik’s task role (<code>{TRAEFIK_TASK_ROLE}</code>) to ECS
          tasks when deploying the LoadBalancer. Rename those two if yours differ.
          {target === 'lab'
            ? ' The lab accepts its own keys for everything, so it needs none.'
            : ''}
        </p>
        <pre
          className="max-h-96 overflow-auto rounded bg-zinc-900 p-3 text-xs text-zinc-100"
          tabIndex={0}
          aria-label="Console IAM policy JSON"
        >
          {consolePolicyJson}
        </pre>
      </div>
    </section>
  );
}
