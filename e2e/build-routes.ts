// The console's routes as the build records them (.next/server manifests): pages, route handlers and server actions.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '..', '.next', 'server');

export interface BuiltRoute {
  kind: 'page' | 'route';
  /** The route as written, without route groups, e.g. `/instances/[id]`. */
  pattern: string;
  /** A URL path for it, dynamic segments filled in. */
  url: string;
}

export interface BuiltServerAction {
  id: string;
  /** `file#export`, e.g. `server/actions/scale-service.ts#scaleService`. */
  name: string;
}

const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(path.join(server, file), 'utf8')) as T;

export function builtRoutes(): BuiltRoute[] {
  return Object.keys(readJson<Record<string, string>>('app-paths-manifest.json')).map((key) => {
    const match = /^(.*)\/(page|route)$/.exec(key);
    if (!match) throw new Error(`a build entry the tests do not know how to check: ${key}`);
    const pattern =
      match[1]!
        .split('/')
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .join('/') || '/';
    const url = pattern.replace(/\[\.\.\.[^\]]+\]/g, 'api/version').replace(/\[[^\]]+\]/g, 'x');
    return { kind: match[2] as BuiltRoute['kind'], pattern, url };
  });
}

export function builtServerActions(): BuiltServerAction[] {
  const manifest = readJson<{
    node: Record<string, { filename?: string; exportedName?: string }>;
    edge: Record<string, unknown>;
  }>('server-reference-manifest.json');
  if (Object.keys(manifest.edge).length > 0) throw new Error('edge server actions are not checked');
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: `${entry.filename}#${entry.exportedName}`,
  }));
}
