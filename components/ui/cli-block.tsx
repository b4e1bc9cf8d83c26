// The AWS CLI equivalent of an action, with a copy button.
import { CopyButton } from '@/components/ui/copy-button';

export function CliBlock({ cli }: { cli: string }) {
  return (
    <div className="mt-2" data-testid="cli-equivalent">
      <div className="mb-1 flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted">AWS CLI equivalent</span>
        <CopyButton text={cli} label="Copy CLI" />
      </div>
      <pre
        className="code-block max-h-28 break-all whitespace-pre-wrap"
        tabIndex={0}
        aria-label="AWS CLI command"
      >
        {cli}
      </pre>
    </div>
  );
}
