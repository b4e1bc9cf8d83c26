// What the scheduler hands the runtime to start one container of a task, and what it gets back when it ends.
export interface PortBinding {
  containerPort: number;
  /** The port really bound on the host: already allocated (and remapped by effectiveHostPort) by the scheduler. */
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

export type ContainerCredentials =
  | { accessKeyId: string; secretAccessKey: string }
  | { fullUri: string; authorizationToken: string };

export interface ContainerLaunch {
  /** The task's id (32 hex characters). */
  taskId: string;
  containerName: string;
  image: string;
  command?: string[];
  entryPoint?: string[];
  environment: { name: string; value: string }[];
  /** The instance's own loopback address, 127.0.0.x. */
  hostAddress: string;
  portBindings: PortBinding[];
  /** 12 lowercase hex characters: the "container id" the process sees as its hostname. */
  hostname: string;
  /** stdout and stderr are appended here. */
  logFile: string;
  /** The lab's endpoint, e.g. http://127.0.0.1:4599. */
  labEndpoint: string;
  region: string;
  credentials: ContainerCredentials;
  imagesDir: string;
  /** When set, a record under <dataDir>/runtime lets a later lab reap this process if it outlives us. */
  dataDir?: string;
}

/** exitCode follows Docker: a container killed by a signal reports 128 + the signal's number. */
export interface ContainerExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}
