// What a detail page shows for an id the cluster does not have (or an address that is no id at all).
import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export function NotInCluster({
  title,
  why,
  back,
}: {
  title: string;
  why: string;
  back: { href: string; label: string };
}) {
  return (
    <div className="card" data-testid="not-found">
      <EmptyState title={title}>
        {why}{' '}
        <Link className="underline" href={back.href}>
          Back to {back.label}
        </Link>
      </EmptyState>
    </div>
  );
}
