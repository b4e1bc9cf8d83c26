// A detail page's frame: the way back, the title, then the detail for a valid id or why the address is no id.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { DetailHeader } from '@/components/snapshot/detail-header';
import { NotInCluster } from '@/components/snapshot/not-in-cluster';

export function DetailPage({
  noun,
  cluster,
  parsed,
  back,
  children,
}: {
  /** "task", "service", "instance". */
  noun: string;
  cluster: string;
  parsed: z.ZodSafeParseResult<string>;
  back: { href: string; label: string };
  children: (id: string) => ReactNode;
}) {
  const title = `${noun[0]?.toUpperCase()}${noun.slice(1)}`;
  return (
    <>
      <DetailHeader back={back} title={parsed.success ? `${title} ${parsed.data}` : title}>
        In cluster {cluster}.
      </DetailHeader>
      {parsed.success ? (
        children(parsed.data)
      ) : (
        <NotInCluster
          title={`That is not a ${noun} ${noun === 'service' ? 'name' : 'id'}`}
          why={parsed.error.issues[0]?.message ?? ''}
          back={{ href: back.href, label: `${noun}s` }}
        />
      )}
    </>
  );
}
