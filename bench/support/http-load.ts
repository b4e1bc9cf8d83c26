// Load on one HTTP route for the traffic benchmarks: wrk (closed loop, max throughput) and a plain fixed-rate Node client.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { percentile } from './measure';

export interface Route {
  host: string;
  port: number;
  /** The Host header the router matches. */
  hostHeader: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const WRK = '/usr/bin/wrk';

function wrkMs(output: string, label: string): number {
  const match = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\b`, 'm').exec(output);
  if (!match) throw new Error(`wrk printed no ${label} latency:\n${output}`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  return Number(match[1]) * scale;
}

/** wrk (Debian's, closed loop) on `route` with `connections` for `seconds`; --latency gives the percentiles. */
export function runWrk(route: Route, connections: number, seconds: number): Promise<LoadResult> {
  const args = ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--latency'];
  args.push('-H', `Host: ${route.hostHeader}`, `http://${route.host}:${route.port}/`);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`${WRK} did not start (Debian package wrk): ${error.message}`)),
    );
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${output}`));
      try {
        const rate = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
        const failures = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
        const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
          output,
        );
        resolve({
          requestsPerSecond: Number(rate?.[1] ?? 0),
          p50Ms: wrkMs(output, '50%'),
          p99Ms: wrkMs(output, '99%'),
          errors:
            Number(failures?.[1] ?? 0) +
            (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** A bare open-loop client at `rate` req/s with keep-alive sockets: what the engine adds is measured against it. */
export async function runFixedRate(
  route: Route,
  rate: number,
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let sent = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const ticker = setInterval(() => {
      const elapsed = performance.now() - start;
      if (elapsed >= seconds * 1000) {
        clearInterval(ticker);
        resolve();
        return;
      }
      for (; sent < Math.floor((elapsed / 1000) * rate); sent++) {
        if (inFlight >= concurrency) continue;
        inFlight++;
        const sentAt = performance.now();
        const request = http.get(
          {
            host: route.host,
            port: route.port,
            path: '/',
            agent,
            headers: { host: route.hostHeader },
          },
          (response) => {
            response.resume();
            response.once('end', () => {
              inFlight--;
              if (response.statusCode === 200) latencies.push(performance.now() - sentAt);
              else errors++;
            });
          },
        );
        request.once('error', () => {
          inFlight--;
          errors++;
        });
      }
    }, 5);
  });
  agent.destroy();
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}
