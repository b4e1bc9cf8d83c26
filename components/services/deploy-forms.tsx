'use client';
// The two deploy forms of the scenario: Traefik as LoadBalancer and whoami as the web app.
import { deployLoadBalancer } from '@/server/actions/deploy-load-balancer';
import { deployWhoami } from '@/server/actions/deploy-whoami';
import {
  deployLoadBalancerDefaults,
  deployWhoamiDefaults,
  refreshSecondsHint,
} from '@/lib/schemas/actions';
import { DeployForm, type FieldSpec } from '@/components/services/deploy-form';

const placement: FieldSpec[] = [
  { name: 'roleName', label: 'Placement attribute' },
  { name: 'roleValue', label: 'Placement value' },
];

const loadBalancerFields: FieldSpec[] = [
  { name: 'serviceName', label: 'Service name' },
  { name: 'family', label: 'Task definition family' },
  { name: 'containerName', label: 'Container name' },
  { name: 'imageTag', label: 'Traefik image tag' },
  { name: 'entrypointPort', label: 'Entrypoint port', kind: 'number' },
  { name: 'apiPort', label: 'API port', kind: 'number' },
  { name: 'memory', label: 'Memory (MiB)', kind: 'number' },
  { name: 'desiredCount', label: 'Desired count', kind: 'number' },
  {
    name: 'refreshSeconds',
    label: 'ECS poll interval (s)',
    kind: 'number',
    optional: true,
    hint: refreshSecondsHint,
  },
  {
    name: 'region',
    label: 'Region for Traefik',
    optional: true,
    hint: 'Empty: the console’s region.',
  },
  {
    name: 'taskRoleArn',
    label: 'Task role ARN',
    optional: true,
    hint: 'On AWS: a role with ECS, EC2 and SSM read access.',
  },
  ...placement,
  { name: 'dashboard', label: 'Serve the dashboard', kind: 'checkbox' },
  { name: 'force', label: 'Deploy even if no instance has the role yet', kind: 'checkbox' },
];

const whoamiFields: FieldSpec[] = [
  { name: 'serviceName', label: 'Service name' },
  { name: 'family', label: 'Task definition family' },
  { name: 'containerName', label: 'Container name' },
  { name: 'image', label: 'Image' },
  { name: 'host', label: 'Host rule' },
  { name: 'path', label: 'Path rule' },
  { name: 'traefikService', label: 'Traefik service name' },
  { name: 'memory', label: 'Memory (MiB)', kind: 'number' },
  { name: 'desiredCount', label: 'Desired count', kind: 'number' },
  ...placement,
  { name: 'force', label: 'Deploy even if no instance has the role yet', kind: 'checkbox' },
];

export function DeployForms({ cluster }: { cluster: string }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <DeployForm
        cluster={cluster}
        title="Deploy LoadBalancer"
        description="Traefik on the instance with the load balancer role; it finds the web app through its ECS provider."
        fields={loadBalancerFields}
        defaults={deployLoadBalancerDefaults}
        action={deployLoadBalancer}
      />
      <DeployForm
        cluster={cluster}
        title="Deploy Whoami"
        description="The web app, spread over the web server instances, with Traefik labels for host and path routing."
        fields={whoamiFields}
        defaults={deployWhoamiDefaults}
        action={deployWhoami}
      />
    </div>
  );
}
