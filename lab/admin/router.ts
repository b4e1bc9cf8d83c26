// The lab's admin routes under /_lab/ (health, state, reset, task credentials, instances, processes, faults, metrics): not AWS-signed.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AgentSupervisor } from '../agent/supervisor';
import type { LabAccess } from '../api/access';
import type { LabFaults } from '../api/faults';
import type { LabMetrics } from '../api/metrics';
import type { LabStore } from '../store/lab-store';
import { addInstances, changeInstance, guarded, listInstances, listProcesses } from './instances';

export interface AdminRequest {
  method: string;
  /** The path after `/_lab`, e.g. `/health`. */
  path: string;
  headers: IncomingHttpHeaders;
  body?: string;
}

export interface AdminReply {
  status: number;
  body: unknown;
}

export interface AdminContext {
  store: LabStore;
  accessKeyId: string;
  secretAccessKey: string;
  /** The instances' agents, once the lab listens (instance and process routes need them). */
  agents?: AgentSupervisor;
  /** Extra credentials limited to listed actions (IAM policy checks). */
  access?: LabAccess;
  /** Faults injected into a share of AWS calls. */
  faults?: LabFaults;
  /** AWS operations answered so far, by name. */
  metrics?: LabMetrics;
}

type Handler = (request: AdminRequest, params: string[], context: AdminContext) => AdminReply;

interface Route {
  method: string;
  pattern: RegExp;
  /** Task credentials authenticate with the task's own token instead of the lab's secret. */
  auth: 'secret' | 'task';
  handler: Handler;
}

function withAgents(
  handler: (agents: AgentSupervisor, ...rest: Parameters<Handler>) => AdminReply,
): Handler {
  return (request, params, context) =>
    context.agents
      ? guarded(() => handler(context.agents!, request, params, context))
      : { status: 503, body: { message: "the lab's instance agents are not running yet" } };
}

function withFaults(handler: (faults: LabFaults, request: AdminRequest) => AdminReply): Handler {
  return (request, _params, { faults }) =>
    faults
      ? handler(faults, request)
      : { status: 503, body: { message: 'faults are not available here' } };
}

const routes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/health$/,
    auth: 'secret',
    handler: () => ({ status: 200, body: { ok: true } }),
  },
  {
    method: 'GET',
    pattern: /^\/state$/,
    auth: 'secret',
    handler: (_request, _params, { store }) => ({ status: 200, body: store.state }),
  },
  {
    method: 'POST',
    pattern: /^\/reset$/,
    auth: 'secret',
    handler: (_request, _params, { store, faults }) => {
      store.reset();
      faults?.clear();
      return { status: 200, body: { ok: true } };
    },
  },
  {
    method: 'GET',
    pattern: /^\/task-credentials\/([0-9a-f]{32})$/,
    auth: 'task',
    handler: (request, [taskId], { store, accessKeyId, secretAccessKey }) => {
      const credentials = store.findTaskCredentials(taskId!);
      if (!credentials || !sameSecret(request.headers.authorization, credentials.authorization)) {
        return { status: 401, body: { message: 'invalid task credentials token' } };
      }
      return {
        status: 200,
        body: {
          AccessKeyId: accessKeyId,
          SecretAccessKey: secretAccessKey,
          Token: credentials.sessionToken,
          Expiration: new Date(credentials.expiresAt * 1000).toISOString(),
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/instances$/,
    auth: 'secret',
    handler: withAgents((agents, _request, _params, { store }) => listInstances(store, agents)),
  },
  {
    method: 'POST',
    pattern: /^\/instances$/,
    auth: 'secret',
    handler: withAgents((agents, request, _params, { store }) =>
      addInstances(store, agents, request.body),
    ),
  },
  {
    method: 'POST',
    pattern: /^\/instances\/([^/]+)\/(stop|start)$/,
    auth: 'secret',
    handler: withAgents((agents, _request, [id, action], { store }) =>
      changeInstance(store, agents, decodePathSegment(id!), action as 'stop' | 'start'),
    ),
  },
  {
    method: 'DELETE',
    pattern: /^\/instances\/([^/]+)$/,
    auth: 'secret',
    handler: withAgents((agents, _request, [id], { store }) =>
      changeInstance(store, agents, decodePathSegment(id!), 'remove'),
    ),
  },
  {
    method: 'GET',
    pattern: /^\/credentials$/,
    auth: 'secret',
    handler: (_request, _params, { access }) => ({
      status: 200,
      body: { credentials: access?.list() ?? [] },
    }),
  },
  {
    method: 'POST',
    pattern: /^\/credentials$/,
    auth: 'secret',
    handler: (request, _params, { access, accessKeyId }) =>
      access
        ? access.grantFromBody(request.body, accessKeyId)
        : { status: 503, body: { message: 'credentials are not available here' } },
  },
  {
    method: 'GET',
    pattern: /^\/faults$/,
    auth: 'secret',
    handler: withFaults((faults) => faults.show()),
  },
  {
    method: 'PUT',
    pattern: /^\/faults$/,
    auth: 'secret',
    handler: withFaults((faults, request) => faults.replaceFromBody(request.body)),
  },
  {
    method: 'DELETE',
    pattern: /^\/faults$/,
    auth: 'secret',
    handler: withFaults((faults) => faults.clear()),
  },
  {
    method: 'GET',
    pattern: /^\/metrics$/,
    auth: 'secret',
    handler: (_request, _params, { metrics }) => ({
      status: 200,
      body: metrics?.show() ?? { operations: {} },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/processes$/,
    auth: 'secret',
    handler: withAgents((agents) => listProcesses(agents)),
  },
];

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function routeAdmin(request: AdminRequest, context: AdminContext): AdminReply {
  const matching = routes.filter((route) => route.pattern.test(request.path));
  if (matching.length === 0)
    return { status: 404, body: { message: `no admin route ${request.path}` } };
  const route = matching.find((r) => r.method === request.method);
  if (!route)
    return { status: 405, body: { message: `${request.method} not allowed on ${request.path}` } };
  if (
    route.auth === 'secret' &&
    !sameSecret(request.headers.authorization, `Bearer ${context.secretAccessKey}`)
  ) {
    return {
      status: 401,
      body: { message: 'admin routes need Authorization: Bearer <secret access key>' },
    };
  }
  const params = route.pattern.exec(request.path)!.slice(1);
  return route.handler(request, params, context);
}
