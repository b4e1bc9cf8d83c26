// Starts a fresh lab and the built console (building it when sources are newer), and hands URL and token to tests.
import { randomBytes } from 'node:crypto';
import { startLab } from '../lab/test/lab-process';
import { ensureBuild, startConsole } from '../scripts/console-process';

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
      await app.stop();
      await lab.stop();
    };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}
