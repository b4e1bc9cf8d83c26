// The top of a detail page: the way back to its list, and its title.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageTitle } from '@/components/ui/page-title';

export function DetailHeader({
  back,
  title,
  children,
}: {
  back: { href: string; label: string };
  title: string;
  children?: ReactNode;
}) {
  return (
    <>
      <p className="mb-1 text-sm">
        <Link className="text-blue-700 hover:underline dark:text-blue-400" href={back.href}>
          ← {back.label}
        </Link>
      </p>
      <PageTitle title={title}>{children}</PageTitle>
    </>
  );
}
