// Installs what is missing before start or test: npm packages, Debian packages (as root), the lab's images.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const systemPackages = { chromium: '/usr/bin/chromium', awscli: '/usr/bin/aws' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(
      `setup: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(1);
  }
}

function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.install-stamp');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('setup: installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

function ensureSystemPackages(names) {
  const missing = names.filter((name) => !existsSync(systemPackages[name]));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `setup: missing system packages; run: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`setup: installing ${missing.join(', ')} with apt-get…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** `images`: true builds into the test labs' `.lab/images`; a path builds there (npm start's lab's own). */
export function ensureSetup({ images = false, browser = false } = {}) {
  ensureNodeModules();
  ensureSystemPackages(browser ? ['chromium', 'awscli'] : ['awscli']);
  if (images) {
    const imagesDir =
      typeof images === 'string'
        ? images
        : (process.env.LAB_IMAGES_DIR ?? path.join(root, '.lab', 'images'));
    run(process.execPath, ['lab/images/build.mjs'], {
      env: { ...process.env, LAB_IMAGES_DIR: imagesDir },
    });
  }
}
