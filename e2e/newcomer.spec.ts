// A newcomer's run: a fresh copy of the repo, the README's first quick-start command, the walkthrough across a restart, Ctrl-C.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// npm ci, the Go builds and next build on a fresh copy, then the walkthrough on real processes.
const FIRST_START = 10 * 60_000;
const CONVERGE = { timeout: 120_000 };

/** The repo as a clone of the working tree would see it: tracked and untracked-not-ignored files. */
function freshCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'anywhere-newcomer-'));
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
    },
  )
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    // Deleted in the working tree but not yet committed: a clone after the commit lacks it too.
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file), { preserveTimestamps: true });
  }
  return dir;
}

/** The commands of the README's "Quick start" block, so README drift breaks this test. */
function quickStart(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below the ephemeral range: the first start takes minutes, and an ephemeral port that
 * is free now may be another process's outgoing connection by then.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await portIsFree(port)) return port;
  }
}

/** A newcomer's shell: no test runner, npm, AWS or console variables; only the ones the README names. */
function newcomerEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(E2E_|LAB_|ECS_|TRAEFIK_|CONSOLE_|TEST_|PW_|PLAYWRIGHT|FORCE_COLOR$|npm_|NODE_OPTIONS$|PORT$)/i.test(
          key,
        ) && !(key.startsWith('AWS_') && key !== 'AWS_CA_BUNDLE'),
    ),
  );
  return { ...env, ...vars } as NodeJS.ProcessEnv;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The printed sign-in URL and how long it took to appear. */
  ready: Promise<{ url: string; ms: number }>;
  exited: Promise<string>;
}

/** Runs `command` as a terminal would, copying its output to `logFile` as it comes. */
function run(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeout: number,
  logFile: string,
): Started {
  const started = Date.now();
  // Its own process group, like a terminal's foreground job, so Ctrl-C can be sent to all of it.
  const child = spawn('sh', ['-c', command], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = createWriteStream(logFile);
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    });
  }
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(String(code ?? signal))),
  );
  const ready = new Promise<{ url: string; ms: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "Console:" line in ${timeout / 1000} s:\n${output}`)),
      timeout,
    );
    const onData = () => {
      const url = /^Console: (http:\/\/\S+\/signin\?token=\S+)$/m.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, ms: Date.now() - started });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`"${command}" ended (${how}) before printing the URL:\n${output}`));
    });
  });
  return { child, output: () => output, ready, exited };
}

/**
 * Processes started from the copy: working directory or command line inside it. A zombie has neither:
 * it has ended and only waits for init to reap it.
 */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cwd.startsWith(dir) || command.includes(dir)) found.push(`${pid} ${command}`);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found;
}

async function pressCtrlC(started: Started, dir: string) {
  process.kill(-started.child.pid!, 'SIGINT');
  const how = await Promise.race([
    started.exited,
    new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000)),
  ]);
  expect(how, started.output()).not.toBe('still running');
  await expect.poll(() => processesIn(dir), { timeout: 15_000 }).toEqual([]);
}

const step = (page: Page, id: string) => page.getByTestId(`walkthrough-step-${id}`);
const button = (scope: Locator, name: string) => scope.getByRole('button', { name, exact: true });
const done = (page: Page, id: string) =>
  expect(step(page, id)).toHaveAttribute('data-status', 'done', CONVERGE);

async function openWalkthrough(page: Page) {
  await page.getByRole('link', { name: 'Walkthrough' }).click();
  await expect(page.getByRole('heading', { name: 'Walkthrough', level: 1 })).toBeVisible();
}

/** Assign roles, deploy LoadBalancer and Whoami, each by its button, each until its live check passes. */
async function deploySteps(page: Page) {
  await done(page, 'cluster');
  await button(step(page, 'roles'), 'Assign roles').click();
  await done(page, 'roles');
  await button(step(page, 'load-balancer'), 'Deploy LoadBalancer').click();
  await done(page, 'load-balancer');
  await button(step(page, 'web-app'), 'Deploy Whoami').click();
  await done(page, 'web-app');
}

/** Both routing tests; returns how many different containers answered each. */
async function routingSteps(page: Page): Promise<number> {
  let answered = 0;
  for (const [id, mode] of [
    ['host-routing', 'host'],
    ['path-routing', 'path'],
  ] as const) {
    // The form proposes one request per Whoami task; each must reach a different container.
    const scope = step(page, id);
    const count = Number(await scope.getByLabel('Requests', { exact: true }).inputValue());
    expect(count).toBeGreaterThan(1);
    await button(scope, `Send ${count} requests`).click();
    const results = scope.getByTestId(`probe-results-${mode}`);
    await expect(results.getByTestId('probe-row')).toHaveCount(count, CONVERGE);
    await expect(results.getByTestId('probe-verdict')).toContainText(`All ${count} differ`);
    const hostnames = await results.getByTestId('probe-hostname').allTextContents();
    expect(new Set(hostnames).size).toBe(count);
    await done(page, id);
    answered = count;
  }
  return answered;
}

/** Live traffic across every backend: the README's screenshot. */
async function trafficView(page: Page, backendCount: number) {
  await page.getByRole('link', { name: 'Traffic' }).click();
  await page.getByLabel('Rate (req/s)').fill('50');
  await page.getByLabel('Duration (s)').fill('20');
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'running');
  const backends = page.locator('[data-testid="backend-row"][data-active="true"]');
  await expect(backends).toHaveCount(backendCount, CONVERGE);
  // Enough requests for the chart to show each backend's share settling.
  const sent = page.getByTestId('total-sent').locator('dd');
  await expect
    .poll(async () => Number((await sent.innerText()).replace(/\D/g, '')), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(500);
  await page.screenshot({ path: path.join('test-results', 'screenshots', 'traffic-view.png') });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-reason', 'completed', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('total-errors')).toContainText('0');
}

test('a newcomer follows the README: npm start on a fresh copy, the walkthrough, Ctrl-C, a fast second start', async ({
  page,
}, testInfo) => {
  test.setTimeout(20 * 60_000);
  const commands = quickStart();
  expect(commands, 'the README quick start is exactly two commands').toHaveLength(2);
  const dir = freshCopy();
  const ports = { PORT: String(await freePort()), LAB_PORT: String(await freePort()) };
  // Its own loopback range, so its Traefik's ports never meet another lab's.
  const range = `127.${40 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.`;
  const env = newcomerEnv({ ...ports, LAB_ADDRESS_PREFIX: range });
  try {
    const first = run(commands[0]!, dir, env, FIRST_START, testInfo.outputPath('first-start.log'));
    const { url, ms: firstMs } = await first.ready;
    console.log(`newcomer: first start printed the URL after ${firstMs} ms`);
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await openWalkthrough(page);
    await deploySteps(page);
    const backends = await routingSteps(page);
    await trafficView(page, backends);
    // Ctrl-C with everything running: the console, the lab, Traefik and every whoami stop.
    const running = processesIn(dir).join('\n');
    expect(running).toMatch(/\/traefik /);
    expect(running.match(/\/whoami /g)).toHaveLength(backends);
    await pressCtrlC(first, dir);

    // The second start installs and builds nothing, and the lab brings the cluster back as it was.
    const second = run(commands[0]!, dir, env, 60_000, testInfo.outputPath('second-start.log'));
    const { url: secondUrl, ms: secondMs } = await second.ready;
    console.log(`newcomer: second start printed the URL after ${secondMs} ms`);
    expect(second.output()).not.toMatch(/npm ci|next build|building traefik/);
    expect(secondMs).toBeLessThan(30_000);
    await page.goto(secondUrl);
    await openWalkthrough(page);
    for (const id of ['cluster', 'roles', 'load-balancer', 'web-app']) await done(page, id);
    expect(await routingSteps(page)).toBe(backends);
    await button(step(page, 'clean-up'), 'Clean up').click();
    await done(page, 'clean-up');
    await expect(page.getByTestId('walkthrough-summary')).toContainText('Walkthrough complete');
    await pressCtrlC(second, dir);
  } finally {
    for (const left of processesIn(dir)) process.kill(Number(left.split(' ')[0]), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
