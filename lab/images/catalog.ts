// The lab's image catalog: which image references run which locally built binary.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type ImageKind = 'traefik' | 'whoami';

const repositories: Record<string, ImageKind> = {
  traefik: 'traefik',
  'library/traefik': 'traefik',
  'traefik/whoami': 'whoami',
  'containous/whoami': 'whoami',
};

const dockerHub = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

// Image references are [registry/]repository[:tag][@digest]; only Docker Hub's names are in the catalog.
export function resolveImage(image: string): ImageKind | undefined {
  const withoutDigest = image.trim().split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = (colon === -1 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
  const parts = name.split('/');
  const repository =
    parts.length > 1 && dockerHub.has(parts[0] ?? '') ? parts.slice(1).join('/') : name;
  return Object.hasOwn(repositories, repository) ? repositories[repository] : undefined;
}

export function imageBinary(imagesDir: string, kind: ImageKind): string {
  return path.join(imagesDir, 'bin', kind);
}

export function imageReady(imagesDir: string, kind: ImageKind): boolean {
  try {
    accessSync(imageBinary(imagesDir, kind), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function catalogDescription(): string {
  return "the lab's image catalog has traefik[:<tag>] and traefik/whoami[:<tag>]";
}
