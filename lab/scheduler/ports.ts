// Host ports for tasks: static-port conflicts and dynamic ports from the ECS ephemeral range.

export type PortProtocol = 'tcp' | 'udp';

// ECS hands out dynamic host ports from the Docker ephemeral range when the agent's is unset:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
export const ephemeralPorts = { first: 49153, last: 65535 } as const;

export interface DynamicPortOptions {
  /** Ports taken by any process on this machine: all lab instances share one host network. */
  machineWideTcpPorts?: ReadonlySet<number>;
  isPortFree?: (port: number, protocol: PortProtocol) => boolean;
}

/** Hands out dynamic host ports, each at most once, scanning upwards from where it last stopped. */
export class DynamicPortAllocator {
  private readonly next: Record<PortProtocol, number> = {
    tcp: ephemeralPorts.first,
    udp: ephemeralPorts.first,
  };
  private readonly handedOut: Record<PortProtocol, Set<number>> = {
    tcp: new Set(),
    udp: new Set(),
  };

  constructor(private readonly options: DynamicPortOptions = {}) {}

  /** A free port that `takenOnInstance` does not claim, or undefined when the range is exhausted. */
  allocate(protocol: PortProtocol, takenOnInstance: (port: number) => boolean): number | undefined {
    const size = ephemeralPorts.last - ephemeralPorts.first + 1;
    for (let step = 0; step < size; step++) {
      const port =
        ephemeralPorts.first + ((this.next[protocol] - ephemeralPorts.first + step) % size);
      if (!this.isAvailable(port, protocol) || takenOnInstance(port)) continue;
      this.handedOut[protocol].add(port);
      this.next[protocol] = port === ephemeralPorts.last ? ephemeralPorts.first : port + 1;
      return port;
    }
    return undefined;
  }

  private isAvailable(port: number, protocol: PortProtocol): boolean {
    if (this.handedOut[protocol].has(port)) return false;
    if (protocol === 'tcp' && this.options.machineWideTcpPorts?.has(port)) return false;
    return this.options.isPortFree?.(port, protocol) ?? true;
  }
}
