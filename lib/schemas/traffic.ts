// Traffic runs: the parameters an admin may choose, the discovered defaults, and the live updates streamed to the browser.
import { z } from 'zod';

export const TRAFFIC_LIMITS = {
  maxRate: 500,
  maxDurationSeconds: 600,
  maxConcurrency: 64,
  /** The browser sees at most this many updates a second. */
  maxUpdatesPerSecond: 4,
} as const;

export const TRAFFIC_DEFAULTS = { rate: 20, durationSeconds: 60, concurrency: 16 } as const;

// RFC 1123 host name, compared lowercase; it only ever becomes a Host header value, never an address.
export const trafficHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'A host name has at most 253 characters.')
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'Use a DNS name such as whoami.domain.com (letters, digits, hyphens, dots; no scheme or port).',
  );

// A request path on the entrypoint: no scheme or authority, no dot segments, no encoded traversal.
export const trafficPathSchema = z
  .string()
  .trim()
  .max(1024, 'A path has at most 1024 characters.')
  .regex(/^\/(?!\/)/, 'Start the path with a single / (no scheme, host or //).')
  .regex(
    /^[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/,
    "Use letters, digits, / and - . _ ~ ! $ & ' ( ) * + , ; = : @ % only (no spaces, ? or #).",
  )
  .refine(
    (path) => !path.split('/').some((segment) => segment === '.' || segment === '..'),
    'A path may not contain . or .. segments.',
  )
  .refine(
    (path) => !/%(2e|2f|5c|00)/i.test(path) && !/%(?![0-9a-f]{2})/i.test(path),
    'A path may not contain encoded dots, slashes, backslashes, NULs or stray %.',
  );

export const trafficTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), host: trafficHostSchema }),
  z.object({ kind: z.literal('path'), path: trafficPathSchema }),
]);
export type TrafficTarget = z.infer<typeof trafficTargetSchema>;

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

export const trafficRunInput = z.object({
  target: trafficTargetSchema,
  rate: wholeNumber('Rate', 1, TRAFFIC_LIMITS.maxRate).default(TRAFFIC_DEFAULTS.rate),
  durationSeconds: wholeNumber('Duration', 1, TRAFFIC_LIMITS.maxDurationSeconds).default(
    TRAFFIC_DEFAULTS.durationSeconds,
  ),
  concurrency: wholeNumber('Concurrency', 1, TRAFFIC_LIMITS.maxConcurrency).default(
    TRAFFIC_DEFAULTS.concurrency,
  ),
});
export type TrafficRunInput = z.input<typeof trafficRunInput>;
export type TrafficRunParams = z.output<typeof trafficRunInput>;

/** Every field's first problem, keyed by its dotted path ('rate', 'target.host'). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'input';
    out[field] ??= issue.message;
  }
  return out;
}

export const invalidInputBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  fields: z.record(z.string(), z.string()).optional(),
});

/** A router found in the task definitions' Traefik labels: a default target for a run. */
export const trafficRouteSchema = z.object({
  router: z.string(),
  rule: z.string(),
  target: trafficTargetSchema,
  /** The ECS service whose tasks carry the label, when they belong to one. */
  service: z.string().nullable(),
});
export type TrafficRoute = z.infer<typeof trafficRouteSchema>;

export const trafficEntrypointSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  entrypoint: z.string(),
  taskArn: z.string(),
  service: z.string().nullable(),
});
export type TrafficEntrypoint = z.infer<typeof trafficEntrypointSchema>;

export const errorKinds = ['ECONNREFUSED', 'ECONNRESET', 'timeout', 'other'] as const;

export const backendStatsSchema = z.object({
  /** whoami's Hostname: the container id (first 12 characters of the ECS container runtimeId). */
  id: z.string(),
  count: z.number(),
  /** Share of all answered requests since the run started. */
  totalShare: z.number(),
  /** Share of the answers in the recent window: what drops to 0 when a task stops. */
  share: z.number(),
  active: z.boolean(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  task: z
    .object({
      arn: z.string(),
      id: z.string(),
      service: z.string().nullable(),
      lastStatus: z.string(),
    })
    .nullable(),
  instance: z
    .object({ id: z.string(), ec2InstanceId: z.string().nullable(), ip: z.string().nullable() })
    .nullable(),
});
export type BackendStats = z.infer<typeof backendStatsSchema>;

export const timelinePointSchema = z.object({
  /** Whole seconds since the run started. */
  t: z.number(),
  counts: z.record(z.string(), z.number()),
  /** Error counts by kind: 'HTTP 502', 'ECONNREFUSED', 'timeout', … */
  errors: z.record(z.string(), z.number()),
});
export type TimelinePoint = z.infer<typeof timelinePointSchema>;

export const backendChangeSchema = z.object({
  t: z.number(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type BackendChange = z.infer<typeof backendChangeSchema>;

export const trafficTotalsSchema = z.object({
  sent: z.number(),
  ok: z.number(),
  errors: z.number(),
  skipped: z.number(),
  inFlight: z.number(),
  achievedRate: z.number(),
  /** Errors since the run started, by kind. */
  errorsByKind: z.record(z.string(), z.number()),
});

export const trafficUpdateSchema = z.object({
  runId: z.string(),
  params: z.object({
    target: trafficTargetSchema,
    rate: z.number(),
    durationSeconds: z.number(),
    concurrency: z.number(),
  }),
  entrypoint: z.object({ host: z.string(), port: z.number() }),
  elapsedMs: z.number(),
  totals: trafficTotalsSchema,
  backends: z.array(backendStatsSchema),
  /** The most recent seconds only (older ones are not resent). */
  timeline: z.array(timelinePointSchema),
  changes: z.array(backendChangeSchema),
});
export type TrafficUpdate = z.infer<typeof trafficUpdateSchema>;

export const endReasons = ['completed', 'stopped', 'disconnected', 'failed'] as const;
export type EndReason = (typeof endReasons)[number];

export const trafficEndSchema = z.object({
  reason: z.enum(endReasons),
  message: z.string(),
});
export type TrafficEnd = z.infer<typeof trafficEndSchema>;

export const trafficRunStartedSchema = z.object({
  runId: z.string(),
  entrypoint: z.object({ host: z.string(), port: z.number() }),
});
