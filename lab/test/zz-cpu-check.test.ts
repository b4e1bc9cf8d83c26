import { it } from 'vitest';
import { execSync } from 'node:child_process';
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { startLab } from '@/lab/test/lab-process';
import { labClients } from '@/lab/test/support/clients';
it('cpu', async () => {
  const lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.23.', LAB_CLUSTER: 'c' } });
  const { ecs } = labClients(lab.endpoint);
  await ecs.send(new RegisterTaskDefinitionCommand({ family: 'w', containerDefinitions: [{ name: 'w', image: 'traefik/whoami', memory: 64, portMappings: [{ containerPort: 80, hostPort: 0 }] }] }));
  await ecs.send(new CreateServiceCommand({ cluster: 'c', serviceName: 'W', taskDefinition: 'w', desiredCount: 4 }));
  await new Promise((r) => setTimeout(r, 4000));
  const t = () => Number(execSync(`cat /proc/${lab.process.pid}/stat`).toString().split(' ').slice(13, 15).reduce((a, b) => a + Number(b), 0));
  const a = t();
  await new Promise((r) => setTimeout(r, 10000));
  console.log('cpu ticks over 10 s idle:', t() - a);
  await lab.stop();
}, 60000);
