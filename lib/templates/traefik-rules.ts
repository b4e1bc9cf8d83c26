// Builds Traefik router rules and Docker-label keys from already validated names, refusing anything that could escape them.

// Backticks delimit rule arguments; quotes, whitespace and control characters have no place in hosts or paths.
const UNSAFE_IN_RULE = /[`'"\\\s\p{Cc}]/u;
// Label keys are dot-separated paths: a dot (or anything odd) in a name would address another option.
const LABEL_KEY_SEGMENT = /^[A-Za-z0-9-]{1,64}$/;

function ruleArgument(value: string): string {
  if (value.length === 0 || UNSAFE_IN_RULE.test(value)) {
    throw new Error(`Unsafe value in a Traefik rule: ${JSON.stringify(value)}`);
  }
  return `\`${value}\``;
}

export function hostRule(host: string): string {
  return `Host(${ruleArgument(host)})`;
}

export function pathRule(path: string): string {
  return `Path(${ruleArgument(path)})`;
}

export function labelKeySegment(name: string): string {
  if (!LABEL_KEY_SEGMENT.test(name)) {
    throw new Error(`Unsafe name in a Traefik label key: ${JSON.stringify(name)}`);
  }
  return name;
}

export function routerLabels(
  router: string,
  rule: string,
  service: string,
  entrypoint: string,
): Record<string, string> {
  const prefix = `traefik.http.routers.${labelKeySegment(router)}`;
  return {
    [`${prefix}.entrypoints`]: labelKeySegment(entrypoint),
    [`${prefix}.rule`]: rule,
    [`${prefix}.service`]: labelKeySegment(service),
  };
}

export function servicePortLabel(service: string, port: number): Record<string, string> {
  return {
    [`traefik.http.services.${labelKeySegment(service)}.loadbalancer.server.port`]: String(port),
  };
}
