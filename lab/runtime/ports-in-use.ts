// TCP ports some socket on this machine holds (from /proc/net/tcp*), so dynamic host ports skip them.
import { readFileSync } from 'node:fs';

const TIME_WAIT = '06';

/**
 * Read synchronously, once per placement: other labs and programs share the machine's ports, and
 * an outgoing connection's local port (the kernel's ephemeral range overlaps ECS's) blocks a bind too.
 */
export function tcpPortsInUse(): Set<number> {
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const port = local?.split(':').at(-1);
      // Programs that listen set SO_REUSEADDR (Go does), which lets them bind over TIME_WAIT.
      if (port && state !== TIME_WAIT) ports.add(parseInt(port, 16));
    }
  }
  return ports;
}
