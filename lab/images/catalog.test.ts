import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogDescription, imageBinary, imageReady, resolveImage } from './catalog';

describe('resolveImage', () => {
  it.each([
    'traefik',
    'traefik:v3.6',
    'traefik:v3.x',
    'traefik:latest',
    'library/traefik:v3.6.12',
    'docker.io/library/traefik:3.6',
    'docker.io/traefik',
    'traefik:v3.6@sha256:0123abcd',
  ])('maps %s to traefik', (image) => {
    expect(resolveImage(image)).toBe('traefik');
  });

  it.each([
    'traefik/whoami',
    'traefik/whoami:v1.11.0',
    'docker.io/traefik/whoami:latest',
    'containous/whoami',
    'containous/whoami:v1.5.0',
  ])('maps %s to whoami', (image) => {
    expect(resolveImage(image)).toBe('whoami');
  });

  it.each([
    'nginx',
    'nginx:latest',
    'traefik/traefik',
    'traefikwhoami',
    'whoami',
    'ghcr.io/traefik/whoami',
    'quay.io/library/traefik:v3',
    'my-registry:5000/traefik',
    'traefik/whoami-extra',
    '',
    'constructor',
  ])('does not know %s', (image) => {
    expect(resolveImage(image)).toBeUndefined();
  });
});

describe('image binaries', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is ready only once an executable binary is in place', () => {
    const imagesDir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    dirs.push(imagesDir);
    expect(imageBinary(imagesDir, 'whoami')).toBe(path.join(imagesDir, 'bin', 'whoami'));
    expect(imageReady(imagesDir, 'whoami')).toBe(false);
    mkdirSync(path.join(imagesDir, 'bin'));
    writeFileSync(imageBinary(imagesDir, 'whoami'), '#!/bin/sh\n');
    chmodSync(imageBinary(imagesDir, 'whoami'), 0o644);
    // Root may read anything but X_OK still needs an execute bit somewhere.
    expect(imageReady(imagesDir, 'whoami')).toBe(false);
    chmodSync(imageBinary(imagesDir, 'whoami'), 0o755);
    expect(imageReady(imagesDir, 'whoami')).toBe(true);
    expect(imageReady(imagesDir, 'traefik')).toBe(false);
  });

  it('describes the catalog for error messages', () => {
    expect(catalogDescription()).toMatch(/traefik\[:<tag>\].*traefik\/whoami/);
  });
});
