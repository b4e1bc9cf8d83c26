// Traefik's read API as the console accepts it (checked against v3.6), and the Traefik view the console serves.
import { z } from 'zod';

const names = z.array(z.string());

export const traefikVersionSchema = z.looseObject({
  Version: z.string(),
  Codename: z.string().optional(),
  startDate: z.string().optional(),
});

const counts = z.looseObject({ total: z.number(), warnings: z.number(), errors: z.number() });

export const traefikOverviewSchema = z.looseObject({
  http: z.looseObject({ routers: counts, services: counts, middlewares: counts }).optional(),
  tcp: z.looseObject({ routers: counts, services: counts, middlewares: counts }).optional(),
  udp: z.looseObject({ routers: counts, services: counts }).optional(),
  features: z.record(z.string(), z.unknown()).optional(),
  providers: names.nullish(),
});

export const traefikEntrypointSchema = z.looseObject({ name: z.string(), address: z.string() });

/** enabled, disabled or warning. */
const status = z.string();

/** What every router, service and middleware has. */
const traefikObject = z.looseObject({
  name: z.string(),
  provider: z.string(),
  status,
  error: names.optional(),
});

export const tcpRouterSchema = traefikObject.extend({
  rule: z.string().optional(),
  service: z.string().optional(),
  entryPoints: names.optional(),
});

export const udpRouterSchema = tcpRouterSchema.omit({ rule: true });

export const httpRouterSchema = tcpRouterSchema.extend({
  middlewares: names.optional(),
  priority: z.number().optional(),
  tls: z.unknown().optional(),
  using: names.optional(),
});

export const middlewareSchema = traefikObject.extend({
  type: z.string().optional(),
  usedBy: names.optional(),
});

const servers = <T extends z.ZodType>(server: T) =>
  z.looseObject({ servers: z.array(server).optional() }).optional();

export const httpServiceSchema = middlewareSchema.extend({
  loadBalancer: servers(z.looseObject({ url: z.string() })),
  serverStatus: z.record(z.string(), z.string()).optional(),
});

/** TCP and UDP servers have an address, not a URL. */
export const tcpServiceSchema = httpServiceSchema.extend({
  loadBalancer: servers(z.looseObject({ address: z.string() })),
});

export const rawDataSchema = z.looseObject({
  routers: z.record(z.string(), z.unknown()).optional(),
  services: z.record(z.string(), z.unknown()).optional(),
  middlewares: z.record(z.string(), z.unknown()).optional(),
});

/** Traefik's error body, e.g. 404 `{"message": "router not found: X"}`. */
export const traefikMessageSchema = z.object({ message: z.string() });

export type TraefikVersion = z.infer<typeof traefikVersionSchema>;
export type TraefikEntrypoint = z.infer<typeof traefikEntrypointSchema>;
export type HttpRouter = z.infer<typeof httpRouterSchema>;
export type HttpService = z.infer<typeof httpServiceSchema>;
export type Middleware = z.infer<typeof middlewareSchema>;

// ---- The console's Traefik view (server → browser) ----

export const traefikSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('configured'), url: z.string() }),
  z.object({
    kind: z.literal('discovered'),
    url: z.string(),
    taskArn: z.string(),
    serviceName: z.string().nullable(),
    containerInstanceArn: z.string(),
    ec2InstanceId: z.string().nullable(),
    ip: z.string(),
    hostPort: z.number(),
    containerPort: z.number(),
  }),
  z.object({ kind: z.literal('not-found'), reason: z.string() }),
]);
export type TraefikSource = z.infer<typeof traefikSourceSchema>;

export const serverMatchSchema = z.object({
  url: z.string(),
  /** Traefik's own name for the service, e.g. whoami@ecs. */
  traefikService: z.string(),
  status: z.string().nullable(),
  task: z
    .object({
      taskArn: z.string(),
      taskId: z.string(),
      serviceName: z.string().nullable(),
      containerInstanceId: z.string().nullable(),
      ec2InstanceId: z.string().nullable(),
    })
    .nullable(),
});

export const taskMatchSchema = z.object({
  taskArn: z.string(),
  taskId: z.string(),
  serviceName: z.string().nullable(),
  /** Traefik service names (unqualified) the task's labels declare. */
  traefikServices: z.array(z.string()),
  expectedUrls: z.array(z.string()),
  servers: z.array(z.string()),
  runningSince: z.string().nullable(),
  unroutedForSeconds: z.number().nullable(),
});

export const reconcileFlagSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('task-not-routed'),
    taskArn: z.string(),
    taskId: z.string(),
    serviceName: z.string().nullable(),
    forSeconds: z.number().nullable(),
    /** True while the wait is within two of Traefik's refresh intervals: expected, not yet a fault. */
    withinRefresh: z.boolean(),
  }),
  z.object({
    kind: z.literal('server-without-task'),
    url: z.string(),
    traefikService: z.string(),
  }),
]);

export const reconciliationSchema = z.object({
  servers: z.array(serverMatchSchema),
  tasks: z.array(taskMatchSchema),
  flags: z.array(reconcileFlagSchema),
  refreshSeconds: z.number(),
});
export type ServerMatch = z.infer<typeof serverMatchSchema>;
export type TaskMatch = z.infer<typeof taskMatchSchema>;
export type ReconcileFlag = z.infer<typeof reconcileFlagSchema>;
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const traefikViewSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    source: traefikSourceSchema,
    url: z.string(),
    version: traefikVersionSchema,
    entrypoints: z.array(traefikEntrypointSchema),
    routers: z.array(httpRouterSchema),
    services: z.array(httpServiceSchema),
    middlewares: z.array(middlewareSchema),
    reconciliation: reconciliationSchema,
    fetchedAt: z.string(),
  }),
  z.object({
    state: z.literal('unreachable'),
    source: traefikSourceSchema,
    url: z.string(),
    error: z.string(),
    fetchedAt: z.string(),
  }),
  z.object({
    state: z.literal('not-found'),
    source: traefikSourceSchema,
    fetchedAt: z.string(),
  }),
]);
export type TraefikView = z.infer<typeof traefikViewSchema>;
