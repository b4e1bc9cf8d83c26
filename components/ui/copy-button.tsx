'use client';
// Copies a text (an id, an ARN, a CLI command) to the clipboard and says so, visibly and to screen readers.
import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({
  text,
  label = 'Copy',
  accessibleLabel,
}: {
  text: string;
  /** What the button shows. */
  label?: string;
  /** What it is called when the label alone is ambiguous ("Copy task ARN" for a "Copy" button). */
  accessibleLabel?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="btn btn-sm shrink-0"
        aria-label={accessibleLabel}
        title={accessibleLabel}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState('copied');
          } catch {
            setState('failed');
          }
        }}
      >
        {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : label}
      </button>
      <span className="sr-only" aria-live="polite">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Could not copy: select the text instead'
            : ''}
      </span>
    </>
  );
}

/** An id or ARN in monospace with its copy button; `display` shortens what is shown, never what is copied. */
export function CopyableId({
  value,
  display,
  what,
  testId,
}: {
  value: string;
  display?: string;
  /** Names the thing for the button: "task ARN" → "Copy task ARN". */
  what: string;
  testId?: string;
}) {
  return (
    <span className="inline-flex max-w-full items-center gap-1.5">
      <code className="font-mono text-xs break-all" title={value} data-testid={testId}>
        {display ?? value}
      </code>
      <CopyButton text={value} label="Copy" accessibleLabel={`Copy ${what}`} />
    </span>
  );
}
