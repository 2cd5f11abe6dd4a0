import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ZoneProblem } from '../src/zone/problem.js';
import { Name } from '../src/zone/name.js';
import { originFromFileName } from '../src/zone/origin.js';
import { readZoneText, type ParsedRecord, type ZoneReadSummary } from '../src/zone/parser.js';
import { readZoneFile, type ZoneFileReadOptions } from '../src/zone/read-file.js';
import { formatRdata } from '../src/zone/rdata.js';
import { bindAvailable } from './helpers/bind.js';
import { SEED_ZONE, requireShared } from './helpers/shared.js';
import { compareWithBind, readForComparison } from './helpers/zone-compare.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'zones');
const EXAMPLE = Name.from('example.com.');

interface Reading {
  records: ParsedRecord[];
  diagnostics: ZoneProblem[];
  summary: ZoneReadSummary;
}

function readFixture(name: string, options: Partial<ZoneFileReadOptions> = {}): Reading {
  const records: ParsedRecord[] = [];
  const diagnostics: ZoneProblem[] = [];
  const summary = readZoneFile(
    { file: join(FIXTURES, name), origin: EXAMPLE, ...options },
    { record: (r) => records.push(r), problem: (d) => diagnostics.push(d) },
  );
  return { records, diagnostics, summary };
}

function readText(text: string, options: Partial<ZoneFileReadOptions> = {}): Reading {
  const records: ParsedRecord[] = [];
  const diagnostics: ZoneProblem[] = [];
  const summary = readZoneText(
    text,
    { file: join(FIXTURES, 'inline.zone'), origin: EXAMPLE, ...options },
    { record: (r) => records.push(r), problem: (d) => diagnostics.push(d) },
  );
  return { records, diagnostics, summary };
}

/** `line owner ttl type data`, the shape BIND's dump has, plus the line the record came from. */
function lines(records: ParsedRecord[]): string[] {
  return records.map((r) => `${r.position.line} ${r.owner.toString()} ${r.ttl} ${r.class} ${r.type} ${formatRdata(r.type, r.data)}`);
}

function where(diagnostics: ZoneProblem[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.kind}`);
}

describe('originFromFileName', () => {
  it.each([
    ['zones/example.com.dns', 'example.com.'],
    ['example.com.zone', 'example.com.'],
    ['/etc/bind/db.example.com', 'example.com.'],
    ['example.com', 'example.com.'],
    ['example.com.db', 'example.com.'],
  ])('%s -> %s', (file, origin) => {
    expect(originFromFileName(file)?.toString()).toBe(origin);
  });

  it('gives nothing for a name that cannot be a domain', () => {
    expect(originFromFileName('a..b')).toBeUndefined();
  });
});

describe('readZoneFile on the seed zone', () => {
  it('reports each line with Unicode spaces, reads them as blanks, and puts the MX on inbound', () => {
    if (!requireShared(SEED_ZONE)) return;
    const { records, diagnostics } = readFixture('', { file: SEED_ZONE });
    const spaceLines = diagnostics.filter((d) => d.kind === 'unicode-space').map((d) => d.line);
    const text = readFileSync(SEED_ZONE, 'utf8').split('\n');
    const expected = text.flatMap((line, i) => (/\u00a0/.test(line.split(';')[0]!) ? [i + 1] : []));
    expect(spaceLines).toEqual(expected);
    for (const d of diagnostics.filter((d) => d.kind === 'unicode-space')) {
      expect(d.severity).toBe('error');
      expect(d.fix!.length).toBeGreaterThan(0);
      for (const edit of d.fix!) expect(text[edit.line - 1]!.slice(edit.column - 1, edit.endColumn - 1)).toMatch(/^\u00a0+$/);
    }
    const mx = records.find((r) => r.type === 'MX')!;
    expect(mx.position.line).toBe(34);
    expect(mx.owner.toString()).toBe('inbound.example.com.');
    expect(mx).toMatchObject({ ownerInherited: true, afterBreak: true, previousType: 'A' });
    const ns = records.find((r) => r.type === 'NS')!;
    expect(formatRdata('NS', ns.data)).toBe('dns.mydnsprovider.org.example.com.');
    expect(records).toHaveLength(23);
    expect(records.every((r) => r.ttl === 3600 && !r.ttlExplicit)).toBe(true);
    expect(diagnostics.filter((d) => d.kind === 'ttl-from-soa-minimum').map((d) => [d.line, d.severity])).toEqual([[4, 'warning']]);
  });
});

describe('readZoneFile: the grammar', () => {
  const { records, diagnostics, summary } = readFixture('basic.zone');

  it('reads it without a problem', () => {
    expect(diagnostics).toEqual([]);
    expect(summary).toMatchObject({ hasTtlDirective: true, recordCount: 10 });
    expect(summary.origin.toString()).toBe('example.com.');
  });

  it('joins parentheses, takes TTL and class in either order, TTL units, blank owners across types and $ORIGIN', () => {
    expect(lines(records)).toEqual([
      '2 example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300',
      '7 example.com. 3600 IN NS ns1.example.com.',
      '8 example.com. 3600 IN NS ns2.example.net.',
      '9 ns1.example.com. 300 IN A 192.0.2.1',
      '10 ns1.example.com. 86400 IN AAAA 2001:db8::1',
      '11 www.example.com. 3600 IN A 192.0.2.2',
      '14 www.example.com. 3600 IN TXT "v=spf1 -all; not a comment" "say \\"hi\\"" "AB"',
      '17 www.example.com. 3600 IN MX 10 mail.example.com.',
      '18 host.sub.example.com. 777600 IN A 192.0.2.3',
      '19 sub.example.com. 3600 IN A 192.0.2.4',
    ]);
  });

  it('fills the positional fields of each record', () => {
    const aaaa = records[4]!;
    expect(aaaa).toMatchObject({ ownerInherited: true, ttlExplicit: true, previousType: 'A', afterBreak: false });
    expect(aaaa.ownerToken).toBeUndefined();
    expect(aaaa.ttlToken).toMatchObject({ text: '1d', line: 10, column: 5 });
    expect(aaaa.typeToken).toMatchObject({ text: 'AAAA', line: 10, column: 8 });
    expect(aaaa.position).toMatchObject({ line: 10, column: 2 });
    const txt = records[6]!;
    expect(txt.afterBreak).toBe(true);
    expect(txt.rdataTokens.map((t) => [t.text, t.quoted])).toEqual([
      ['v=spf1 -all; not a comment', true],
      ['say \\"hi\\"', true],
      ['\\065\\066', false],
    ]);
    const mx = records[7]!;
    expect(mx.owner.toString()).toBe('www.example.com.'); // BIND keeps the owner across $ORIGIN
    expect(mx.origin.toString()).toBe('sub.example.com.');
    const soa = records[0]!;
    expect(soa.ownerToken).toMatchObject({ text: '@', line: 2, column: 1 });
    expect(soa.rdataTokens.at(-1)).toMatchObject({ text: '300', line: 6 });
    expect(records.every((r) => r.generated === undefined)).toBe(true);
  });

  it('reads text the same way as a file', () => {
    const text = readFileSync(join(FIXTURES, 'basic.zone'), 'utf8');
    expect(lines(readText(text).records)).toEqual(lines(records));
  });
});

describe('readZoneFile: edge cases of the grammar', () => {
  it('reads TYPEnnn and CLASSnnn as their mnemonics, escapes in owners, TTL units, relative $ORIGIN', () => {
    const { records, diagnostics } = readFixture('edge.zone');
    // d\.e is no host name: named-checkzone warns (check-names) and loads it.
    expect(diagnostics.map((d) => [d.line, d.kind, d.severity])).toEqual([[9, 'check-names', 'warning']]);
    const byOwner = new Map(records.map((r) => [r.owner.toString(), r]));
    expect(byOwner.get('c.example.com.')).toMatchObject({ type: 'A', ttl: 3600 });
    expect(byOwner.get('ns1.example.com.')).toMatchObject({ class: 'IN' });
    expect(byOwner.get('d\\.e.example.com.')!.owner.labels).toEqual(['d.e', 'example', 'com']);
    expect(byOwner.get('Abc.example.com.')).toBeDefined();
    expect(byOwner.get('g.sub.example.com.')).toMatchObject({ type: 'AAAA', ttl: 90, ttlExplicit: true });
    expect(byOwner.get('TYPE65534.example.com.')).toMatchObject({ type: 'TYPE65534' });
    expect(formatRdata('TXT', byOwner.get('f.sub.example.com.')!.data)).toBe('"multi" "line"');
  });
});

describe('readZoneFile: $INCLUDE', () => {
  it('reads the included file with its origin, positions in that file, and restores owner and origin after it', () => {
    const { records, diagnostics, summary } = readFixture('include/main.zone');
    expect(diagnostics).toEqual([]);
    expect(lines(records)).toEqual([
      '2 example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300',
      '3 example.com. 300 IN NS ns1.example.com.',
      '4 ns1.example.com. 300 IN A 192.0.2.1',
      '2 host.inner.example.com. 300 IN A 192.0.2.5',
      '3 host.inner.example.com. 300 IN TXT "still host"',
      '6 ns1.example.com. 300 IN AAAA 2001:db8::1',
      '7 rel.example.com. 300 IN A 192.0.2.9',
    ]);
    expect(records[3]!.position.file).toBe(join(FIXTURES, 'include', 'sub', 'inc.zone'));
    expect(records[5]!.position.file).toBe(join(FIXTURES, 'include', 'main.zone'));
    expect(summary.files).toEqual([join(FIXTURES, 'include', 'main.zone'), join(FIXTURES, 'include', 'sub', 'inc.zone')]);
  });

  it('carries the current owner into the included file, as BIND does (checked with named-compilezone)', () => {
    const { records, diagnostics } = readFixture('include/carry.zone');
    expect(diagnostics).toEqual([]);
    expect(lines(records).slice(3)).toEqual([
      '5 www.example.com. 300 IN A 192.0.2.2',
      '1 www.example.com. 300 IN TXT "in include"',
      '2 host.sub.example.com. 300 IN A 192.0.2.3',
      '7 www.example.com. 300 IN AAAA 2001:db8::2',
    ]);
    expect(records[4]!.origin.toString()).toBe('sub.example.com.');
  });

  it('refuses a file outside the zone folder without showing it, and names a missing file', () => {
    const { records, diagnostics } = readFixture('include-outside/zone/main.zone');
    expect(where(diagnostics)).toEqual(['5:10 error include-refused', '6:10 error cannot-read']);
    expect(diagnostics[0]!.message).toMatch(/outside the folder.*--allow-include-outside/);
    expect(diagnostics[1]!.message).toMatch(/file not found/);
    expect(JSON.stringify(diagnostics)).not.toContain('TOP-SECRET');
    expect(records.some((r) => r.owner.toString().includes('TOP-SECRET'))).toBe(false);
  });

  it('follows it when allowed', () => {
    const { records } = readFixture('include-outside/zone/main.zone', { allowIncludeOutside: true });
    expect(records.map((r) => r.owner.toString())).toContain('TOP-SECRET-CONTENT.example.com.');
  });

  it('catches an include loop in the file that closes it', () => {
    const { records, diagnostics } = readFixture('loop/a.zone');
    expect(records.map((r) => r.owner.toString())).toContain('b.example.com.');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: join(FIXTURES, 'loop', 'b.zone'), line: 2, severity: 'error' });
    expect(diagnostics[0]!.message).toMatch(/loop/);
  });

  it('limits the depth', () => {
    const deep = readFixture('depth/main.zone');
    expect(deep.diagnostics).toEqual([]);
    const shallow = readFixture('depth/main.zone', { maxIncludeDepth: 2 });
    expect(shallow.records.map((r) => r.owner.toString())).not.toContain('d3.example.com.');
    expect(shallow.diagnostics).toHaveLength(1);
    expect(shallow.diagnostics[0]).toMatchObject({ file: join(FIXTURES, 'depth', 'd2.zone'), line: 2 });
  });
});

describe('readZoneFile: header annotations', () => {
  it('keeps the zonesmith: comments before the first record or directive of the zone file, not those of included files', () => {
    const { summary, diagnostics } = readFixture('annotations/main.zone');
    expect(diagnostics).toEqual([]);
    const file = join(FIXTURES, 'annotations', 'main.zone');
    expect(summary.annotations).toEqual([
      { text: 'profiles mdaemon', position: { file, line: 2, column: 1 } },
      { text: 'note  two words', position: { file, line: 3, column: 2 } },
    ]);
  });
});

describe('readZoneFile: $GENERATE', () => {
  const { records, diagnostics } = readFixture('generate.zone');

  it('expands $, ${offset,width,base} and $$, with TTL and class', () => {
    const generated = records.filter((r) => r.generated);
    expect(lines(generated)).toEqual([
      '5 host-1.example.com. 300 IN A 192.0.2.1',
      '5 host-2.example.com. 300 IN A 192.0.2.2',
      '5 host-3.example.com. 300 IN A 192.0.2.3',
      '6 010.pool.example.com. 60 IN CNAME pool-00.example.com.',
      '6 012.pool.example.com. 60 IN CNAME pool-02.example.com.',
      '6 014.pool.example.com. 60 IN CNAME pool-04.example.com.',
      '7 10.rev.example.com. 300 IN PTR h\\$-0.example.com.',
      '7 11.rev.example.com. 300 IN PTR h\\$-1.example.com.',
      '8 f.f.example.com. 300 IN TXT "n"',
    ]);
    expect(generated[0]!.rdataTokens[0]).toMatchObject({ line: 5, column: 24 }); // where the right-hand side is written
  });

  it('reports a bad range and a bad modifier once each', () => {
    expect(where(diagnostics)).toEqual(['9:11 error bad-generate', '10:15 error bad-generate']);
    expect(diagnostics[0]!.message).toMatch(/invalid range "5-1"/);
    expect(diagnostics[1]!.message).toMatch(/bad modifier/);
  });

  it('refuses a range too big to expand in bounded time', () => {
    const { records: r, diagnostics: d } = readText('$TTL 1\n@ SOA a. b. 1 2 3 4 5\n@ NS a.\n$GENERATE 0-4000000000 h$ A 192.0.2.1\n');
    expect(r).toHaveLength(2);
    expect(where(d)).toEqual(['4:11 error bad-generate']);
  });
});

describe('readZoneFile: TTLs as BIND sets them', () => {
  it('uses the SOA minimum when there is no $TTL, even after a record with a TTL', () => {
    const { records, diagnostics, summary } = readFixture('no-ttl-soa-minimum.zone');
    expect(records.map((r) => r.ttl)).toEqual([900, 900, 60, 900]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.kind])).toEqual([[1, 'warning', 'ttl-from-soa-minimum']]);
    expect(diagnostics[0]!.message).toMatch(/\$TTL 900/);
    expect(summary.hasTtlDirective).toBe(false);
  });

  it('uses the last TTL written (RFC 1035 semantics) when the SOA has one', () => {
    const { records, diagnostics } = readFixture('no-ttl-rfc1035.zone');
    expect(records.map((r) => r.ttl)).toEqual([600, 600, 60, 60]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.kind])).toEqual([[2, 'warning', 'ttl-from-last-record']]);
  });

  it('takes the TTL written on an out-of-zone record as the last TTL written, as BIND does', () => {
    const { records } = readFixture('no-ttl-out-of-zone.zone');
    expect(records.map((r) => `${r.owner.toString()} ${r.ttl}`)).toEqual(['example.com. 3600', 'example.com. 3600', 'ns1.example.com. 3600', 'y.example.com. 60']);
  });

  it('rejects a record with no TTL at all before the SOA', () => {
    const { records, diagnostics } = readFixture('no-ttl-rejected.zone');
    expect(records.map((r) => r.type)).toEqual(['SOA', 'NS']);
    expect(diagnostics.map((d) => [d.line, d.severity, d.kind])).toEqual([
      [1, 'error', 'no-ttl'],
      [2, 'warning', 'ttl-from-soa-minimum'],
    ]);
  });

  it('sets a TTL above 2^31-1 to 0 with a warning, for $TTL and records', () => {
    const { records, diagnostics } = readFixture('ttl-too-big.zone');
    expect(records.map((r) => r.ttl)).toEqual([0, 0, 0, 0]);
    expect(where(diagnostics)).toEqual(['1:6 warning ttl-above-max', '4:5 warning ttl-above-max']);
  });
});

describe('readZoneFile: bad input', () => {
  const { records, diagnostics } = readFixture('errors.zone');

  it('reports every problem with its place and goes on with the next line', () => {
    expect(where(diagnostics)).toEqual([
      '5:1 error bad-name', // empty label
      '6:5 error bad-rdata', // bad address
      '7:3 error unknown-type', // unknown type
      '8:3 error bad-ttl', // 1h30
      '9:7 error unreadable-text', // unclosed quote
      '11:1 error unreadable-text', // stray )
      '13:1 error bad-directive', // unknown directive
      '14:1 warning out-of-zone-data', // out of zone: BIND only warns
      '16:7 error wrong-class', // class CH
      '17:1 error soa-not-at-apex', // SOA not at the apex
      '18:1 error second-soa', // a second SOA
      '19:1 error name-too-long', // label too long
      '20:6 error wrong-class', // ANY is a class here, and not IN
      '21:5 error obsolete-type', // MD is obsolete
    ]);
    expect(records.map((r) => r.owner.toString())).toEqual([
      'example.com.',
      'example.com.',
      'ns1.example.com.',
      'ok1.example.com.',
      'ok2.example.com.',
      'sub.example.com.',
      'example.com.',
      'ok3.example.com.',
    ]);
  });

  it('says what would be valid', () => {
    const byLine = new Map(diagnostics.map((d) => [d.line, d.message]));
    expect(byLine.get(7)).toMatch(/TYPEnnn/);
    expect(byLine.get(8)).toMatch(/1h30m/);
    expect(byLine.get(13)).toMatch(/\$ORIGIN, \$TTL, \$INCLUDE and \$GENERATE/);
    expect(byLine.get(16)).toMatch(/write IN/);
  });

  it('reports a zone without SOA at its first record', () => {
    const { diagnostics: d } = readFixture('no-soa.zone');
    expect(where(d)).toEqual(['2:1 error no-soa']);
    expect(d[0]!.message).toMatch(/no SOA/);
  });

  it('reports a blank owner with no owner before it', () => {
    const { records: r, diagnostics: d } = readText('$TTL 1\n  A 192.0.2.1\n@ SOA a. b. 1 2 3 4 5\n');
    expect(r.map((x) => x.type)).toEqual(['SOA']);
    expect(where(d)).toEqual(['2:3 error no-owner']);
  });

  it('reports Unicode spaces outside quotes and comments, then reads them as blanks', () => {
    const { records: r, diagnostics: d } = readFixture('unicode-spaces.zone');
    expect(d.map((x) => [x.line, x.column, x.kind, x.severity])).toEqual([
      [2, 2, 'unicode-space', 'error'],
      [3, 1, 'unicode-space', 'error'],
    ]);
    expect(d[1]!.fix).toEqual([
      { line: 3, column: 1, endColumn: 3, text: '  ' },
      { line: 3, column: 5, endColumn: 6, text: ' ' },
    ]);
    expect(lines(r).slice(1)).toEqual([
      '3 example.com. 300 IN NS ns1.example.com.',
      '4 ns1.example.com. 300 IN A 192.0.2.1',
      '5 txt.example.com. 300 IN TXT "\\194\\160 inside quotes is data"',
    ]);
  });

  it('reports a file it cannot read without throwing', () => {
    const { records: r, diagnostics: d } = readFixture('does-not-exist.zone');
    expect(r).toEqual([]);
    expect(d[0]).toMatchObject({ line: 1, column: 1, severity: 'error', kind: 'cannot-read' });
    expect(d[0]!.message).toMatch(/file not found/);
  });
});

describe('readZoneText: origin', () => {
  it('takes a leading $ORIGIN when no origin is given', () => {
    const { records, summary } = readText('$ORIGIN example.org.\n$TTL 1\n@ SOA a. b. 1 2 3 4 5\n@ NS a.\n', { origin: undefined });
    expect(summary.origin.toString()).toBe('example.org.');
    expect(records[0]!.owner.toString()).toBe('example.org.');
  });

  it('falls back to the file name', () => {
    const { summary } = readText('$TTL 1\n@ SOA a. b. 1 2 3 4 5\n', { origin: undefined, file: 'db.example.net' });
    expect(summary.origin.toString()).toBe('example.net.');
  });
});

describe('readZoneFile against named-compilezone', () => {
  // The fixtures BIND loads: our reading must be BIND's, record for record. Same flags as the corpus's
  // dumps: check-names problems (such as `d\.e` as a host name) are the linter's to report.
  const loadable = ['basic.zone', 'edge.zone', 'include/main.zone', 'include/carry.zone', 'no-ttl-soa-minimum.zone', 'no-ttl-rfc1035.zone', 'ttl-too-big.zone', 'depth/main.zone'];

  it.each(loadable)('%s reads as BIND reads it', (name) => {
    if (!bindAvailable()) return;
    const file = join(FIXTURES, name);
    const dir = mkdtempSync(join(tmpdir(), 'zonesmith-parser-'));
    try {
      const dump = join(dir, 'dump.txt');
      // Run where the file is: BIND resolves $INCLUDE from its working directory.
      const run = spawnSync('named-compilezone', ['-i', 'local', '-k', 'warn', '-n', 'warn', '-s', 'full', '-o', dump, EXAMPLE.toString(), file], {
        cwd: join(file, '..'),
        encoding: 'utf8',
      });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const ours = readForComparison(file, EXAMPLE, true);
      const bind = readForComparison(dump, EXAMPLE, false);
      expect(ours.errors).toEqual([]);
      expect(bind.errors).toEqual([]);
      expect(compareWithBind(ours.records, bind.records)).toBeUndefined();
      expect(ours.records.length).toBe(bind.records.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the $GENERATE fixture without its two bad lines reads as BIND reads it', () => {
    if (!bindAvailable()) return;
    const dir = mkdtempSync(join(tmpdir(), 'zonesmith-parser-'));
    try {
      const good = join(dir, 'generate.zone');
      writeFileSync(good, readFileSync(join(FIXTURES, 'generate.zone'), 'utf8').split('\n').slice(0, 8).join('\n') + '\n');
      const dump = join(dir, 'dump.txt');
      const run = spawnSync('named-compilezone', ['-i', 'local', '-k', 'warn', '-n', 'warn', '-s', 'full', '-o', dump, EXAMPLE.toString(), good], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const ours = readForComparison(good, EXAMPLE, true);
      expect(ours.errors).toEqual([]);
      expect(compareWithBind(ours.records, readForComparison(dump, EXAMPLE, false).records)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
