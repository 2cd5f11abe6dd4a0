/**
 * The servers `verify` asks: those given as HOST[:PORT] ([v6]:PORT for IPv6 with a port), or by
 * default the zone's own apex NS names, each resolved with the system resolver (every address it
 * gives is asked: a name server must answer on all of them). Resolution is bounded in time too.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { UnresolvedServer, VerifyServer } from './verify-zone.js';

export interface ServerSpec {
  host: string;
  port: number;
  /** As written, for messages. */
  text: string;
}

/** Reads HOST, HOST:PORT, [IPV6]:PORT or a bare IPv6 address; a reason when it is none of these. */
export function parseServer(text: string): ServerSpec | string {
  let host = text;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const at = text.indexOf(':');
    host = text.slice(0, at);
    port = Number(text.slice(at + 1));
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `--server ${text}: the port must be a number in 1..65535 (HOST:PORT, or [IPV6]:PORT)`;
  if (host === '' || (host.includes(':') && isIP(host) !== 6)) return `--server ${text}: not a host name or an IP address (HOST:PORT, or [IPV6]:PORT)`;
  return { host, port, text };
}

/** Each server's addresses; a name that does not resolve (in time) is an UnresolvedServer, reported as not answering. */
export async function resolveServers(specs: readonly ServerSpec[], timeoutMs: number): Promise<(VerifyServer | UnresolvedServer)[]> {
  const resolved = await Promise.all(specs.map((spec) => resolveOne(spec, timeoutMs)));
  return resolved.flat();
}

async function resolveOne(spec: ServerSpec, timeoutMs: number): Promise<(VerifyServer | UnresolvedServer)[]> {
  if (isIP(spec.host)) return [{ label: spec.text, address: spec.host, port: spec.port }];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`its name did not resolve within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    const result = await Promise.race([lookup(spec.host, { all: true, verbatim: true }), deadline]);
    if (typeof result === 'string') return [{ label: spec.text, reason: result }];
    return result.map(({ address }) => ({ label: spec.text, address, port: spec.port }));
  } catch (error) {
    return [{ label: spec.text, reason: `its name does not resolve (${(error as NodeJS.ErrnoException).code ?? String(error)})` }];
  } finally {
    clearTimeout(timer);
  }
}
