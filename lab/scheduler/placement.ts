// Chooses container instances for new tasks the way ECS does: constraints, resources and ports filter; strategies order.
import type { CqlSubject } from '../cql/ast';
import { dependsOnTasks, matchesCql } from '../cql/evaluate';
import { parseCql } from '../cql/parse';
import { DynamicPortAllocator, type PortProtocol } from './ports';

export interface PlacementCandidate {
  /** Container instance ARN. */
  arn: string;
  /** Its id (the last ARN segment). */
  id: string;
  cql: CqlSubject;
  status:
    'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED';
  remainingCpu: number;
  remainingMemory: number;
  /** Host ports already taken on this instance, the reserved PORTS resource included. */
  usedTcpPorts: ReadonlySet<number>;
  usedUdpPorts: ReadonlySet<number>;
}

export interface PortRequest {
  containerPort: number;
  /** 0 = dynamic. */
  hostPort: number;
  protocol: PortProtocol;
}

export interface PlacementConstraint {
  type: 'memberOf' | 'distinctInstance';
  expression?: string;
}

export interface PlacementStrategy {
  type: 'spread' | 'binpack' | 'random';
  field?: string;
}

export interface PlacementRequest {
  count: number;
  /** Task-level CPU units needed (0 if none). */
  cpu: number;
  /** MiB needed. */
  memory: number;
  /** All port mappings of all containers, in order. */
  ports: PortRequest[];
  /** Task group, e.g. 'service:Whoami'. */
  group: string;
  constraints: PlacementConstraint[];
  /** Empty means spread over instanceId, the lab's default for services. */
  strategy: PlacementStrategy[];
}

export interface Placement {
  instanceArn: string;
  /** Aligned with request.ports, dynamic ones allocated. */
  hostPorts: number[];
}

/** The reason part of ECS's "was unable to place a task because no container instance met all of its requirements". */
export interface PlacementFailure {
  reason: string;
}

export interface PlacementResult {
  placements: Placement[];
  /** Set when fewer than `count` tasks were placed. */
  failure?: PlacementFailure;
}

export interface PlacementOptions {
  /** For the 'random' strategy and tie-breaks; default Math.random for 'random', arn order for ties. */
  random?: () => number;
  /** Ports taken by any instance on this machine: dynamic ports avoid them too. */
  machineWideTcpPorts?: ReadonlySet<number>;
  isPortFree?: (port: number, protocol: PortProtocol) => boolean;
}

interface Slot {
  candidate: PlacementCandidate;
  /** Tasks of the request's group on the instance, existing and placed in this call. */
  groupCount: number;
  placedHere: number;
  remainingCpu: number;
  remainingMemory: number;
  placedPorts: Record<PortProtocol, Set<number>>;
  memberOf: boolean | undefined;
  dynamicPortsExhausted: boolean;
}

type Check = 'agent' | 'memberOf' | 'distinctInstance' | 'cpu' | 'memory' | 'ports';

const checkOrder: readonly Check[] = [
  'agent',
  'memberOf',
  'distinctInstance',
  'cpu',
  'memory',
  'ports',
];

export function placeTasks(
  candidates: readonly PlacementCandidate[],
  request: PlacementRequest,
  options: PlacementOptions = {},
): PlacementResult {
  const memberOf = request.constraints
    .filter((constraint) => constraint.type === 'memberOf' && constraint.expression)
    .map((constraint) => ({
      source: constraint.expression as string,
      tree: parseCql(constraint.expression as string),
    }));
  const memberOfChanges = memberOf.some(({ tree }) => dependsOnTasks(tree));
  const distinctInstance = request.constraints.some((c) => c.type === 'distinctInstance');
  const staticPorts = request.ports.filter((port) => port.hostPort !== 0);
  const selfConflict = hasDuplicateStaticPort(staticPorts);
  const strategy: PlacementStrategy[] =
    request.strategy.length > 0 ? request.strategy : [{ type: 'spread', field: 'instanceId' }];
  const ports = new DynamicPortAllocator(options);

  const slots: Slot[] = candidates
    .filter((candidate) => candidate.status === 'ACTIVE')
    .toSorted((a, b) => compareText(a.arn, b.arn))
    .map((candidate) => ({
      candidate,
      groupCount: candidate.cql.taskGroups.filter((group) => group === request.group).length,
      placedHere: 0,
      remainingCpu: candidate.remainingCpu,
      remainingMemory: candidate.remainingMemory,
      placedPorts: { tcp: new Set(), udp: new Set() },
      memberOf: undefined,
      dynamicPortsExhausted: false,
    }));
  const spreadCounts = attributeSpreadCounts(candidates, strategy, request.group);

  const subjectOf = (slot: Slot): CqlSubject =>
    slot.placedHere === 0
      ? slot.candidate.cql
      : {
          ...slot.candidate.cql,
          taskGroups: [
            ...slot.candidate.cql.taskGroups,
            ...Array<string>(slot.placedHere).fill(request.group),
          ],
          runningTasksCount: slot.candidate.cql.runningTasksCount + slot.placedHere,
        };
  const unsatisfiedMemberOf = (slot: Slot) =>
    memberOf.find(({ tree }) => !matchesCql(tree, subjectOf(slot)));
  const satisfiesMemberOf = (slot: Slot) => {
    slot.memberOf ??= unsatisfiedMemberOf(slot) === undefined;
    return slot.memberOf;
  };
  const portTaken = (slot: Slot, port: number, protocol: PortProtocol) =>
    (protocol === 'tcp' ? slot.candidate.usedTcpPorts : slot.candidate.usedUdpPorts).has(port) ||
    slot.placedPorts[protocol].has(port);
  const portsFit = (slot: Slot) =>
    !selfConflict &&
    !slot.dynamicPortsExhausted &&
    staticPorts.every((port) => !portTaken(slot, port.hostPort, port.protocol));

  const passes = (slot: Slot, check: Check): boolean => {
    switch (check) {
      case 'agent':
        return slot.candidate.cql.agentConnected;
      case 'memberOf':
        return satisfiesMemberOf(slot);
      case 'distinctInstance':
        return !distinctInstance || slot.groupCount === 0;
      case 'cpu':
        return slot.remainingCpu >= request.cpu;
      case 'memory':
        return slot.remainingMemory >= request.memory;
      case 'ports':
        return portsFit(slot);
    }
  };
  const eligible = (slot: Slot) => checkOrder.every((check) => passes(slot, check));
  const failedChecks = (slot: Slot) => checkOrder.filter((check) => !passes(slot, check));

  const placements: Placement[] = [];
  while (placements.length < request.count) {
    const slot = choose(slots.filter(eligible), strategy, spreadCounts, options);
    if (!slot) break;
    const hostPorts = assignHostPorts(slot, request.ports, ports, portTaken);
    if (!hostPorts) {
      slot.dynamicPortsExhausted = true;
      continue;
    }
    placements.push({ instanceArn: slot.candidate.arn, hostPorts });
    slot.groupCount++;
    slot.placedHere++;
    slot.remainingCpu -= request.cpu;
    slot.remainingMemory -= request.memory;
    request.ports.forEach((port, i) => slot.placedPorts[port.protocol].add(hostPorts[i] as number));
    if (memberOfChanges) slot.memberOf = undefined;
    for (const [field, counts] of spreadCounts) {
      const value = attributeValue(slot.candidate, field);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  if (placements.length >= request.count) return { placements };
  return { placements, failure: { reason: explain(slots, failedChecks, unsatisfiedMemberOf) } };
}

function hasDuplicateStaticPort(staticPorts: readonly PortRequest[]): boolean {
  const seen = new Set(staticPorts.map((port) => `${port.protocol}/${port.hostPort}`));
  return seen.size < staticPorts.length;
}

function assignHostPorts(
  slot: Slot,
  requested: readonly PortRequest[],
  allocator: DynamicPortAllocator,
  portTaken: (slot: Slot, port: number, protocol: PortProtocol) => boolean,
): number[] | undefined {
  const ownStatic = new Set(
    requested.filter((p) => p.hostPort !== 0).map((p) => `${p.protocol}/${p.hostPort}`),
  );
  const hostPorts: number[] = [];
  for (const port of requested) {
    if (port.hostPort !== 0) {
      hostPorts.push(port.hostPort);
      continue;
    }
    const dynamic = allocator.allocate(
      port.protocol,
      (candidate) =>
        portTaken(slot, candidate, port.protocol) || ownStatic.has(`${port.protocol}/${candidate}`),
    );
    if (dynamic === undefined) return undefined;
    hostPorts.push(dynamic);
  }
  return hostPorts;
}

const attributePrefix = 'attribute:';

function attributeValue(candidate: PlacementCandidate, field: string): string | null {
  return candidate.cql.attributes[field.slice(attributePrefix.length)] ?? null;
}

/** For each `spread` over an attribute: how many tasks of the group each attribute value holds. */
function attributeSpreadCounts(
  candidates: readonly PlacementCandidate[],
  strategy: readonly PlacementStrategy[],
  group: string,
): Map<string, Map<string | null, number>> {
  const result = new Map<string, Map<string | null, number>>();
  for (const { type, field } of strategy) {
    if (type !== 'spread' || !field?.startsWith(attributePrefix) || result.has(field)) continue;
    const counts = new Map<string | null, number>();
    for (const candidate of candidates) {
      const value = attributeValue(candidate, field);
      const tasks = candidate.cql.taskGroups.filter((g) => g === group).length;
      counts.set(value, (counts.get(value) ?? 0) + tasks);
    }
    result.set(field, counts);
  }
  return result;
}

function keepLowest(slots: Slot[], score: (slot: Slot) => number): Slot[] {
  let best = Infinity;
  let kept: Slot[] = [];
  for (const slot of slots) {
    const value = score(slot);
    if (value < best) {
      best = value;
      kept = [slot];
    } else if (value === best) kept.push(slot);
  }
  return kept;
}

function pickRandom(slots: Slot[], random: () => number): Slot | undefined {
  return slots[Math.min(slots.length - 1, Math.floor(random() * slots.length))];
}

// Each strategy narrows the field to its best instances; the next one breaks their ties.
function choose(
  eligible: Slot[],
  strategy: readonly PlacementStrategy[],
  spreadCounts: Map<string, Map<string | null, number>>,
  options: PlacementOptions,
): Slot | undefined {
  let field = eligible;
  for (const { type, field: name } of strategy) {
    if (field.length <= 1) break;
    if (type === 'random') return pickRandom(field, options.random ?? Math.random);
    if (type === 'binpack')
      field = keepLowest(field, (slot) =>
        name === 'cpu' ? slot.remainingCpu : slot.remainingMemory,
      );
    else if (name !== undefined && spreadCounts.has(name)) {
      const counts = spreadCounts.get(name) as Map<string | null, number>;
      field = keepLowest(field, (slot) => counts.get(attributeValue(slot.candidate, name)) ?? 0);
    } else field = keepLowest(field, (slot) => slot.groupCount);
  }
  return options.random ? pickRandom(field, options.random) : field[0];
}

function explain(
  slots: readonly Slot[],
  failedChecks: (slot: Slot) => Check[],
  unsatisfiedMemberOf: (slot: Slot) => { source: string } | undefined,
): string {
  let closest: { slot: Slot; failed: Check[] } | undefined;
  for (const slot of slots) {
    const failed = failedChecks(slot);
    if (!closest || isCloser(failed, closest.failed)) closest = { slot, failed };
  }
  if (!closest) return 'No Container Instances were found in your cluster.';
  const { slot, failed } = closest;
  const subject = `The closest matching container-instance ${slot.candidate.id}`;
  switch (failed[0] ?? 'ports') {
    case 'agent':
      return `${subject} encountered error "AGENT".`;
    case 'memberOf':
      return `${subject} encountered error "MemberOf placement constraint unsatisfied." (${unsatisfiedMemberOf(slot)?.source ?? ''})`;
    case 'distinctInstance':
      return `${subject} encountered error "DistinctInstance placement constraint unsatisfied."`;
    case 'cpu':
      return `${subject} has insufficient CPU units available.`;
    case 'memory':
      return `${subject} has insufficient memory available.`;
    case 'ports':
      return `${subject} is already using a port required by your task.`;
  }
}

// Fewest failed checks wins; between equals, the one that got further down the checks.
function isCloser(failed: readonly Check[], than: readonly Check[]): boolean {
  if (failed.length !== than.length) return failed.length < than.length;
  const stage = (checks: readonly Check[]) => checkOrder.indexOf(checks[0] ?? 'ports');
  return stage(failed) > stage(than);
}

export interface StoppableTask {
  taskArn: string;
  containerInstanceArn: string;
  /** Epoch seconds; undefined for a task that has not started yet. */
  startedAt?: number;
}

/**
 * Which tasks to stop to scale a group in by `count`: ECS applies spread in reverse, so it takes
 * from the instance holding the most tasks and, there, the newest (not yet started first). Tasks on
 * instances that are unknown, not ACTIVE or disconnected (when `candidates` is given) go first.
 */
export function chooseTasksToStop(
  tasks: readonly StoppableTask[],
  count: number,
  candidates?: readonly PlacementCandidate[],
): string[] {
  const healthy = candidates
    ? new Set(
        candidates.filter((c) => c.status === 'ACTIVE' && c.cql.agentConnected).map((c) => c.arn),
      )
    : undefined;
  const newestLast = (a: StoppableTask, b: StoppableTask) =>
    (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity) || compareText(a.taskArn, b.taskArn);
  const byInstance = new Map<string, StoppableTask[]>();
  for (const task of tasks) {
    const list = byInstance.get(task.containerInstanceArn) ?? [];
    list.push(task);
    byInstance.set(task.containerInstanceArn, list);
  }
  const stacks = [...byInstance].map(([arn, list]) => ({
    arn,
    unhealthy: healthy !== undefined && !healthy.has(arn),
    tasks: list.toSorted(newestLast),
  }));
  const chosen: string[] = [];
  while (chosen.length < count) {
    let from: (typeof stacks)[number] | undefined;
    for (const stack of stacks) {
      if (stack.tasks.length === 0) continue;
      if (
        !from ||
        Number(stack.unhealthy) - Number(from.unhealthy) > 0 ||
        (stack.unhealthy === from.unhealthy &&
          (stack.tasks.length > from.tasks.length ||
            (stack.tasks.length === from.tasks.length && compareText(stack.arn, from.arn) < 0)))
      )
        from = stack;
    }
    const task = from?.tasks.pop();
    if (!task) break;
    chosen.push(task.taskArn);
  }
  return chosen;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
