'use client';
// The guided walkthrough: the scenario's seven steps as a vertical stepper, judged live from ECS and Traefik.
import { useState, type ReactNode } from 'react';
import { deployLoadBalancer } from '@/server/actions/deploy-load-balancer';
import { deployWhoami } from '@/server/actions/deploy-whoami';
import {
  cleanUpDefaults,
  deployLoadBalancerDefaults,
  deployLoadBalancerInput,
  deployWhoamiDefaults,
  deployWhoamiInput,
} from '@/lib/schemas/actions';
import {
  cleanUpCli,
  clusterCli,
  curlCommands,
  loadBalancerCli,
  rolesCli,
  whoamiCli,
} from '@/lib/walkthrough/cli-templates';
import type { WalkthroughEvidence } from '@/lib/walkthrough/schema';
import {
  appRoutes,
  evaluateWalkthrough,
  walkthroughDefaults,
  type StepId,
  type WalkthroughParams,
} from '@/lib/walkthrough/steps';
import { ErrorState, Skeleton } from '@/components/ui/states';
import { ClusterStep } from '@/components/walkthrough/cluster-step';
import { CleanUpStep } from '@/components/walkthrough/clean-up-step';
import { DeployStep, type DeployField } from '@/components/walkthrough/deploy-step';
import { RolesStep, defaultLoadBalancer, rolePlan } from '@/components/walkthrough/roles-step';
import { RoutingStep } from '@/components/walkthrough/routing-step';
import { StepCard } from '@/components/walkthrough/step-card';
import { WalkthroughProgress } from '@/components/walkthrough/walkthrough-progress';
import { useWalkthrough } from '@/components/walkthrough/use-walkthrough';

const strings = (values: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, String(values[n] ?? '')]));

const lbFields = (target: 'lab' | 'aws'): DeployField[] => [
  { name: 'serviceName', label: 'Service name' },
  { name: 'imageTag', label: 'Traefik image tag' },
  { name: 'entrypointPort', label: 'Web entrypoint port', type: 'number' },
  { name: 'apiPort', label: 'API port', type: 'number' },
  ...(target === 'aws'
    ? [{ name: 'taskRoleArn', label: 'Task role ARN', hint: 'A role with the policy from step 0.' }]
    : []),
];

const appFields: DeployField[] = [
  { name: 'serviceName', label: 'Service name' },
  { name: 'desiredCount', label: 'Desired count (tasks)', type: 'number' },
  { name: 'host', label: 'Host rule', hint: 'Router whoami-host matches this Host header.' },
  { name: 'path', label: 'Path rule', hint: 'Router whoami-path matches this path.' },
];

export function WalkthroughClient({
  cluster,
  target,
  region,
  initial,
}: {
  cluster: string;
  target: 'lab' | 'aws';
  region: string;
  initial: WalkthroughEvidence | undefined;
}) {
  const query = useWalkthrough(cluster, initial);
  const [lbValues, setLbValues] = useState(() =>
    strings(
      deployLoadBalancerDefaults,
      lbFields(target).map((f) => f.name),
    ),
  );
  const [appValues, setAppValues] = useState(() =>
    strings(
      deployWhoamiDefaults,
      appFields.map((f) => f.name),
    ),
  );
  const [chosenLb, setChosenLb] = useState<string | null>(null);
  const [probeTargets, setProbeTargets] = useState<{ host?: string; path?: string }>({});
  const [probeCounts, setProbeCounts] = useState<{ host?: string; path?: string }>({});
  const [lastCli, setLastCli] = useState<Partial<Record<StepId, string>>>({});
  const [openOverrides, setOpenOverrides] = useState<Partial<Record<StepId, boolean>>>({});

  if (query.isPending) return <Skeleton rows={8} label="Reading the cluster" />;
  if (query.isError && !query.data) {
    return (
      <ErrorState
        title={`Could not read cluster ${cluster}`}
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  const evidence = query.data;
  const params: WalkthroughParams = {
    ...walkthroughDefaults,
    loadBalancerService: lbValues.serviceName || walkthroughDefaults.loadBalancerService,
    whoamiService: appValues.serviceName || walkthroughDefaults.whoamiService,
  };
  const state = evaluateWalkthrough(evidence, params);
  const { instances, services } = evidence.snapshot;
  const lbArn = chosenLb ?? defaultLoadBalancer(instances, params);
  const app = appRoutes(evidence, params);
  const whoami = services.find((s) => s.name === params.whoamiService && s.status === 'ACTIVE');
  const lbParams = deployLoadBalancerInput.safeParse(lbValues).data ?? deployLoadBalancerDefaults;
  const appParams = deployWhoamiInput.safeParse(appValues).data ?? deployWhoamiDefaults;
  const probeTarget = (mode: 'host' | 'path') =>
    probeTargets[mode] ??
    (mode === 'host' ? (app?.hosts[0] ?? appParams.host) : (app?.paths[0] ?? appParams.path));
  const probeCount = (mode: 'host' | 'path') =>
    probeCounts[mode] ?? String(whoami?.desiredCount || appParams.desiredCount);

  const cliFor = (id: StepId): string => {
    const done = lastCli[id];
    if (done) return done;
    switch (id) {
      case 'cluster':
        return clusterCli(cluster);
      case 'roles':
        return rolesCli(cluster, params.roleName, rolePlan(instances, lbArn, params));
      case 'load-balancer':
        return loadBalancerCli(cluster, target, region, lbParams);
      case 'web-app':
        return whoamiCli(cluster, appParams);
      case 'host-routing':
      case 'path-routing': {
        const mode = id === 'host-routing' ? 'host' : 'path';
        const probe = evidence.probes[mode];
        if (probe) return probe.cli;
        const value = probeTarget(mode);
        return curlCommands(
          evidence.entrypoint,
          mode,
          { host: value, path: value },
          Number(probeCount(mode)) || 1,
        );
      }
      case 'clean-up':
        return cleanUpCli(cluster, cleanUpDefaults.services, cleanUpDefaults.families);
    }
  };
  const cliNote = (id: StepId) =>
    id === 'clean-up'
      ? 'What clean-up runs, in order (after a run, each command it ran is listed above):'
      : lastCli[id] ||
          ((id === 'host-routing' || id === 'path-routing') &&
            evidence.probes[id === 'host-routing' ? 'host' : 'path'])
        ? 'What the last action ran:'
        : 'What the action will run (AWS CLI), with the form’s values:';
  // A step the viewer acted in stays open once done, so its result stays in view.
  const keepOpen = (id: StepId) => setOpenOverrides((all) => ({ ...all, [id]: true }));
  const remember = (id: StepId) => (cli: string) => {
    setLastCli((all) => ({ ...all, [id]: cli }));
    keepOpen(id);
  };

  const routingBody = (mode: 'host' | 'path') => (
    <RoutingStep
      cluster={cluster}
      mode={mode}
      service={params.whoamiService}
      target={probeTarget(mode)}
      count={probeCount(mode)}
      probe={evidence.probes[mode]}
      onTarget={(v) => setProbeTargets((all) => ({ ...all, [mode]: v }))}
      onCount={(v) => setProbeCounts((all) => ({ ...all, [mode]: v }))}
      onRun={() => keepOpen(mode === 'host' ? 'host-routing' : 'path-routing')}
    />
  );

  const bodies: Record<StepId, { why: ReactNode; body: ReactNode }> = {
    cluster: {
      why: (
        <p>
          ECS Anywhere runs tasks on your own servers (“external instances”, ids starting with{' '}
          <code>mi-</code>). The scenario uses three: one for the load balancer, two for the web
          app. Their agents must be connected so ECS can place tasks on them.
        </p>
      ),
      body: (
        <ClusterStep
          instances={instances}
          roleName={params.roleName}
          target={target}
          refreshing={query.isFetching}
          onRecheck={() => void query.refetch()}
        />
      ),
    },
    roles: {
      why: (
        <p>
          Roles are ECS custom attributes. The services’ placement constraints (
          <code>attribute:{params.roleName} == …</code>) use them to put Traefik on one instance and
          the web app on the others.
        </p>
      ),
      body: (
        <RolesStep
          cluster={cluster}
          instances={instances}
          params={params}
          chosen={lbArn}
          onChoose={setChosenLb}
          onCli={remember('roles')}
        />
      ),
    },
    'load-balancer': {
      why: (
        <p>
          Traefik runs as service <code>{params.loadBalancerService}</code> on the load balancer
          instance. Its ECS provider polls ECS for tasks with Traefik labels and routes to them; its
          API on port {lbValues.apiPort || 8080} lets the console check what it sees.
        </p>
      ),
      body: (
        <DeployStep
          cluster={cluster}
          id="lb"
          label={`Deploy ${params.loadBalancerService}`}
          fields={lbFields(target)}
          values={lbValues}
          onValues={setLbValues}
          action={deployLoadBalancer}
          onCli={remember('load-balancer')}
        />
      ),
    },
    'web-app': {
      why: (
        <p>
          whoami answers every request with the name of the container that served it, which makes
          load balancing visible. Its Docker labels declare two Traefik routers (by host and by
          path) to one Traefik service; host port 0 lets several copies share an instance.
        </p>
      ),
      body: (
        <DeployStep
          cluster={cluster}
          id="app"
          label={`Deploy ${params.whoamiService}`}
          fields={appFields}
          values={appValues}
          onValues={setAppValues}
          action={deployWhoami}
          onCli={remember('web-app')}
        />
      ),
    },
    'host-routing': {
      why: (
        <p>
          Requests to the load balancer with header <code>Host: {probeTarget('host')}</code> match
          the host router. Traefik’s round robin sends each to the next container, so N requests
          should meet N different containers.
        </p>
      ),
      body: routingBody('host'),
    },
    'path-routing': {
      why: (
        <p>
          The same containers, reached by path: <code>{probeTarget('path')}</code> matches the path
          router whatever the host name.
        </p>
      ),
      body: routingBody('path'),
    },
    'clean-up': {
      why: (
        <p>
          Scale the services to 0 and delete them, then deregister their task definitions: the
          scenario’s last step, so nothing keeps running (or billing) by accident.
        </p>
      ),
      body: <CleanUpStep cluster={cluster} onRun={() => keepOpen('clean-up')} />,
    },
  };

  return (
    <div className="space-y-4">
      <WalkthroughProgress state={state} evidence={evidence} isError={query.isError} />
      <ol className="max-w-5xl" aria-label="Walkthrough steps">
        {state.steps.map((step, i) => {
          const open = openOverrides[step.id] ?? step.status === 'current';
          return (
            <StepCard
              key={step.id}
              step={step}
              why={bodies[step.id].why}
              open={open}
              onToggle={() => setOpenOverrides((all) => ({ ...all, [step.id]: !open }))}
              cli={cliFor(step.id)}
              cliNote={cliNote(step.id)}
              last={i === state.steps.length - 1}
            >
              {bodies[step.id].body}
            </StepCard>
          );
        })}
      </ol>
    </div>
  );
}
