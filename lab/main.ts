// The lab's entry point (`npm run lab [-- --reset]`): loads config and state, serves ECS and SSM, flushes on exit.
import { parseArgs } from 'node:util';
import { createLabServer } from './api/server';
import { LabConfigError, loadLabConfig } from './config';
import { startServiceDrainer } from './ecs/service-drainer';
import { LabStore } from './store/lab-store';

const USAGE = 'usage: npm run lab [-- --reset]';

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  // Subcommands (e.g. `instance add`) come as positionals; none exist yet.
  if (values.help || positionals.length > 0) {
    console.error(
      positionals.length > 0 ? `unknown command: ${positionals.join(' ')}\n${USAGE}` : USAGE,
    );
    process.exit(values.help ? 0 : 2);
  }
  return { reset: values.reset };
}

async function main() {
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
  const stopDrainer = startServiceDrainer(store);
  const server = createLabServer({
    store,
    credentials: {
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
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
