// Judges each walkthrough step from live evidence (ECS snapshot, Traefik, the last probes): done, current or blocked, and why.
import { deployLoadBalancerDefaults, deployWhoamiDefaults } from '@/lib/schemas/actions';
import type { InstanceView, ServiceView } from '@/lib/schemas/snapshot';
import type { ProbeMode, ProbeResult, WalkthroughEvidence } from '@/lib/walkthrough/schema';

export const STEP_IDS = [
  'cluster',
  'roles',
  'load-balancer',
  'web-app',
  'host-routing',
  'path-routing',
  'clean-up',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Names and counts the steps look for; the scenario's values are only defaults. */
export interface WalkthroughParams {
  /** How many external instances the scenario expects (fewer still works with 2: one per role). */
  expectedInstances: number;
  roleName: string;
  loadBalancerRole: string;
  webserverRole: string;
  loadBalancerService: string;
  whoamiService: string;
  /** Traefik's service for the web app when its labels name none. */
  traefikService: string;
}

export const walkthroughDefaults: WalkthroughParams = {
  expectedInstances: 3,
  roleName: deployLoadBalancerDefaults.roleName,
  loadBalancerRole: deployLoadBalancerDefaults.roleValue,
  webserverRole: deployWhoamiDefaults.roleValue,
  loadBalancerService: deployLoadBalancerDefaults.serviceName,
  whoamiService: deployWhoamiDefaults.serviceName,
  traefikService: deployWhoamiDefaults.traefikService,
};

export function stepTitles(params: WalkthroughParams): Record<StepId, string> {
  return {
    cluster: 'Check the cluster',
    roles: 'Assign roles',
    'load-balancer': `Deploy ${params.loadBalancerService}`,
    'web-app': `Deploy ${params.whoamiService}`,
    'host-routing': 'Test host-based routing',
    'path-routing': 'Test path-based routing',
    'clean-up': 'Clean up',
  };
}

export interface StepCheck {
  ok: boolean;
  /** Not done yet but converging (tasks pending, Traefik not refreshed): wait rather than act. */
  waiting: boolean;
  /** One line: what the live check found. */
  summary: string;
  /** What is wrong, in words an admin can act on (empty when ok). */
  problems: string[];
  /** Further facts worth showing (which instance has which role, server counts). */
  facts: string[];
}

export type StepStatus = 'done' | 'current' | 'blocked';

export interface StepState {
  id: StepId;
  index: number;
  title: string;
  status: StepStatus;
  check: StepCheck;
  /** For a blocked step: the earlier step it waits for. */
  blockedBy: { index: number; title: string } | null;
}

export interface WalkthroughState {
  steps: StepState[];
  /** The first step not done; null when all are. */
  currentIndex: number | null;
  /** The whole scenario ran (both routing tests passed) and was cleaned up since. */
  complete: boolean;
}

const pass = (summary: string, facts: string[] = []): StepCheck => ({
  ok: true,
  waiting: false,
  summary,
  problems: [],
  facts,
});
const fail = (
  summary: string,
  problems: string[],
  { waiting = false, facts = [] as string[] } = {},
): StepCheck => ({ ok: false, waiting, summary, problems, facts });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const instanceName = (i: InstanceView) => i.ec2InstanceId ?? i.id;
const usable = (i: InstanceView) => i.status === 'ACTIVE' && i.agentConnected;
const hasRole = (i: InstanceView, name: string, value: string) =>
  i.attributes.some((a) => a.name === name && a.value === value);

function checkCluster(evidence: WalkthroughEvidence, params: WalkthroughParams): StepCheck {
  const { cluster, instances } = evidence.snapshot;
  if (cluster.status !== 'ACTIVE') {
    return fail(`Cluster ${cluster.name} is ${cluster.status}`, [
      `Cluster ${cluster.name} is ${cluster.status === 'MISSING' ? 'not there' : 'deleted (INACTIVE)'}: pick another cluster or create it.`,
    ]);
  }
  const connected = instances.filter(usable);
  const found = `${connected.length} connected of ${plural(instances.length, 'external instance')} (the scenario expects ${params.expectedInstances})`;
  const facts = instances.map(
    (i) =>
      `${instanceName(i)}: agent ${i.agentConnected ? 'connected' : 'disconnected'}${i.ip ? `, ${i.ip}` : ''}`,
  );
  // One instance for the load balancer and at least one for the web servers.
  if (connected.length < 2) {
    return fail(
      found,
      [
        connected.length === 0
          ? 'No external instance has its agent connected: register instances with SSM and the ECS agent (or start the lab).'
          : 'Only 1 connected instance: the scenario needs one for the load balancer and at least one web server.',
      ],
      { facts },
    );
  }
  if (connected.length < params.expectedInstances) {
    facts.unshift(
      `Fewer than ${params.expectedInstances}: the walkthrough still works, with ${plural(connected.length - 1, 'web server')}.`,
    );
  }
  return pass(found, facts);
}

function checkRoles(evidence: WalkthroughEvidence, params: WalkthroughParams): StepCheck {
  const { roleName, loadBalancerRole, webserverRole } = params;
  const active = evidence.snapshot.instances.filter((i) => i.status === 'ACTIVE');
  const lbs = active.filter((i) => hasRole(i, roleName, loadBalancerRole));
  const webs = active.filter((i) => hasRole(i, roleName, webserverRole));
  const names = (list: InstanceView[]) => list.map(instanceName).join(', ') || 'none';
  const facts = [
    `${roleName}=${loadBalancerRole}: ${names(lbs)}`,
    `${roleName}=${webserverRole}: ${names(webs)}`,
  ];
  const problems: string[] = [];
  for (const [value, list] of [
    [loadBalancerRole, lbs],
    [webserverRole, webs],
  ] as const) {
    if (list.length === 0) problems.push(`No instance has ${roleName}=${value}.`);
    else if (!list.some(usable)) {
      problems.push(`Every instance with ${roleName}=${value} has its agent disconnected.`);
    }
  }
  const summary = `${plural(lbs.length, 'load balancer')}, ${plural(webs.length, 'web server')}`;
  return problems.length ? fail(summary, problems, { facts }) : pass(summary, facts);
}

function findService(evidence: WalkthroughEvidence, name: string): ServiceView | undefined {
  return evidence.snapshot.services.find((s) => s.name === name && s.status === 'ACTIVE');
}

/** ACTIVE, desired ≥ 1, all running, one deployment: ECS's steady state. */
function serviceProblems(service: ServiceView | undefined, name: string): string[] {
  if (!service) return [`Service ${name} does not exist yet.`];
  if (service.desiredCount < 1) return [`Service ${name} has desired count 0.`];
  const problems: string[] = [];
  if (service.runningCount !== service.desiredCount) {
    const failed = service.deployments.reduce((sum, d) => sum + d.failedTasks, 0);
    problems.push(
      `${name}: ${service.runningCount} of ${service.desiredCount} tasks running` +
        (service.pendingCount ? `, ${service.pendingCount} pending` : '') +
        (failed ? `, ${plural(failed, 'failed task')}` : '') +
        '.',
    );
    const event = service.events[0]?.message;
    if (event) problems.push(`Latest event: ${event}`);
  } else if (service.deployments.length > 1) {
    problems.push(`${name} is still rolling out a new deployment.`);
  }
  return problems;
}

function serviceLine(service: ServiceView | undefined, name: string): string {
  return service
    ? `${name}: ${service.runningCount}/${service.desiredCount} running`
    : `${name}: not deployed`;
}

function checkLoadBalancer(evidence: WalkthroughEvidence, params: WalkthroughParams): StepCheck {
  const name = params.loadBalancerService;
  const service = findService(evidence, name);
  const problems = serviceProblems(service, name);
  const { traefik } = evidence;
  const facts: string[] = [];
  if (traefik.state === 'ok') {
    facts.push(`Traefik ${traefik.version.Version} answers at ${traefik.url}`);
  } else if (traefik.state === 'unreachable') {
    problems.push(`Traefik's API at ${traefik.url} does not answer: ${traefik.error}`);
  } else if (traefik.source.kind === 'not-found') {
    problems.push(`Traefik's API was not found: ${traefik.source.reason}`);
  }
  const summary = `${serviceLine(service, name)}; Traefik API ${traefik.state === 'ok' ? 'answers' : 'not answering'}`;
  if (problems.length === 0) return pass(summary, facts);
  // A service that exists and is not failing is on its way.
  return fail(summary, problems, { waiting: Boolean(service && service.desiredCount > 0), facts });
}

/** The deployed web app's routes, from its task definition's Traefik labels. */
export function appRoutes(evidence: WalkthroughEvidence, params: WalkthroughParams) {
  const service = findService(evidence, params.whoamiService);
  return evidence.apps.find(
    (a) =>
      a.service === params.whoamiService &&
      (!service || a.taskDefinition === service.taskDefinition),
  );
}

function traefikServers(evidence: WalkthroughEvidence, traefikService: string) {
  if (evidence.traefik.state !== 'ok') return null;
  const found = evidence.traefik.services.find(
    (s) => s.name === `${traefikService}@ecs` || s.name.split('@')[0] === traefikService,
  );
  if (!found) return { name: `${traefikService}@ecs`, servers: 0, up: 0, listed: false };
  const servers = found.loadBalancer?.servers ?? [];
  const up = servers.filter((s) => found.serverStatus?.[s.url] === 'UP').length;
  return { name: found.name, servers: servers.length, up, listed: true };
}

function checkWebApp(evidence: WalkthroughEvidence, params: WalkthroughParams): StepCheck {
  const name = params.whoamiService;
  const service = findService(evidence, name);
  const problems = serviceProblems(service, name);
  const app = appRoutes(evidence, params);
  const traefikService = app?.traefikServices[0] ?? params.traefikService;
  const servers = traefikServers(evidence, traefikService);
  const desired = service?.desiredCount ?? 0;
  const facts: string[] = [];
  if (app) {
    facts.push(`Routers from its labels: ${app.routers.join(', ') || 'none'}`);
  }
  if (service && desired > 0) {
    if (!servers) {
      problems.push("Traefik's API does not answer, so its servers cannot be checked.");
    } else if (!servers.listed) {
      problems.push(`Traefik does not list service ${servers.name} yet.`);
    } else if (servers.servers !== desired) {
      problems.push(
        `Traefik lists ${plural(servers.servers, 'server')} for ${servers.name}, not ${desired}.`,
      );
    } else {
      facts.push(`Traefik's ${servers.name}: ${servers.servers} servers, ${servers.up} UP`);
    }
  }
  const summary = `${serviceLine(service, name)}${servers?.listed ? `; Traefik ${servers.name}: ${plural(servers.servers, 'server')}` : ''}`;
  if (problems.length === 0) return pass(summary, facts);
  return fail(summary, problems, { waiting: Boolean(service && desired > 0), facts });
}

function checkProbe(
  evidence: WalkthroughEvidence,
  params: WalkthroughParams,
  mode: ProbeMode,
): StepCheck {
  const probe = evidence.probes[mode];
  const service = findService(evidence, params.whoamiService);
  const n = service?.desiredCount ?? 0;
  if (!probe) {
    return fail('Not run yet', [
      `Run the test: it sends ${n || 'N'} requests through Traefik and expects ${n || 'N'} different containers to answer.`,
    ]);
  }
  const answered = probe.requests.filter((r) => r.status === 200).length;
  const summary = `Last test: ${probe.distinct} different containers answered ${probe.count} requests (${answered} answered 200)`;
  const problems: string[] = [];
  const failedRequest = probe.requests.find((r) => r.status !== 200);
  if (failedRequest) {
    problems.push(
      `Request ${failedRequest.index + 1} ${failedRequest.status === null ? `got no answer (${failedRequest.error ?? 'no reply'})` : `answered ${failedRequest.status}${failedRequest.error ? ` (${failedRequest.error})` : ''}`}.`,
    );
  }
  if (!failedRequest && probe.distinct !== probe.count) {
    problems.push(
      `Only ${probe.distinct} different Hostnames for ${probe.count} requests: round robin should give ${probe.count}.`,
    );
  }
  if (!service) {
    problems.push(`Service ${params.whoamiService} is not deployed now.`);
  } else if (
    probe.app?.taskDefinition !== service.taskDefinition ||
    probe.app.desiredCount !== n ||
    probe.count !== n
  ) {
    problems.push(
      `The last test measured ${probe.count} requests against ${probe.app ? `${probe.app.desiredCount} tasks` : 'no deployment'}; ${params.whoamiService} now wants ${n}: run it again.`,
    );
  }
  return problems.length ? fail(summary, problems) : pass(summary);
}

function scenarioServices(evidence: WalkthroughEvidence, params: WalkthroughParams) {
  const names = [params.whoamiService, params.loadBalancerService];
  return evidence.snapshot.services.filter(
    (s) => names.includes(s.name) && (s.status === 'ACTIVE' || s.status === 'DRAINING'),
  );
}

/** Both routing tests passed, and were made on the instances the cluster still has. */
function passedProbes(evidence: WalkthroughEvidence): ProbeResult[] | null {
  const { host, path } = evidence.probes;
  if (!host?.allDiffer || !path?.allDiffer) return null;
  // A reset lab (or re-registered instances) postdates the probes: they tested another world.
  const newestInstance = Math.max(
    0,
    ...evidence.snapshot.instances.map((i) => Date.parse(i.registeredAt ?? '') || 0),
  );
  const probes = [host, path];
  return probes.every((p) => Date.parse(p.at) > newestInstance) ? probes : null;
}

function checkCleanUp(evidence: WalkthroughEvidence, params: WalkthroughParams): StepCheck {
  const left = scenarioServices(evidence, params);
  if (left.length) {
    return fail(
      `${plural(left.length, 'scenario service')} left`,
      left.map((s) => `Service ${s.name} is ${s.status}.`),
      { waiting: left.every((s) => s.status === 'DRAINING') },
    );
  }
  if (!passedProbes(evidence)) {
    return fail('Nothing deployed', ['Nothing to clean up: the scenario has not run yet.']);
  }
  return pass(
    `No ${params.whoamiService} or ${params.loadBalancerService} service left in ${evidence.snapshot.cluster.name}`,
  );
}

export function evaluateWalkthrough(
  evidence: WalkthroughEvidence,
  params: WalkthroughParams = walkthroughDefaults,
): WalkthroughState {
  const checks: Record<StepId, StepCheck> = {
    cluster: checkCluster(evidence, params),
    roles: checkRoles(evidence, params),
    'load-balancer': checkLoadBalancer(evidence, params),
    'web-app': checkWebApp(evidence, params),
    'host-routing': checkProbe(evidence, params, 'host'),
    'path-routing': checkProbe(evidence, params, 'path'),
    'clean-up': checkCleanUp(evidence, params),
  };
  const complete = checks['clean-up'].ok;
  if (complete) {
    // The services are gone, so steps 2–5 can only be known from the tests that passed before.
    // The same text on server and browser (no locale or time zone): HH:MM:SS UTC.
    const at = `${passedProbes(evidence)?.[1]?.at.slice(11, 19) ?? '?'} UTC`;
    for (const id of ['load-balancer', 'web-app', 'host-routing', 'path-routing'] as const) {
      if (!checks[id].ok) checks[id] = pass(`Done earlier (tested at ${at}); cleaned up since`);
    }
  }
  const titles = stepTitles(params);
  let current: number | null = null;
  const steps = STEP_IDS.map((id, index): StepState => {
    const check = checks[id];
    const blocker = current === null ? null : { index: current, title: titles[STEP_IDS[current]!] };
    if (current === null && !check.ok) current = index;
    return {
      id,
      index,
      title: titles[id],
      check,
      status: blocker ? 'blocked' : check.ok ? 'done' : 'current',
      blockedBy: blocker,
    };
  });
  return { steps, currentIndex: current, complete };
}
