// Traefik router rules in plain words: Host(`a.com`) && PathPrefix(`/x`) → "Host is a.com and Path starts with /x".

const MATCHERS: Record<string, (args: string[]) => string> = {
  Host: ([host]) => `Host is ${host}`,
  HostRegexp: ([regex]) => `Host matches ${regex}`,
  HostSNI: ([host]) => (host === '*' ? 'any SNI host' : `SNI host is ${host}`),
  HostSNIRegexp: ([regex]) => `SNI host matches ${regex}`,
  Path: ([path]) => `Path is ${path}`,
  PathPrefix: ([prefix]) => `Path starts with ${prefix}`,
  PathRegexp: ([regex]) => `Path matches ${regex}`,
  Method: ([method]) => `Method is ${method}`,
  Header: ([name, value]) => `Header ${name} is ${value}`,
  HeaderRegexp: ([name, regex]) => `Header ${name} matches ${regex}`,
  Query: ([name, value]) =>
    value === undefined ? `Query has ${name}` : `Query ${name} is ${value}`,
  QueryRegexp: ([name, regex]) => `Query ${name} matches ${regex}`,
  ClientIP: ([ip]) => `Client IP in ${ip}`,
  ALPN: ([protocol]) => `ALPN is ${protocol}`,
};

const TOKEN =
  /\s+|&&|\|\||!|\(|\)|([A-Za-z]+)\(\s*((?:`[^`]*`|"[^"]*")(?:\s*,\s*(?:`[^`]*`|"[^"]*"))*)?\s*\)/y;
const ARGUMENT = /`([^`]*)`|"([^"]*)"/g;

/** The rule in words, or the rule itself when it uses syntax this does not know. */
export function ruleText(rule: string): string {
  const words: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rule.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(rule);
    if (!match || match.index !== start) return rule;
    const [token, matcher, args] = match;
    if (matcher !== undefined) {
      const render = MATCHERS[matcher];
      if (!render) return rule;
      const values = [...(args ?? '').matchAll(ARGUMENT)].map((m) => m[1] ?? m[2] ?? '');
      if (values.length === 0) return rule;
      words.push(render(values));
    } else if (token === '&&') words.push('and');
    else if (token === '||') words.push('or');
    else if (token === '!') words.push('not');
    else if (token === '(' || token === ')') words.push(token);
  }
  return words.join(' ').replaceAll('( ', '(').replaceAll(' )', ')');
}
