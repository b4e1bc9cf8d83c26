// The lab's entry point (`npm run lab [-- --reset]`, `npm run lab -- instance …`, `npm run lab -- faults …`): serves ECS and SSM, runs the agents.
import { parseArgs } from 'node:util';
import { FAULT_USAGE, runFaultCommand } from './admin/fault-cli';
import { INSTANCE_USAGE, runInstanceCommand } from './admin/instance-cli';
import { reconcileAfterRestart } from './agent/restart';
import { startAgents, type AgentSupervisor } from './agent/supervisor';
import { createLabServer } from './api/server';
import { LabConfigError, loadLabConfig } from './config';
import { startServiceDrainer } from './ecs/service-drainer';
import { startServiceScheduler } from './scheduler/service-scheduler';
import { PRIVILEGED_PORT_OFFSET, runningAsRoot } from './runtime/ports';
import { LabStore } from './store/lab-store';

const USAGE = `usage: npm run lab [-- --reset]\n${INSTANCE_USAGE}\n${FAULT_USAGE}`;

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length > 0) {
    console.error(
      positionals.length > 0 ? `unknown command: ${positionals.join(' ')}\n${USAGE}` : USAGE,
    );
    process.exit(values.help ? 0 : 2);
  }
  return { reset: values.reset };
}

async function main() {
  // `instance …` and `faults …` talk to a running lab; their options are their own, so they are dispatched before parsing.
  if (process.argv[2] === 'instance') {
    process.exit(await runInstanceCommand(process.argv.slice(3), loadLabConfig()));
  }
  if (process.argv[2] === 'faults') {
    process.exit(await runFaultCommand(process.argv.slice(3), loadLabConfig()));
  }
  const args = parseCommandLine();
  const config = loadLabConfig();
  const store = new LabStore({
    identity: { region: config.region, accountId: config.accountId },
    dataDir: config.dataDir,
    reset: args.reset,
    seed: {
      clusterName: config.clusterName,
      instances: config.instances,
      addressPrefix: config.addressPrefix,
    },
  });
  const restart = reconcileAfterRestart(store, config.dataDir);
  const stopDrainer = startServiceDrainer(store);
  const stopScheduler = startServiceScheduler(store);
  // Agents start once the port is known (tasks get the lab's endpoint); admin routes wait for them.
  const running: { agents?: AgentSupervisor } = {};
  const server = createLabServer({
    store,
    credentials: {
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
    },
    agents: () => running.agents,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  running.agents = startAgents(store, {
    labEndpoint: `http://127.0.0.1:${port}`,
    dataDir: config.dataDir,
    imagesDir: config.imagesDir,
    region: config.region,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    clusterName: config.clusterName,
  });
  if (restart.reapedProcesses > 0 || restart.stoppedTasks > 0) {
    console.log(
      `Restart: killed ${restart.reapedProcesses} leftover process(es), stopped ${restart.stoppedTasks} task(s) whose processes ended with the previous lab`,
    );
  }
  if (!runningAsRoot()) {
    console.log(`not root: host ports below 1024 are remapped +${PRIVILEGED_PORT_OFFSET}`);
  }
  console.log(`ECS endpoint: http://127.0.0.1:${port}`);
  console.log(
    `Credentials: access key id ${config.accessKeyId}, secret ${config.secretAccessKey}, region ${config.region}`,
  );
  console.log(`Cluster: ${config.clusterName}`);
  console.log(`Data directory: ${config.dataDir}`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stopDrainer();
    stopScheduler();
    running.agents?.close();
    server.close();
    server.closeAllConnections();
    store.flush();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof LabConfigError ? error.message : error);
  process.exit(1);
});
