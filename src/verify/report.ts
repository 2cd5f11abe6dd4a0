/**
 * `verify`'s report: per zone, the servers (address, serial, state) and a table of every RRset
 * (record, server, status, expected, found), then a summary; or the same as JSON. Values in, text out.
 */
import pc from 'picocolors';
import { widest } from '../generate/widest.js';
import { STATUSES, type RRsetResult, type Status } from './compare.js';
import type { RRsetRow, ServerReport, ZoneVerification } from './verify-zone.js';

export const VERIFY_FORMATS = ['text', 'json'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

/** A zone's verification with where the zone came from (the spec or zone file). */
export interface VerifiedZone extends ZoneVerification {
  source: string;
}

/** 0 all match; 2 when some zone had no server answering at all; 1 for anything else amiss. */
export function verifyExitCode(zones: readonly ZoneVerification[]): 0 | 1 | 2 {
  if (zones.some((z) => z.unanswered)) return 2;
  const amiss = zones.some(
    (z) => z.servers.some((s) => s.state !== 'answered' || s.lag !== undefined) || STATUSES.some((s) => s !== 'match' && z.counts[s] > 0),
  );
  return amiss ? 1 : 0;
}

export interface TextOptions {
  color: boolean;
  /** Rows where every server matches are left out of the table (the summary still counts them). */
  quiet: boolean;
}

export function formatVerification(zones: readonly VerifiedZone[], format: VerifyFormat, options: TextOptions): string {
  return format === 'json' ? jsonReport(zones) : textReport(zones, options);
}

function jsonReport(zones: readonly VerifiedZone[]): string {
  const out = {
    zones: zones.map((z) => ({
      zone: z.zone,
      source: z.source,
      servers: z.servers,
      rrsets: z.rows.map((row) => ({
        name: row.owner,
        type: row.type,
        expected: row.expected ?? null,
        results: row.results.map((result, i) => ({ server: serverName(z.servers[i]!), ...result })),
      })),
      counts: z.counts,
    })),
    counts: totals(zones),
    exitCode: verifyExitCode(zones),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Past this width a cell is not padded: one long TXT or key must not push every row to the right. */
const MAX_PAD = 48;

function textReport(zones: readonly VerifiedZone[], { color, quiet }: TextOptions): string {
  const paint = color ? pc : pc.createColors(false);
  const parts: string[] = [];
  for (const zone of zones) {
    parts.push(paint.bold(`${zone.zone} (${zone.source})`) + '\n');
    parts.push(serverLines(zone.servers, paint));
    // No server answered: every row would only repeat the servers' reasons above.
    if (!zone.unanswered) parts.push(table(zone, paint, quiet));
    parts.push(`${zone.zone}: ${countWords(zone.counts, zone.rows.length, zone.servers.length)}${lagWords(zone.servers)}\n\n`);
  }
  const all = totals(zones);
  const rrsets = zones.reduce((n, z) => n + z.rows.length, 0);
  const verdict = ['all match', 'differences found', 'no server answered'][verifyExitCode(zones)]!;
  const answers = STATUSES.reduce((n, s) => n + all[s], 0);
  parts.push(`${zones.length} zone${zones.length === 1 ? '' : 's'}, ${rrsets} RRset${rrsets === 1 ? '' : 's'}, ${answers} answer${answers === 1 ? '' : 's'} compared: ${statusWords(all)}; ${verdict}\n`);
  return parts.join('');
}

type Paint = ReturnType<typeof pc.createColors>;

function serverName(server: ServerReport): string {
  if (server.address === undefined) return server.label;
  const at = server.address.includes(':') ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`;
  return server.label === at ? at : `${server.label} ${at}`;
}

function serverLines(servers: readonly ServerReport[], paint: Paint): string {
  const names = servers.map(serverName);
  const width = widest(names, (n) => n.length);
  return servers
    .map((server, i) => {
      const state =
        server.state === 'answered'
          ? `serial ${server.serial ?? '?'}${server.lag ? paint.yellow(` LAGS: ${server.lag}`) : ''}`
          : paint.red(`${server.state === 'no-answer' ? 'NO ANSWER' : 'NOT AUTHORITATIVE'}: ${server.reason ?? ''}`);
      return `  server ${names[i]!.padEnd(width)}  ${state}\n`;
    })
    .join('');
}

const HEADER = ['RECORD', 'TYPE', 'SERVER', 'STATUS', 'EXPECTED', 'FOUND'] as const;

/** Rows of cells, each cell one or more lines. */
function table(zone: VerifiedZone, paint: Paint, quiet: boolean): string {
  const lines: string[][][] = [HEADER.map((h) => [h])];
  const statuses: (Status | undefined)[] = [undefined];
  for (const row of zone.rows) {
    if (quiet && row.results.every((r) => r.status === 'match')) continue;
    for (const { server, result } of serverGroups(row, zone.servers)) {
      lines.push([[row.owner], [row.type], [server], [result.status], expectedLines(row), foundLines(result)]);
      statuses.push(result.status);
    }
  }
  const widths = HEADER.map((_, col) => Math.min(MAX_PAD, widest(lines, (cells) => widest(cells[col]!, (l) => l.length))));
  if (lines.length === 1) return '';
  const out: string[] = [];
  lines.forEach((cells, r) => {
    const height = widest(cells, (c) => c.length);
    for (let k = 0; k < height; k++) {
      const text = cells
        .map((cell, col) => {
          const value = cell[k] ?? '';
          const padded = col === cells.length - 1 ? value : value.padEnd(widths[col]!);
          return col === 3 && k === 0 && statuses[r] ? paintStatus(statuses[r]!, padded, paint) : padded;
        })
        .join('  ')
        .trimEnd();
      out.push(`  ${text}\n`);
    }
  });
  return out.join('');
}

function paintStatus(status: Status, text: string, paint: Paint): string {
  if (status === 'match') return paint.green(text);
  return status === 'ttl' || status === 'extra' ? paint.yellow(text) : paint.red(text);
}

/** One row for all servers when they all said the same, else one per server. */
function serverGroups(row: RRsetRow, servers: readonly ServerReport[]): { server: string; result: RRsetResult }[] {
  const first = row.results[0];
  // Servers that agree share a row; data found is compared only where it is shown (a matching SOA's serials may differ).
  const shown = (r: RRsetResult) => JSON.stringify({ ...r, found: r.status === 'different' ? r.found : [] });
  const same = first !== undefined && row.results.every((r) => shown(r) === shown(first));
  if (same && servers.length > 1) return [{ server: `all ${servers.length}`, result: first }];
  return row.results.map((result, i) => ({ server: serverName(servers[i]!), result }));
}

function expectedLines(row: RRsetRow): string[] {
  if (!row.expected) return ['(none)'];
  return row.expected.data.map((data) => `${row.expected!.ttl} ${data}`);
}

function foundLines(result: RRsetResult): string[] {
  switch (result.status) {
    case 'match':
      return result.found.length > 0 ? ['same'] : [result.note ?? 'none'];
    case 'ttl':
      return [result.note ?? 'another TTL'];
    case 'extra':
      return [...result.extra.map((d) => `also: ${d}`), ...(result.note ? [result.note] : [])];
    case 'missing':
      return [result.note ?? 'none', ...(result.found.length > 0 ? result.missing.map((d) => `lacks: ${d}`) : [])];
    case 'different':
      return [...result.found.map((f) => `${f.ttl} ${f.type === 'CNAME' || f.type === 'DNAME' ? `${f.type} ` : ''}${f.data}`), ...(result.note ? [result.note] : [])];
    case 'no-answer':
      return [result.note ?? 'no answer'];
  }
}

function totals(zones: readonly ZoneVerification[]): Record<Status, number> {
  const all = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const zone of zones) for (const s of STATUSES) all[s] += zone.counts[s];
  return all;
}

function statusWords(counts: Record<Status, number>): string {
  const words: Record<Status, string> = { match: 'match', ttl: 'different TTL', extra: 'with extra records', missing: 'missing', different: 'different data', 'no-answer': 'no answer' };
  const parts = STATUSES.filter((s) => s === 'match' || counts[s] > 0).map((s) => `${counts[s]} ${words[s]}`);
  return parts.join(', ');
}

function countWords(counts: Record<Status, number>, rrsets: number, servers: number): string {
  return `${rrsets} RRset${rrsets === 1 ? '' : 's'} × ${servers} server${servers === 1 ? '' : 's'}: ${statusWords(counts)}`;
}

function lagWords(servers: readonly ServerReport[]): string {
  const lagging = servers.filter((s) => s.lag);
  return lagging.length === 0 ? '' : `; lagging: ${lagging.map((s) => `${serverName(s)} (serial ${s.serial}, ${s.lag})`).join(', ')}`;
}
