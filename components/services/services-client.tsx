'use client';
// Services: each service live, then the deploy forms and the clean-up panel.
import { useState, type ReactNode } from 'react';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { SnapshotView } from '@/components/snapshot/snapshot-view';
import { EmptyState } from '@/components/ui/states';
import { CleanUpPanel } from '@/components/services/clean-up-panel';
import { DeployForms } from '@/components/services/deploy-forms';
import { ServiceCard } from '@/components/services/service-card';

// Collapsible, but never closed behind the user's back when the data changes.
function Section({
  title,
  initiallyOpen,
  children,
}: {
  title: string;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="mb-3 cursor-pointer text-base font-semibold">{title}</summary>
      {children}
    </details>
  );
}

export function ServicesClient({
  cluster,
  initial,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
}) {
  return (
    <div className="space-y-6">
      <SnapshotView cluster={cluster} initial={initial}>
        {(snapshot) =>
          snapshot.services.length === 0 ? (
            <div className="card">
              <EmptyState title="No services yet">
                Give instances roles on the Instances page, then deploy the LoadBalancer and Whoami
                below.
              </EmptyState>
            </div>
          ) : (
            <div className="space-y-4">
              {snapshot.services.map((service) => (
                <ServiceCard key={service.arn} cluster={cluster} service={service} />
              ))}
            </div>
          )
        }
      </SnapshotView>
      <Section
        title="Deploy the scenario’s services"
        initiallyOpen={(initial?.services.length ?? 0) === 0}
      >
        <DeployForms cluster={cluster} />
      </Section>
      <Section title="Clean up…" initiallyOpen={false}>
        <CleanUpPanel cluster={cluster} />
      </Section>
    </div>
  );
}
