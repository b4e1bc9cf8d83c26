// Moves DRAINING services whose tasks have all stopped to INACTIVE (they stay describable), as ECS does after DeleteService.
import { isLive, serviceGroup } from '../store/derived';
import type { LabStore } from '../store/lab-store';
import type { ClusterRecord, LabState, ServiceRecord } from '../store/model';

const CHECK_INTERVAL_MS = 500;

function drained(cluster: ClusterRecord, service: ServiceRecord): boolean {
  return (
    service.status === 'DRAINING' &&
    !Object.values(cluster.tasks).some(
      (t) => t.group === serviceGroup(service.serviceName) && isLive(t),
    )
  );
}

function drainedServices(state: Readonly<LabState>): [ClusterRecord, ServiceRecord][] {
  return Object.values(state.clusters).flatMap((cluster) =>
    Object.values(cluster.services)
      .filter((service) => drained(cluster, service))
      .map((service): [ClusterRecord, ServiceRecord] => [cluster, service]),
  );
}

export function startServiceDrainer(store: LabStore): () => void {
  const timer = setInterval(() => {
    const done = drainedServices(store.state);
    if (done.length === 0) return;
    store.mutate((state) => {
      for (const [cluster, service] of done) {
        const draft = state.clusters[cluster.clusterName]?.services[service.serviceName];
        if (!draft) continue;
        draft.status = 'INACTIVE';
        for (const deployment of draft.deployments) deployment.status = 'INACTIVE';
      }
    });
  }, CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
