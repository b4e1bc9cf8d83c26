// What a task definition tells about Traefik: whether a container runs Traefik, its API port and refresh interval, and labels.

export interface TaskDefinitionFacts {
  arn: string;
  networkMode: string | null;
  containers: {
    name: string;
    image: string | null;
    command: string[];
    dockerLabels: Record<string, string>;
  }[];
}

export const DEFAULT_REFRESH_SECONDS = 15;
export const DEFAULT_API_PORT = 8080;

/** `traefik`, `traefik:v3.6`, `docker.io/library/traefik:v3.6@sha256:…`; not `traefik/whoami`. */
export function isTraefikImage(image: string | null | undefined): boolean {
  if (!image) return false;
  const withoutDigest = image.split('@')[0] ?? '';
  const repository = withoutDigest.replace(/:[^/:]+$/, '');
  return ['traefik', 'library/traefik', 'docker.io/library/traefik', 'docker.io/traefik'].includes(
    repository.toLowerCase(),
  );
}

/** The value of a Traefik CLI flag (`--a.b=v` or `--a.b v`); Traefik's flag names ignore case. */
export function flagValue(command: readonly string[], flag: string): string | undefined {
  const wanted = `--${flag}`.toLowerCase();
  for (let i = 0; i < command.length; i++) {
    const arg = command[i] ?? '';
    const [name, ...rest] = arg.split('=');
    if (name?.toLowerCase() !== wanted) continue;
    return rest.length > 0 ? rest.join('=') : command[i + 1];
  }
  return undefined;
}

export function refreshSeconds(command: readonly string[]): number {
  const value = Number(flagValue(command, 'providers.ecs.refreshSeconds'));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_REFRESH_SECONDS;
}

/** The container port of Traefik's API: the `traefik` entrypoint's port, 8080 unless the command moves it. */
export function apiContainerPort(command: readonly string[]): number {
  const address = flagValue(command, 'entrypoints.traefik.address');
  const port = Number(address?.split(':').pop()?.split('/')[0]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_API_PORT;
}

export function hasTraefikLabels(labels: Record<string, string>): boolean {
  return Object.keys(labels).some((key) => key.toLowerCase().startsWith('traefik.'));
}

/** HTTP services the labels declare, with the container port each sends traffic to (null: Traefik picks). */
export function labelledServices(labels: Record<string, string>): Map<string, number | null> {
  const services = new Map<string, number | null>();
  for (const [key, value] of Object.entries(labels)) {
    const match = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.server\.port$/i.exec(key);
    if (!match?.[1]) continue;
    const port = Number(value);
    services.set(match[1], Number.isInteger(port) ? port : null);
  }
  return services;
}

/** Traefik's default service name for an unlabelled container: `service:Whoami` + `whoami` → `service-Whoami-whoami`. */
export function defaultServiceName(group: string | null, container: string): string {
  const base = `${(group ?? '').replace(':', '-')}-${container}`;
  return base.replace(/[^a-zA-Z0-9-]+/g, '-');
}

/** The URL Traefik's ECS provider gives a server: `http://<ip>:<port>`, IPv6 in brackets as Go's JoinHostPort does. */
export function serverUrl(ip: string, port: number): string {
  return `http://${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
}
