// The AWS CLI equivalent of an action, with a copy button.
import { CopyButton } from '@/components/ui/copy-button';

export function CliBlock({ cli }: { cli: string }) {
  return (
    <div className="mt-2" data-testid="cli-equivalent">
      <div className="mb-1 flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-zinc-500">AWS CLI equivalent</span>
        <CopyButton text={cli} label="Copy CLI" />
      </div>
      <pre className="max-h-28 overflow-auto rounded bg-zinc-900 p-2 text-xs break-all whitespace-pre-wrap text-zinc-100">
        {cli}
      </pre>
    </div>
  );
}
