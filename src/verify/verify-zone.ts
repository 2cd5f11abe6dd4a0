/**
 * `verify` for one zone: ask every server for the SOA (whether it answers, whether it is
 * authoritative, which serial it has), then for every RRset the zone defines, a bounded number of
 * questions at a time, and judge each answer (src/verify/compare.ts).
 *
 * Bounds: each question costs at most (retries + 1) timeouts (dns-client.ts); a server that does not
 * answer the SOA is asked nothing more, and one that stops answering (STOPPED_AFTER failures in a
 * row) is asked nothing more either, so a dead server never costs one timeout per record.
 */
import { Name } from '../zone/name.js';
import { rdataFromWire, typeCodeOf, typeMnemonic } from '../zone/rdata.js';
import type { ResourceRecord, SoaData } from '../zone/record.js';
import {
  compareRRset,
  dataText,
  expectedRRsets,
  serialVerdicts,
  STATUSES,
  unexpectedRRset,
  type Answer,
  type ExpectedRRset,
  type RRsetResult,
  type Status,
} from './compare.js';
import { query, type QueryOptions, type Response, type ServerAddress, type WireRecord } from './dns-client.js';

export interface VerifyServer extends ServerAddress {
  /** How the server was named: `ns1.example.com.` (from the zone's NS), or as given to --server. */
  label: string;
}

/** A server that could not even be given an address (its name did not resolve). */
export interface UnresolvedServer {
  label: string;
  reason: string;
}

export type ServerState = 'answered' | 'no-answer' | 'not-authoritative';

export interface ServerReport {
  label: string;
  address?: string;
  port?: number;
  state: ServerState;
  reason?: string;
  serial?: number;
  /** Set when the server's serial is behind another server's or the zone's own. */
  lag?: string;
}

export interface RRsetRow {
  owner: string;
  type: string;
  /** Undefined for an RRset the zone does not define that a server has (asked with --type). */
  expected?: { ttl: number; data: string[] };
  /** One result per server, in the order of `servers`. */
  results: RRsetResult[];
}

export interface ZoneVerification {
  zone: string;
  servers: ServerReport[];
  rows: RRsetRow[];
  /** RRsets × servers per status (the SOA row included). */
  counts: Record<Status, number>;
  /** True when no server answered at all: nothing could be checked. */
  unanswered: boolean;
}

export interface VerifyOptions extends QueryOptions {
  /** Questions in flight at once, across all servers. */
  concurrency: number;
  /** Types also asked at every name the zone defines, to find RRsets the zone does not have. */
  extraTypes: readonly string[];
  /** The serial the zone has, when it is known (a zone file's; a spec's fixed one). */
  expectedSerial?: number;
  /** Called after each answered question, for a progress bar. */
  progress?: (done: number, total: number) => void;
}

/** Failures in a row after which a server is taken to have stopped answering. */
const STOPPED_AFTER = 3;

export async function verifyZone(
  origin: Name,
  records: readonly ResourceRecord[],
  servers: readonly (VerifyServer | UnresolvedServer)[],
  options: VerifyOptions,
): Promise<ZoneVerification> {
  const expected = expectedRRsets(records);
  const soaIndex = expected.findIndex((set) => set.type === 'SOA' && set.owner.equals(origin));
  const questions = expected.length + extraQuestions(expected, options.extraTypes).length;
  const total = servers.length * Math.max(questions, 1);
  let done = 0;
  const tick = () => options.progress?.(++done, total);

  // The SOA first, to every server at once: it tells which servers are worth asking the rest.
  const probes = await Promise.all(
    servers.map(async (server): Promise<{ report: ServerReport; soa?: Answer }> => {
      if (!('address' in server)) {
        tick();
        return { report: { label: server.label, state: 'no-answer', reason: server.reason } };
      }
      const result = await query(server, origin.toString(), 6, options);
      tick();
      const report: ServerReport = { label: server.label, address: server.address, port: server.port, state: 'answered' };
      if (!result.ok) return { report: { ...report, state: 'no-answer', reason: result.reason } };
      const { response } = result;
      if (response.rcode !== 'NOERROR' || !response.authoritative) {
        const reason = response.rcode !== 'NOERROR' ? `${response.rcode} for the zone's SOA` : 'answers without authority (AA bit clear): not a server of this zone';
        return { report: { ...report, state: 'not-authoritative', reason }, soa: { kind: 'error', reason } };
      }
      const soa = answerOf(response, origin, 'SOA');
      if (soa.kind === 'records') report.serial = (soa.records[0]?.data as SoaData | undefined)?.serial;
      return { report, soa };
    }),
  );
  const reports = probes.map((p) => p.report);
  serialVerdicts(reports.map((r) => r.serial), options.expectedSerial).forEach((verdict, i) => {
    if (verdict.lag) reports[i]!.lag = verdict.lag;
  });

  const live = servers.map((server, i) => ('address' in server && reports[i]!.state === 'answered' ? server : undefined));
  const failuresInRow = servers.map(() => 0);
  const ask = async (serverIndex: number, owner: Name, type: string): Promise<Answer> => {
    const server = live[serverIndex];
    if (!server) return { kind: 'error', reason: reports[serverIndex]!.reason ?? 'not asked' };
    if (failuresInRow[serverIndex]! >= STOPPED_AFTER) return { kind: 'error', reason: 'not asked: the server stopped answering' };
    const result = await query(server, owner.toString(), typeCodeOf(type)!, options);
    if (!result.ok) {
      failuresInRow[serverIndex]!++;
      return { kind: 'error', reason: result.reason };
    }
    failuresInRow[serverIndex] = 0;
    return answerOf(result.response, owner, type);
  };

  const rows: RRsetRow[] = expected.map((set) => ({ owner: set.owner.toString(), type: set.type, expected: expectedCell(set), results: [] }));
  const jobs: (() => Promise<void>)[] = [];
  expected.forEach((set, setIndex) => {
    servers.forEach((_, serverIndex) => {
      if (setIndex === soaIndex) {
        const soa = probes[serverIndex]!.soa ?? { kind: 'error', reason: reports[serverIndex]!.reason ?? 'no answer' };
        rows[setIndex]!.results[serverIndex] = compareRRset(set, soa);
        return;
      }
      jobs.push(async () => {
        rows[setIndex]!.results[serverIndex] = compareRRset(set, await ask(serverIndex, set.owner, set.type));
        tick();
      });
    });
  });
  const extraRows: (RRsetRow | undefined)[] = [];
  extraQuestions(expected, options.extraTypes).forEach(({ owner, type }, index) => {
    const results: (RRsetResult | undefined)[] = servers.map(() => undefined);
    jobs.push(async () => {
      const answers = await Promise.all(servers.map((_, serverIndex) => ask(serverIndex, owner, type)));
      answers.forEach((answer, serverIndex) => (results[serverIndex] = unexpectedRRset(answer)));
      if (results.some((r) => r !== undefined)) {
        extraRows[index] = {
          owner: owner.toString(),
          type,
          results: results.map((r) => r ?? { status: 'match', found: [], missing: [], extra: [], note: 'none, as in the zone' }),
        };
      }
      for (let i = 0; i < servers.length; i++) tick();
    });
  });
  await runBounded(jobs, options.concurrency);

  const allRows = [...rows, ...extraRows.filter((r): r is RRsetRow => r !== undefined)];
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const row of allRows) for (const result of row.results) counts[result.status]++;
  return { zone: origin.toString(), servers: reports, rows: allRows, counts, unanswered: reports.every((r) => r.state === 'no-answer') };
}

function expectedCell(set: ExpectedRRset): { ttl: number; data: string[] } {
  return { ttl: set.ttl, data: set.records.map(dataText) };
}

/** The (name, type) pairs --type adds: every defined name, each extra type it does not define. */
function extraQuestions(expected: readonly ExpectedRRset[], types: readonly string[]): { owner: Name; type: string }[] {
  if (types.length === 0) return [];
  const defined = new Set(expected.map((set) => `${set.owner.key} ${set.type}`));
  const owners = new Map<string, Name>();
  for (const set of expected) if (!owners.has(set.owner.key)) owners.set(set.owner.key, set.owner);
  const out: { owner: Name; type: string }[] = [];
  for (const owner of owners.values()) for (const type of types) if (!defined.has(`${owner.key} ${type}`)) out.push({ owner, type });
  return out;
}

/**
 * What a response says about `owner`/`type`: its records there, read into the zone model (from the
 * answer section, or from a referral's authority and additional sections for a delegation's NS and
 * glue), an alias instead, or NODATA / NXDOMAIN.
 */
export function answerOf(response: Response, owner: Name, type: string): Answer {
  if (response.rcode === 'NXDOMAIN') return { kind: 'nxdomain' };
  if (response.rcode !== 'NOERROR') return { kind: 'error', reason: `the server answered ${response.rcode}` };
  const referral = !response.authoritative && response.records.some((r) => r.section === 'authority' && r.typeCode === 2);
  if (!response.authoritative && !referral) return { kind: 'error', reason: 'an answer without authority (AA bit clear)' };
  const sections = referral ? ['authority', 'additional'] : ['answer'];
  const records: ResourceRecord[] = [];
  const aliases: ResourceRecord[] = [];
  for (const wire of response.records) {
    if (!sections.includes(wire.section)) continue;
    const record = modelRecord(wire);
    if (typeof record === 'string') return { kind: 'error', reason: record };
    if (!record.owner.equals(owner)) continue;
    if (record.type === type) records.push(record);
    else if (record.type === 'CNAME' || record.type === 'DNAME') aliases.push(record);
  }
  if (records.length > 0) return { kind: 'records', records };
  if (aliases.length > 0) return { kind: 'alias', records: aliases };
  return { kind: 'nodata' };
}

/** A record of a response in the zone model, or why it cannot be read. */
function modelRecord(wire: WireRecord): ResourceRecord | string {
  const owner = Name.parse(wire.owner === '.' ? '.' : `${wire.owner}.`);
  if (!owner.ok) return `the server sent an unreadable owner name ${wire.owner}: ${owner.error}`;
  const type = typeMnemonic(wire.typeCode);
  const data = rdataFromWire(type, wire.rdata);
  if ('error' in data) return `the server sent ${type} data at ${wire.owner} that is ${data.error}`;
  return { owner: owner.name, ttl: wire.ttl, class: wire.classCode === 1 ? 'IN' : `CLASS${wire.classCode}`, type, data: data.data };
}

/** Runs the jobs, at most `limit` at a time. */
async function runBounded(jobs: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), jobs.length) }, worker));
}
