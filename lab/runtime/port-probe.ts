// Tells whether a TCP port can be listened on, so the scheduler can skip ports another program holds.
import net from 'node:net';

// Probe with 0.0.0.0 to ask for the port on every address: whoami listens on all interfaces.
export function isTcpPortFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ host: address, port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}
