// `npm start`: installs what is missing, starts the lab (unless real AWS is configured) and the console.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureSetup } from './setup.mjs';

const root = path.resolve(import.meta.dirname, '..');
const useAws = Boolean(process.env.AWS_REGION) && !process.env.LAB_ENDPOINT;
const children = [];

function stopAll(code) {
  // Each child leads its own process group, so npx and the servers it starts stop together.
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function prefixed(child, label) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) console.log(`[${label}] ${line}`);
    });
  }
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolve(match);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${what} exited with ${code} before it was ready`)),
    );
  });
}

async function startLab() {
  const lab = spawn(process.execPath, ['--import', 'tsx', 'lab/main.ts'], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(lab);
  prefixed(lab, 'lab');
  lab.once('exit', (code) => {
    console.error(`npm start: the lab exited (${code}); stopping.`);
    stopAll(1);
  });
  const [, endpoint] = await waitForLine(lab, /ECS endpoint: (http:\/\/\S+)/, 'the lab');
  return endpoint;
}

function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${full}:${statSync(full).mtimeMs}:${statSync(full).size}\n`);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'server', 'public']) {
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  }
  for (const file of [
    'package-lock.json',
    'next.config.js',
    'tsconfig.json',
    'postcss.config.mjs',
  ]) {
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

function ensureConsoleBuild() {
  const stampFile = path.join(root, '.next', 'source-stamp');
  const stamp = sourceStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  console.log('npm start: building the console (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm start: the console build failed.');
    process.exit(1);
  }
  writeFileSync(stampFile, stamp);
}

ensureSetup({ images: !useAws });
const env = { ...process.env };
if (!useAws) {
  env.LAB_ENDPOINT = await startLab();
  env.LAB_ACCESS_KEY_ID = process.env.LAB_ACCESS_KEY_ID ?? 'lab';
  env.LAB_SECRET_ACCESS_KEY = process.env.LAB_SECRET_ACCESS_KEY ?? 'lab';
  env.LAB_REGION = process.env.LAB_REGION ?? 'us-east-1';
}
ensureConsoleBuild();
const port = process.env.PORT ?? '3000';
env.CONSOLE_TOKEN = process.env.CONSOLE_TOKEN ?? randomBytes(24).toString('hex');
const next = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
children.push(next);
prefixed(next, 'console');
next.once('exit', (code) => {
  console.error(`npm start: the console exited (${code}); stopping.`);
  stopAll(1);
});
await waitForLine(next, /Ready in|started server|Local:/i, 'the console');
console.log(`\nTarget: ${useAws ? `AWS ${process.env.AWS_REGION}` : `lab at ${env.LAB_ENDPOINT}`}`);
console.log(`Console: http://127.0.0.1:${port}/signin?token=${env.CONSOLE_TOKEN}\n`);
