/**
 * A real BIND `named` for `verify`'s tests: started in the foreground (-g, logging to stderr) on
 * 127.0.0.1 at a free high port, with a minimal configuration in a temporary folder that also holds
 * its zone files, pid file, session key and managed-keys files. No recursion and no DNSSEC validation,
 * so it never asks a root server: the tests make no traffic beyond loopback. As root it runs as root
 * (no -u: there is no other user to switch to in a fresh CI container, and it needs no privileged port).
 *
 * Call stop() in afterAll: it ends the process and removes the folder (a test that fails still gets
 * there). A named whose tests were interrupted before that is ended when this process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NAMED = process.env.NAMED ?? '/usr/sbin/named';

/** True when named runs; under CI a missing named throws (the test fails), elsewhere the suite skips, visibly. */
export function namedAvailable(): boolean {
  const available = spawnSync(NAMED, ['-v'], { encoding: 'utf8' }).status === 0;
  if (!available) {
    const message = `${NAMED} not found (Debian: apt-get install bind9)`;
    if (process.env.CI && process.env.CI !== 'false') throw new Error(`${message}; verify's tests need it under CI`);
    console.warn(`SKIPPED: verify against named: ${message}`);
  }
  return available;
}

export interface ZoneToServe {
  origin: string;
  /** The zone file to serve (copied into the server's folder). */
  file: string;
}

export interface RunningNamed {
  port: number;
  /** `127.0.0.1:PORT`, as --server takes it. */
  server: string;
  /** Ends named and waits for it; idempotent. */
  stop(): Promise<void>;
  /** Ends named and removes its folder. */
  dispose(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port the system has just handed out and taken back: free, and high. */
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

/** Attempts at a free port: another process may take the one handed out before named binds it. */
const PORT_ATTEMPTS = 3;
/** named loads a few small zones in well under a second; past this it is taken to be stuck. */
const READY_WITHIN_MS = 20_000;

export async function startNamed(zones: readonly ZoneToServe[]): Promise<RunningNamed> {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-named-'));
  const zoneStatements = zones.map((zone, i) => {
    const file = `zone${i}.dns`;
    copyFileSync(zone.file, join(dir, file));
    return `zone "${zone.origin}" { type primary; file "${join(dir, file)}"; };`;
  });
  let log = '';
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const started = await startOn(dir, port, zoneStatements);
    log = started.log;
    const listening = log.includes(`127.0.0.1#${port}`) && !/address in use/i.test(log);
    if (started.ready && listening && zones.every((zone) => log.includes(`zone ${zone.origin}/IN: loaded serial`))) {
      return {
        port,
        server: `127.0.0.1:${port}`,
        stop: started.stop,
        dispose: async () => {
          await started.stop();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await started.stop();
    if (listening) break; // not a port taken by another process: trying another port will not help
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`named did not start serving every zone:\n${log}`);
}

/** Starts named on `port` and waits until it says it is running, exits, or takes too long. */
async function startOn(dir: string, port: number, zoneStatements: readonly string[]): Promise<{ ready: boolean; log: string; stop: () => Promise<void> }> {
  const conf = join(dir, 'named.conf');
  writeFileSync(
    conf,
    `options {
  directory "${dir}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  pid-file "${join(dir, 'named.pid')}";
  session-keyfile "${join(dir, 'session.key')}";
  managed-keys-directory "${dir}";
  recursion no;
  dnssec-validation no;
  notify no;
};
controls { };
${zoneStatements.join('\n')}
`,
  );
  // -g: foreground, log to stderr; -n 1: one worker thread (the machine is shared).
  const child = spawn(NAMED, ['-g', '-n', '1', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let log = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      running.delete(child);
      resolve();
    }),
  );
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_WITHIN_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (/\brunning\n/.test(log)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    void exit.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    // named shuts down in well under a second; one that does not is ended.
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(kill);
  };
  return { ready, log, stop };
}
