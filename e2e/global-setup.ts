// Starts a fresh lab and the built console (building it when sources are newer), and hands URL and token to tests.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startLab } from '../lab/test/lab-process';

const root = path.resolve(import.meta.dirname, '..');
const sources = [
  'app',
  'components',
  'lib',
  'server',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))),
  );
}

function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources.map(newestMtime)))
    return;
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('e2e: next build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startConsole(labEndpoint: string, token: string) {
  const port = await freePort();
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      LAB_ENDPOINT: labEndpoint,
      LAB_ACCESS_KEY_ID: 'lab',
      LAB_SECRET_ACCESS_KEY: 'lab',
      LAB_REGION: 'us-east-1',
      CONSOLE_TOKEN: token,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops npx and next-server together.
    detached: true,
  });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`console did not start:\n${output}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready in/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.once('exit', (code) => reject(new Error(`console exited (${code}):\n${output}`)));
    });
    // "Ready" comes before the configuration check; a page that answers means the check passed.
    const url = `http://127.0.0.1:${port}`;
    const response = await fetch(`${url}/signin`);
    if (response.status !== 200) throw new Error(`console answered ${response.status}:\n${output}`);
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

export default async function globalSetup() {
  const lab = await startLab();
  try {
    ensureBuild();
    const token = randomBytes(24).toString('hex');
    const app = await startConsole(lab.endpoint, token);
    // Workers inherit the runner's environment, which is how tests learn the URL and token.
    process.env.E2E_BASE_URL = app.url;
    process.env.E2E_TOKEN = token;
    process.env.E2E_LAB_ENDPOINT = lab.endpoint;
    return async () => {
      app.stop();
      await lab.stop();
    };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}
