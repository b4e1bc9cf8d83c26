// Vitest global setup for wire tests: one lab for the run, its endpoint handed to tests via inject('labEndpoint').
import type { TestProject } from 'vitest/node';
import { startLab, type RunningLab } from './lab-process';

let lab: RunningLab | undefined;

export async function setup(project: TestProject) {
  // The shared lab keeps the default addresses (127.0.0.11 and up), which some tests check.
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.0.' } });
  project.provide('labEndpoint', lab.endpoint);
  project.provide('labDataDir', lab.dataDir);
}

export async function teardown() {
  await lab?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    labEndpoint: string;
    labDataDir: string;
  }
}
