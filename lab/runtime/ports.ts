// Host ports as the lab really binds them: below 1024 only root may listen, so others get a fixed offset.
export const PRIVILEGED_PORT_OFFSET = 10000;

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

export function effectiveHostPort(port: number, root = runningAsRoot()): number {
  return !root && port > 0 && port < 1024 ? port + PRIVILEGED_PORT_OFFSET : port;
}
