// A worker started while its Redis cannot be reached (issue 17): one line saying it waits for
// Redis at the URL, no raw connection errors, and the first SIGTERM ends it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

/** A loopback port nothing listens on: one the system gave and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('sitrep worker without Redis', () => {
  it('says once that it waits for Redis, and stops on the first SIGTERM', async () => {
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const child = spawn(process.execPath, ['bin/sitrep.js', 'worker', '--redis', url, '--concurrency', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('waiting for Redis')) resolve();
      }),
    );
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    await waiting;
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    expect(stderr.match(/waiting for Redis at redis:\/\/127\.0\.0\.1:\d+/g)).toHaveLength(1);
    expect(stderr).not.toContain('ECONNREFUSED');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
