// A throwaway redis-server for the queue tests (tests/queue-cluster.test.ts) and the queue
// benchmark (bench/queue.ts): a free loopback port, nothing saved to disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts redis-server in dir (tried again on another port if it does not start); the process is added to children, for the caller to kill. */
export async function startRedis(dir: string, children: Set<ChildProcess>): Promise<{ url: string; process: ChildProcess }> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdout!.on('data', () => {
        if (/ready to accept connections/i.test(output)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) return { url: `redis://127.0.0.1:${port}`, process: child };
    child.kill('SIGKILL');
    children.delete(child);
    if (attempt >= 3) throw new Error(`redis-server did not start: ${output}`);
  }
}
