// A link to an instance's, service's or task's own page, styled the same wherever it appears.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { instanceHref, serviceHref, taskHref } from '@/lib/format/links';
import { CopyButton } from '@/components/ui/copy-button';

const hrefs = { instance: instanceHref, service: serviceHref, task: taskHref } as const;

export function ResourceLink({
  kind,
  id,
  title,
  prefetch,
  children,
}: {
  kind: keyof typeof hrefs;
  /** Instance or task id, or service name. */
  id: string;
  title?: string;
  /** False in long tables: each prefetching link watches the viewport and fetches its page as it scrolls by. */
  prefetch?: false;
  children?: ReactNode;
}) {
  return (
    <Link
      href={hrefs[kind](id)}
      title={title}
      prefetch={prefetch}
      className={`text-blue-700 hover:underline dark:text-blue-400 ${kind === 'service' ? '' : 'font-mono text-xs'}`}
    >
      {children ?? id}
    </Link>
  );
}

/** A table cell's short id linking to the resource, with a button copying its full ARN. */
export function ResourceIdCell({
  kind,
  id,
  arn,
  length,
  what,
}: {
  kind: 'instance' | 'task';
  id: string;
  arn: string;
  length: number;
  /** "task ARN" → the button is "Copy task ARN of 1a2b3c4d". */
  what: string;
}) {
  const short = id.slice(0, length);
  return (
    <span className="inline-flex items-center gap-1.5">
      <ResourceLink kind={kind} id={id} title={arn} prefetch={false}>
        {short}
      </ResourceLink>
      <CopyButton text={arn} accessibleLabel={`Copy ${what} of ${short}`} />
    </span>
  );
}
