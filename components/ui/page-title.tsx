// A page heading with an optional one-line explanation.
import type { ReactNode } from 'react';

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {children ? <p className="mt-0.5 text-sm text-muted">{children}</p> : null}
    </div>
  );
}
