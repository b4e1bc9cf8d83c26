// The walkthrough's wire shapes: the routing probe's input and result, and the live evidence the steps are judged by.
import { z } from 'zod';
import { deployWhoamiDefaults } from '@/lib/schemas/actions';
import { clusterSnapshotSchema } from '@/lib/schemas/snapshot';
import { traefikViewSchema } from '@/lib/schemas/traefik';
import { trafficHostSchema, trafficPathSchema } from '@/lib/schemas/traffic';

export const PROBE_MAX_REQUESTS = 20;

export const probeRoutingInput = z.object({
  mode: z.enum(['host', 'path']),
  // Absent: the rule in the deployed web app's labels, else the deploy form's default.
  host: trafficHostSchema.optional(),
  path: trafficPathSchema.optional(),
  count: z.coerce
    .number()
    .int('Use a whole number.')
    .min(1, 'Send at least 1 request.')
    .max(PROBE_MAX_REQUESTS, `At most ${PROBE_MAX_REQUESTS} requests.`),
  // The ECS service whose deployment the probe measures.
  service: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'Not an ECS service name.')
    .default(deployWhoamiDefaults.serviceName),
});
export type ProbeRoutingInput = z.input<typeof probeRoutingInput>;
export type ProbeMode = z.infer<typeof probeRoutingInput>['mode'];

export const probeRequestSchema = z.object({
  index: z.number(),
  /** HTTP status, null when no answer came. */
  status: z.number().nullable(),
  /** whoami's Hostname: the container that answered. */
  hostname: z.string().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
});
export type ProbeRequest = z.infer<typeof probeRequestSchema>;

export const probeResultSchema = z.object({
  mode: z.enum(['host', 'path']),
  /** The Host header sent and the path requested. */
  host: z.string(),
  path: z.string(),
  count: z.number(),
  entrypoint: z.object({ host: z.string(), port: z.number() }),
  requests: z.array(probeRequestSchema),
  distinct: z.number(),
  /** Every request answered 200 by a different container. */
  allDiffer: z.boolean(),
  at: z.string(),
  /** The web app deployment measured: a newer deployment makes this probe stale. */
  app: z
    .object({ service: z.string(), taskDefinition: z.string(), desiredCount: z.number() })
    .nullable(),
  cli: z.string(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** What a service's task definition tells Traefik: its routers' hosts and paths and its Traefik services. */
export const appRoutesSchema = z.object({
  service: z.string(),
  taskDefinition: z.string(),
  hosts: z.array(z.string()),
  paths: z.array(z.string()),
  routers: z.array(z.string()),
  traefikServices: z.array(z.string()),
});
export type AppRoutes = z.infer<typeof appRoutesSchema>;

export const walkthroughEvidenceSchema = z.object({
  snapshot: clusterSnapshotSchema,
  traefik: traefikViewSchema,
  apps: z.array(appRoutesSchema),
  /** Traefik's web entrypoint as discovered from ECS, where the probes go. */
  entrypoint: z.object({ host: z.string(), port: z.number() }).nullable(),
  entrypointProblem: z.string().nullable(),
  probes: z.object({ host: probeResultSchema.nullable(), path: probeResultSchema.nullable() }),
  fetchedAt: z.string(),
});
export type WalkthroughEvidence = z.infer<typeof walkthroughEvidenceSchema>;
