// A bench lab running the reference scenario (Traefik + 4 whoami, all listed by Traefik) and the built console against it.
import { deployScenario } from '@/lab/test/support/scenario';
import { startBenchConsole, type BenchConsole } from './console';
import { startBenchLab, type BenchLab } from './lab';
import { locateTraefik, timeUntil, traefikServerCount, type TraefikAddress } from './traefik';

export interface ScenarioConsole {
  lab: BenchLab;
  app: BenchConsole;
  traefik: TraefikAddress;
  stop(): Promise<void>;
}

export const SCENARIO_HOST = 'whoami.domain.com';

export async function startScenarioConsole(whoami = 4): Promise<ScenarioConsole> {
  const lab = await startBenchLab(3);
  try {
    await deployScenario(lab.ecs, lab.cluster, whoami);
    const traefik = await locateTraefik(lab);
    await timeUntil(`Traefik listing ${whoami} whoami servers`, async () => {
      return (await traefikServerCount(traefik, 'whoami@ecs')) === whoami;
    });
    const app = await startBenchConsole(lab.endpoint, lab.cluster);
    return {
      lab,
      app,
      traefik,
      async stop() {
        await app.stop();
        await lab.stop();
      },
    };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}
