// `npm start`: installs what is missing, starts the lab (unless real AWS is configured) and the console.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensureSetup } from './setup.mjs';

const root = path.resolve(import.meta.dirname, '..');
// As the console decides: AWS_REGION or AWS_PROFILE selects AWS, unless a lab endpoint is given.
const useAws =
  Boolean(process.env.AWS_REGION || process.env.AWS_PROFILE) && !process.env.LAB_ENDPOINT;
// A lab already running elsewhere (`npm run lab`): use it instead of starting another.
const ownLab = !useAws && !process.env.LAB_ENDPOINT;
const port = process.env.PORT || '3000';
const children = [];
let stopping = false;

function stopAll(code) {
  stopping = true;
  // The exit below is a deadline; with nothing left running, Node exits sooner, with this code.
  process.exitCode = code;
  // Each child leads its own process group, so npx and what it starts stop together.
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
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

function fail(message) {
  console.error(`npm start: ${message}`);
  stopAll(1);
}

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

function portIsFree(number) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(number, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// Says which variable to change before minutes of building, instead of an EADDRINUSE stack after.
async function checkPorts() {
  const wanted = [['PORT', port, 'the console']];
  if (ownLab) wanted.push(['LAB_PORT', process.env.LAB_PORT || '4599', 'the lab']);
  for (const [name, value, what] of wanted) {
    if (!/^\d+$/.test(value) || Number(value) > 65535) {
      fail(`${name}=${value} is not a port number (0-65535).`);
      return false;
    }
    if (Number(value) !== 0 && !(await portIsFree(Number(value)))) {
      fail(
        `port ${value} (${name}, ${what}) is in use, perhaps by another npm start; stop it or run with ${name}=<another port>.`,
      );
      return false;
    }
  }
  return true;
}

/** A long-running child in its own process group, stopped by stopAll. */
function server(label, command, args, env) {
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  prefixed(child, label);
  child.once('exit', (code, signal) => {
    if (!stopping)
      fail(`${label === 'lab' ? 'the lab' : 'the console'} exited (${code ?? signal}).`);
  });
  return child;
}

async function startLab() {
  const lab = server('lab', process.execPath, ['--import', 'tsx', 'lab/main.ts'], process.env);
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
    'proxy.ts',
    'instrumentation.ts',
  ]) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** Builds the console when its sources changed, while the lab starts; stopAll stops it too. */
function buildConsole(env) {
  const stampFile = path.join(root, '.next', 'source-stamp');
  const stamp = sourceStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return Promise.resolve();
  }
  console.log('npm start: building the console (next build, about a minute)…');
  return new Promise((resolve, reject) => {
    const build = spawn('npx', ['next', 'build'], {
      cwd: root,
      env,
      stdio: 'inherit',
      detached: true,
    });
    children.push(build);
    build.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`the console build failed (${code ?? signal}).`));
      writeFileSync(stampFile, stamp);
      resolve();
    });
  });
}

async function consoleAnswers(url) {
  try {
    return (await fetch(`${url}/signin`)).status === 200;
  } catch {
    return false;
  }
}

async function main() {
  if (!(await checkPorts())) return;
  // Where the lab will look for Traefik and whoami: LAB_IMAGES_DIR, else <LAB_DATA_DIR>/images.
  const imagesDir = path.resolve(
    root,
    process.env.LAB_IMAGES_DIR || path.join(process.env.LAB_DATA_DIR || '.lab', 'images'),
  );
  ensureSetup({ images: ownLab && imagesDir });
  // Next.js otherwise prints a telemetry notice in the middle of the first start.
  const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
  const build = buildConsole(env);
  build.catch((error) => {
    if (!stopping) fail(error.message);
  });
  if (!useAws) {
    env.LAB_ENDPOINT = ownLab ? await startLab() : process.env.LAB_ENDPOINT;
    env.LAB_ACCESS_KEY_ID = process.env.LAB_ACCESS_KEY_ID || 'lab';
    env.LAB_SECRET_ACCESS_KEY = process.env.LAB_SECRET_ACCESS_KEY || 'lab';
    env.LAB_REGION = process.env.LAB_REGION || 'us-east-1';
    // The lab may seed a cluster under another name; open that one.
    if (process.env.LAB_CLUSTER && !process.env.ECS_CLUSTER) {
      env.ECS_CLUSTER = process.env.LAB_CLUSTER;
    }
  }
  await build;
  env.CONSOLE_TOKEN = process.env.CONSOLE_TOKEN || randomBytes(24).toString('hex');
  const next = server('console', 'npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], env);
  await waitForLine(next, /Ready in|started server|Local:/i, 'the console');
  // "Ready" comes before the console checks its configuration; a page that answers means it passed.
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await consoleAnswers(url))) {
    if (stopping) return;
    if (Date.now() > deadline) throw new Error(`the console does not answer at ${url}/signin.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const region = process.env.AWS_REGION || `the region of profile ${process.env.AWS_PROFILE}`;
  console.log(`\nTarget: ${useAws ? `AWS, ${region}` : `lab at ${env.LAB_ENDPOINT}`}`);
  console.log(`Console: ${url}/signin?token=${env.CONSOLE_TOKEN}`);
  console.log(
    `Open the Console URL to sign in. Ctrl-C stops ${ownLab ? 'the console and the lab' : 'the console'}.\n`,
  );
}

main().catch((error) => {
  if (!stopping) fail(error.message);
});
