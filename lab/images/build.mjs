// Builds the lab's image catalog (Traefik and whoami) from their Go modules into <imagesDir>/bin, cached by a stamp.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '..', '..');

const imagesDir = path.resolve(
  process.env.LAB_IMAGES_DIR ||
    path.join(process.env.LAB_DATA_DIR || path.join(root, '.lab'), 'images'),
);
const binDir = path.join(imagesDir, 'bin');

const traefikVersion = requiredVersion(
  path.join(here, 'traefik', 'go.mod'),
  'github.com/traefik/traefik/v3',
);

const images = [
  {
    name: 'traefik',
    version: traefikVersion,
    title: `traefik ${traefikVersion}`,
    moduleDir: path.join(here, 'traefik'),
    pkg: 'github.com/traefik/traefik/v3/cmd/traefik',
    ldflags: `-s -w -X github.com/traefik/traefik/v3/pkg/version.Version=${traefikVersion}`,
    note: ' (first build takes several minutes)',
  },
  {
    name: 'whoami',
    version: 'lab',
    title: "whoami (the lab's whoami-compatible server)",
    moduleDir: path.join(here, 'whoami'),
    pkg: '.',
    ldflags: '-s -w',
    note: '',
  },
];

function requiredVersion(goMod, modulePath) {
  const match = new RegExp(
    `^\\s*(?:require\\s+)?${modulePath.replaceAll('.', '\\.')}\\s+(v\\S+)`,
    'm',
  ).exec(readFileSync(goMod, 'utf8'));
  if (!match) throw new Error(`lab images: ${goMod} does not require ${modulePath}`);
  return match[1];
}

function goVersion() {
  try {
    return execFileSync('go', ['version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    if (error.code === 'ENOENT') {
      fail(
        'lab images: Go is needed to build Traefik and whoami, but `go` is not on PATH. Install Go 1.26 or later (https://go.dev/dl/) and run `npm run lab:images` again.',
      );
    }
    throw error;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function stampOf(image, go) {
  const hash = createHash('sha256');
  hash.update(`${go}\n${image.pkg}\n${image.ldflags}\n`);
  const sources = readdirSync(image.moduleDir)
    .filter((file) => file === 'go.mod' || file === 'go.sum' || file.endsWith('.go'))
    .sort();
  for (const file of sources) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(image.moduleDir, file)));
  }
  return hash.digest('hex');
}

function readStamp(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function writeAtomically(file, content) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function goBuild(image, output) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'go',
      ['build', '-trimpath', `-ldflags=${image.ldflags}`, '-o', output, image.pkg],
      {
        cwd: image.moduleDir,
        env: { ...process.env, CGO_ENABLED: '0' },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`lab images: go build of ${image.name} failed (${signal ?? `exit ${code}`})`),
          ),
    );
  });
}

async function ensure(image, go) {
  const binary = path.join(binDir, image.name);
  const stampFile = `${binary}.stamp`;
  const stamp = stampOf(image, go);
  if (existsSync(binary) && readStamp(stampFile) === stamp) {
    console.log(`lab images: ${image.name} ready (cached)`);
    return;
  }
  console.log(`lab images: building ${image.title}${image.note}…`);
  const started = Date.now();
  // A unique temporary name: an interrupted or concurrent build never leaves a half binary under the real name.
  const temp = path.join(binDir, `.${image.name}.${process.pid}.tmp`);
  try {
    await goBuild(image, temp);
    renameSync(temp, binary);
  } finally {
    rmSync(temp, { force: true });
  }
  writeAtomically(stampFile, `${stamp}\n`);
  console.log(
    `lab images: ${image.name} ready (built in ${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// Labs and test runs share one images directory: a second build waits for the first instead of repeating it.
async function withBuildLock(build) {
  const lock = path.join(imagesDir, '.build.lock');
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(readStamp(lock));
    if (holder && !isAlive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!announced)
      console.log(`lab images: waiting for the build already running (pid ${holder})…`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  try {
    await build();
  } finally {
    rmSync(lock, { force: true });
  }
}

async function main() {
  const go = goVersion();
  mkdirSync(binDir, { recursive: true });
  await withBuildLock(async () => {
    for (const image of images) await ensure(image, go);
  });
  const catalog = Object.fromEntries(
    images.map((image) => [
      image.name,
      { version: image.version, binary: path.join(binDir, image.name) },
    ]),
  );
  writeAtomically(path.join(imagesDir, 'catalog.json'), `${JSON.stringify(catalog, null, 2)}\n`);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
