/** `zonesmith serve`: the one page on 127.0.0.1, and each way it can go wrong said in one line. */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { startServer } from '../src/commands/serve.run.js';
import { bufferIo } from '../src/io.js';
import { run, tempDir } from './helpers/cli.js';

const PAGE = '<!doctype html><title>t</title>';

/** A stand-in for the built page (the real one is tested in a browser: test/site.test.ts). */
function stubPage(): string {
  const page = join(tempDir(), 'index.html');
  writeFileSync(page, PAGE);
  return page;
}

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('zonesmith serve', () => {
  it('serves the one page on 127.0.0.1, 404 elsewhere, 405 for other methods, and refuses other hosts', async () => {
    const running = await startServer(0, stubPage());
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(running.url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(home.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(await home.text()).toBe(PAGE);
      expect((await fetch(`${running.url}index.html`)).status).toBe(200);
      expect((await fetch(`${running.url}secret`)).status).toBe(404);
      expect((await fetch(`${running.url}../package.json`)).status).toBe(404);
      expect((await fetch(running.url, { method: 'POST' })).status).toBe(405);
      // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) gets nothing.
      expect(await statusWithHost(running.url, 'evil.example')).toBe(421);
      expect(await statusWithHost(running.url, `localhost:${new URL(running.url).port}`)).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('runs until interrupted, saying where the page is; exit 0', async () => {
    const io = bufferIo();
    const serving = main(['serve', '--port', '0'], io);
    // The address is printed once the server listens; then an interrupt ends the run.
    while (!io.stdout().includes('http://')) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(io.stdout())![0];
    expect((await fetch(url)).status).toBe(200);
    process.emit('SIGINT');
    expect(await serving).toBe(0);
  });

  it('says what to do when the page is not built, the port is taken or not a port (exit 2)', async () => {
    await expect(startServer(0, join(tempDir(), 'missing.html'))).rejects.toThrow(/build it with `npm run site`/);
    const first = await startServer(0, stubPage());
    try {
      const taken = await run('serve', '--port', new URL(first.url).port);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toMatch(/^zonesmith: port \d+ on 127\.0\.0\.1 is in use: pass --port with another, or --port 0 for any free one\n$/);
    } finally {
      await first.close();
    }
    const bad = await run('serve', '--port', '70000');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port takes a whole number from 0 to 65535');
  });
});
