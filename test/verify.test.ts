/**
 * `zonesmith verify` against BIND's real `named` on 127.0.0.1 (test/helpers/named.ts): a server with
 * the generated example zone (all match), one with a changed copy of it (every difference reported,
 * exit 1, the lagging serial named), a stopped server and a silent one (exit 2, bounded by the
 * timeout), and an answer too large for UDP (retried over TCP).
 */
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { run } from './helpers/cli.js';
import { namedAvailable, startNamed, type RunningNamed } from './helpers/named.js';
import { parseServer } from '../src/verify/servers.js';
import { sameData, serialBefore, serialVerdicts } from '../src/verify/compare.js';
import { tokenizeLine } from '../src/zone/lexer.js';
import { Name } from '../src/zone/name.js';
import { parseRdata } from '../src/zone/rdata.js';

const ZONE = 'examples/example.com.dns';
const SPEC = 'examples/example.com.yaml';
const CHANGED = 'test/fixtures/verify/example.com.changed.dns';
const BIG = 'test/fixtures/verify/big.example.dns';
/** Short deadlines: every server here is on loopback and answers at once or never. */
const FAST = ['--timeout', '400', '--retries', '1'];

interface JsonResult {
  server: string;
  status: string;
  found: { ttl: number; type: string; data: string }[];
  missing: string[];
  extra: string[];
  note?: string;
}
interface JsonReport {
  zones: {
    zone: string;
    servers: { label: string; state: string; serial?: number; lag?: string; reason?: string }[];
    rrsets: { name: string; type: string; expected: { ttl: number; data: string[] } | null; results: JsonResult[] }[];
    counts: Record<string, number>;
  }[];
  exitCode: number;
}

async function verifyJson(...args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await run('verify', ...args, '--format', 'json');
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

function rrset(report: JsonReport, name: string, type: string) {
  const found = report.zones[0]!.rrsets.find((r) => r.name === name && r.type === type);
  if (!found) throw new Error(`no row for ${name} ${type}`);
  return found;
}

describe.skipIf(!namedAvailable())('verify against named', () => {
  let good: RunningNamed;
  let changed: RunningNamed;

  beforeAll(async () => {
    [good, changed] = await Promise.all([
      startNamed([{ origin: 'example.com', file: ZONE }, { origin: 'big.example', file: BIG }]),
      startNamed([{ origin: 'example.com', file: CHANGED }]),
    ]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([good?.dispose(), changed?.dispose()]);
  });

  it('finds every RRset of the generated zone on the server that serves it: exit 0', async () => {
    const result = await run('verify', ZONE, '--server', good.server, ...FAST);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`server 127.0.0.1:${good.port}  serial 2026120200`);
    expect(result.stdout).toMatch(/example\.com\.: 23 RRsets × 1 server: 23 match\n/);
    expect(result.stdout).toMatch(/1 zone, 23 RRsets, 23 answers compared: 23 match; all match\n$/);
  });

  it('verifies the spec the zone was generated from the same way (its auto serial aside)', async () => {
    const { code, report } = await verifyJson(SPEC, '--server', good.server, ...FAST);
    expect(code).toBe(0);
    expect(report.zones[0]!.counts.match).toBe(23);
    expect(report.zones[0]!.servers[0]).toMatchObject({ state: 'answered', serial: 2026120200 });
    expect(report.zones[0]!.servers[0]!.lag).toBeUndefined();
  });

  it('reports a changed record, a removed one, another TTL and extra records, and names the lagging server: exit 1', async () => {
    const { code, report } = await verifyJson(ZONE, '--server', good.server, '--server', changed.server, '--type', 'TXT', ...FAST);
    expect(code).toBe(1);
    const [onGood, onChanged] = [0, 1];
    const imap4 = rrset(report, 'imap4.example.com.', 'A');
    expect(imap4.results[onGood]!.status).toBe('match');
    expect(imap4.results[onChanged]).toMatchObject({ status: 'different', missing: ['192.0.2.103'], extra: ['192.0.2.203'] });
    const pop = rrset(report, '_pop._tcp.example.com.', 'SRV');
    expect(pop.results[onChanged]).toMatchObject({ status: 'missing', missing: ['0 0 110 pop3.example.com.'] });
    expect(pop.results[onChanged]!.note).toMatch(/^NXDOMAIN/);
    expect(rrset(report, 'www.example.com.', 'A').results[onChanged]).toMatchObject({ status: 'ttl', note: 'TTL 300 where the zone has 3600' });
    expect(rrset(report, 'example.com.', 'MX').results[onChanged]).toMatchObject({ status: 'extra', extra: ['20 backup.example.net.'] });
    // Asked with --type TXT at every name: the TXT at adsc that the zone does not have.
    const txt = rrset(report, 'adsc.example.com.', 'TXT');
    expect(txt.expected).toBeNull();
    expect(txt.results[onChanged]).toMatchObject({ status: 'extra', extra: ['"left over"'] });
    expect(txt.results[onGood]!.status).toBe('match');
    // The SOA data matches but for its serial, which is reported per server: the changed one lags.
    expect(rrset(report, 'example.com.', 'SOA').results.map((r) => r.status)).toEqual(['match', 'match']);
    const servers = report.zones[0]!.servers;
    expect(servers[onGood]).toMatchObject({ serial: 2026120200 });
    expect(servers[onGood]!.lag).toBeUndefined();
    expect(servers[onChanged]).toMatchObject({ serial: 2026120100, lag: "behind the zone's serial 2026120200" });
    expect(report.zones[0]!.counts).toEqual({ match: 43, ttl: 1, extra: 2, missing: 1, different: 1, 'no-answer': 0 });
  });

  it('shows the differences in the text table, one row per server where they disagree', async () => {
    const result = await run('verify', ZONE, '--server', good.server, '--server', changed.server, ...FAST);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const row = (name: string, server: string) => lines.find((l) => l.startsWith(`  ${name} `) && l.includes(server)) ?? '';
    expect(row('imap4.example.com.', changed.server)).toMatch(/\bdifferent\s+3600 192\.0\.2\.103\s+3600 192\.0\.2\.203$/);
    expect(row('_pop._tcp.example.com.', changed.server)).toMatch(/\bmissing\s+3600 0 0 110 pop3\.example\.com\.\s+NXDOMAIN/);
    expect(row('adsc.example.com.', 'all 2')).toMatch(/\bmatch\s+3600 192\.0\.2\.101\s+same$/);
    expect(row('example.com.', 'all 2')).toMatch(/\bSOA\s+all 2\s+match\b/);
    expect(result.stdout).toContain(`lagging: 127.0.0.1:${changed.port} (serial 2026120100, behind the zone's serial 2026120200)`);
    expect(result.stdout).toMatch(/1 zone, 23 RRsets, 46 answers compared: 42 match, 1 different TTL, 1 with extra records, 1 missing, 1 different data; differences found\n$/);
  });

  it('leaves the matching rows out with --quiet, and counts them in the summary', async () => {
    const result = await run('verify', ZONE, '--server', good.server, '--server', changed.server, '--quiet', ...FAST);
    expect(result.code).toBe(1);
    const rows = result.stdout.split('\n').filter((l) => /^  \S+\.\s+[A-Z]+\s/.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'imap4.example.com. A 127.0.0.1:' + good.port + ' match',
      'imap4.example.com. A 127.0.0.1:' + changed.port + ' different',
      'www.example.com. A 127.0.0.1:' + good.port + ' match',
      'www.example.com. A 127.0.0.1:' + changed.port + ' ttl',
      'example.com. MX 127.0.0.1:' + good.port + ' match',
      'example.com. MX 127.0.0.1:' + changed.port + ' extra',
      '_pop._tcp.example.com. SRV 127.0.0.1:' + good.port + ' match',
      '_pop._tcp.example.com. SRV 127.0.0.1:' + changed.port + ' missing',
    ]);
    expect(result.stdout).toContain('42 match, 1 different TTL');
  });

  it('retries over TCP when the answer does not fit in UDP, reads referrals for a delegation and its glue', async () => {
    const { code, report } = await verifyJson(BIG, '--server', good.server, ...FAST);
    expect(report.zones[0]!.rrsets.filter((r) => r.results[0]!.status !== 'match')).toEqual([]);
    expect(code).toBe(0);
    expect(rrset(report, 'txt.big.example.', 'TXT').results[0]!.found).toHaveLength(12);
    expect(rrset(report, 'sub.big.example.', 'NS').results[0]!.found).toEqual([{ ttl: 300, type: 'NS', data: 'ns.sub.big.example.' }]);
    expect(rrset(report, 'ns.sub.big.example.', 'A').results[0]!.status).toBe('match');
  });

  it('reads the zone from standard input with --origin', async () => {
    const io = bufferIo(readFileSync(ZONE, 'utf8'));
    const code = await main(['verify', '-', '--origin', 'example.com', '--server', good.server, '--quiet', ...FAST], io);
    expect(io.stderr()).toBe('');
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/^example\.com\. \(<stdin>\)\n/);
    expect(io.stdout()).not.toContain('RECORD');
  });

  it('reports a server that does not serve the zone as not authoritative', async () => {
    const { code, report } = await verifyJson(BIG, '--server', changed.server, ...FAST);
    expect(code).toBe(1);
    expect(report.zones[0]!.servers[0]).toMatchObject({ state: 'not-authoritative', reason: 'REFUSED for the zone\'s SOA' });
  });

  it('exits 2 when the only server has stopped, within the timeout', async () => {
    const stopped = await startNamed([{ origin: 'example.com', file: ZONE }]);
    await stopped.dispose();
    const { code, report } = await verifyJson(ZONE, '--server', stopped.server, ...FAST);
    expect(code).toBe(2);
    expect(report.zones[0]!.servers[0]).toMatchObject({ state: 'no-answer' });
    expect(report.zones[0]!.counts['no-answer']).toBe(23);
  }, 10_000);
});

describe('verify without a server that answers', () => {
  let silent: Socket;
  let port: number;
  beforeAll(async () => {
    // A socket that takes every question and answers none: a server that is down behind a firewall.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    port = silent.address().port;
  });
  afterAll(() => silent.close());

  it('gives up after its retries and exits 2, naming the timeout', async () => {
    const result = await run('verify', ZONE, '--server', `127.0.0.1:${port}`, '--timeout', '200', '--retries', '1');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`server 127.0.0.1:${port}  NO ANSWER: no answer within 200 ms`);
    expect(result.stdout).toMatch(/no server answered\n$/);
    // The table would only repeat that reason for every RRset: it is left out, the summary counts them.
    expect(result.stdout).not.toContain('RECORD');
    expect(result.stdout).toContain('example.com.: 23 RRsets × 1 server: 0 match, 23 no answer');
  }, 10_000);

  it('refuses a malformed --server, --timeout or --type with one line and exit 2', async () => {
    for (const [args, message] of [
      [['--server', '127.0.0.1:99999'], '--server 127.0.0.1:99999: the port must be a number in 1..65535'],
      [['--timeout', '0'], '--timeout must be a whole number in 1..60000, not 0'],
      [['--type', 'BOGUS'], '--type BOGUS: not a record type'],
    ] as const) {
      const result = await run('verify', ZONE, '--server', '127.0.0.1', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`zonesmith: ${message}`);
    }
  });
});

describe('verify helpers', () => {
  it('reads HOST, HOST:PORT, [IPV6]:PORT and a bare IPv6 address', () => {
    expect(parseServer('ns1.example.net')).toMatchObject({ host: 'ns1.example.net', port: 53 });
    expect(parseServer('192.0.2.1:5353')).toMatchObject({ host: '192.0.2.1', port: 5353 });
    expect(parseServer('[2001:db8::1]:5353')).toMatchObject({ host: '2001:db8::1', port: 5353 });
    expect(parseServer('2001:db8::1')).toMatchObject({ host: '2001:db8::1', port: 53 });
    expect(parseServer('ns1:')).toMatch(/the port must be/);
  });

  it('compares names in record data without regard to case, and everything else octet for octet', () => {
    const record = (type: string, text: string) => {
      const parsed = parseRdata(type, tokenizeLine(text), Name.from('big.example.'));
      if (!parsed.data) throw new Error(`${type} ${text} does not parse`);
      return { owner: Name.from('big.example.'), ttl: 300, class: 'IN', type, data: parsed.data };
    };
    expect(sameData(record('MX', '10 MAIL.big.example.'), record('MX', '10 mail.BIG.EXAMPLE.'))).toBe(true);
    expect(sameData(record('MX', '10 mail'), record('MX', '20 mail'))).toBe(false);
    expect(sameData(record('TXT', '"Left over"'), record('TXT', '"left over"'))).toBe(false);
    // The SOA serial is reported per server, not as different data.
    expect(sameData(record('SOA', 'ns1 hostmaster 1 7200 3600 1209600 300'), record('SOA', 'NS1 hostmaster 2 7200 3600 1209600 300'))).toBe(true);
    expect(sameData(record('SOA', 'ns1 hostmaster 1 7200 3600 1209600 300'), record('SOA', 'ns1 hostmaster 1 7200 3600 1209600 600'))).toBe(false);
  });

  it('compares serials as RFC 1982 does, across the wrap', () => {
    expect(serialBefore(1, 2)).toBe(true);
    expect(serialBefore(4294967295, 1)).toBe(true);
    expect(serialBefore(1, 4294967295)).toBe(false);
    expect(serialVerdicts([5, 4, undefined]).map((v) => v.lag)).toEqual([undefined, 'behind 5, which another server has', undefined]);
  });
});
