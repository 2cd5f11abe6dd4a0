/**
 * The reading cases of issue 8, each read by BIND 9.18 (named-compilezone -k warn -i local, the
 * verdict of named-checkzone) and by zonesmith: the same verdict, and where both load the same records
 * and TTLs (the fuzzer's oracle, fuzz/oracle.ts). Each case also states BIND's verdict, so a BIND that
 * reads otherwise fails here too, and checks what zonesmith says about it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judge } from '../fuzz/fuzz.js';
import { bindReading, ourReading } from '../fuzz/oracle.js';
import { lintZoneText } from '../src/lint/engine.js';
import { Name } from '../src/zone/name.js';
import { formatRdata } from '../src/zone/rdata.js';
import { bindAvailable } from './helpers/bind.js';

const ORIGIN = 'example.';
const HEAD = '$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n';
const bytes = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

interface Case {
  name: string;
  zone: Buffer;
  bindLoads: boolean;
}

const CASES: Case[] = [
  { name: 'octets that are not UTF-8 in a TXT string', zone: bytes(`${HEAD}t TXT "caf\xe9"\n`), bindLoads: true },
  { name: 'octets that are not UTF-8 in an owner', zone: bytes(`${HEAD}caf\xe9 TXT x\n`), bindLoads: true },
  { name: '$TTL on the last line without a line end', zone: bytes(`${HEAD}$TTL 30`), bindLoads: false },
  { name: '$ORIGIN on the last line without a line end', zone: bytes(`${HEAD}$ORIGIN sub.example.`), bindLoads: false },
  { name: '$INCLUDE on the last line without a line end', zone: bytes(`${HEAD}$INCLUDE other.db`), bindLoads: false },
  { name: '$GENERATE on the last line without a line end', zone: bytes(`${HEAD}$GENERATE 1-2 g$ TXT x`), bindLoads: false },
  { name: 'a record on the last line without a line end', zone: bytes(`${HEAD}a A 192.0.2.2`), bindLoads: true },
  { name: 'a record with no TTL before any $TTL or SOA', zone: bytes('a A 192.0.2.2\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n'), bindLoads: false },
  { name: 'a bare CR ends a line (old Mac files)', zone: bytes(`${HEAD}a A 192.0.2.2\rb A 192.0.2.3\r TXT x\r\n`), bindLoads: true },
  { name: 'a NUL in an owner', zone: bytes(`${HEAD}a\0b A 192.0.2.2\n`), bindLoads: false },
  { name: 'a NUL on a line of its own', zone: bytes(`${HEAD}t TXT a\n\0\nu TXT b\n`), bindLoads: false },
  { name: 'a NUL in quotes is data', zone: bytes(`${HEAD}t TXT "a\0b"\n`), bindLoads: true },
  { name: 'a NUL in a comment', zone: bytes(`${HEAD}; c\0c\nb A 192.0.2.5\n`), bindLoads: true },
  { name: 'a backslash at the end of a line', zone: bytes(`${HEAD}a A 192.0.2.2 \\\n`), bindLoads: false },
  { name: 'a backslash before CRLF', zone: bytes(`${HEAD}a A 192.0.2.2 \\\r\n`), bindLoads: false },
  { name: 'a backslash-newline inside quotes is data', zone: bytes(`${HEAD}t TXT "a\\\nb"\n`), bindLoads: true },
  { name: 'a quoted CNAME target', zone: bytes(`${HEAD}a CNAME "b"\n`), bindLoads: false },
  { name: 'a quoted MX exchange', zone: bytes(`${HEAD}a MX 10 "mail"\n`), bindLoads: false },
  { name: 'a quoted owner is a name', zone: bytes(`${HEAD}"x y" TXT a\n`), bindLoads: true },
  { name: '$INCLUDE "f""f"', zone: bytes(`${HEAD}$INCLUDE "f""f"\n`), bindLoads: false },
  { name: '$GENERATE past 2147483647', zone: bytes(`${HEAD}$GENERATE 0-2147483648 g$ A 192.0.2.9\n`), bindLoads: false },
  { name: '$GENERATE up to 2147483647', zone: bytes(`${HEAD}$GENERATE 2147483646-2147483647 g$ TXT x\n`), bindLoads: true },
  { name: 'www<U+00A0> is the name www\\194\\160', zone: utf8(`${HEAD}www\u00a0 TXT x\n`), bindLoads: true },
  { name: 'a byte-order mark at the start of a line is part of the owner', zone: utf8(`${HEAD}\ufeffwww TXT x\n`), bindLoads: true },
  { name: 'a byte-order mark before $TTL makes it an owner', zone: utf8(`\ufeff${HEAD}`), bindLoads: false },
  { name: 'U+2003 in a $GENERATE owner', zone: utf8(`${HEAD}$GENERATE 1-2 h$\u2003 A 192.0.2.$\n`), bindLoads: true },
  { name: 'U+00A0 between type and data', zone: utf8(`${HEAD}www A\u00a0192.0.2.1\n`), bindLoads: false },
  { name: 'a quoted $TTL', zone: bytes(`$TTL "2"\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n`), bindLoads: false },
  { name: '$GENERATE 1-21A reads as 1-21 (text after the range is ignored)', zone: bytes(`${HEAD}$GENERATE 1-21A IN NS sub-ns$.example.\n`), bindLoads: true },
  { name: 'a number with many leading zeros', zone: bytes(`${HEAD}x MX 0000000000000000000000010 mail\nmail A 192.0.2.3\n`), bindLoads: true },
  { name: 'an NSEC3 owner whose last digit has bits beyond the last octet', zone: bytes(`${HEAD}214748364878rnelu7i9j5jiol3koo0759itia1vkp NSEC3 1 1 1 - 7t1ect6t5vp0s7se8si9d07roqupr3gc A\n`), bindLoads: false },
  { name: 'an NSEC3 owner that decodes to whole octets', zone: bytes(`${HEAD}7t1ect6t5vp0s7se8si9d07roqupr3gc NSEC3 1 1 1 - 7t1ect6t5vp0s7se8si9d07roqupr3gc A\n`), bindLoads: true },
  { name: 'an RRset written apart takes the later TTL in BIND', zone: bytes(`x 60 A 192.0.2.2\n${HEAD}x A 192.0.2.1\n`), bindLoads: true },
  { name: 'a quoted string in RFC 3597 generic data', zone: bytes(`${HEAD}x TYPE65534 \\# 2 00 "" 10\n`), bindLoads: false },
  { name: 'a $DATE BIND reads', zone: bytes(`${HEAD}$DATE 20260101000060\n`), bindLoads: true },
  { name: 'a $DATE with month 13', zone: bytes(`${HEAD}$DATE 20261301000000\n`), bindLoads: false },
  { name: 'a $DATE of 30 February', zone: bytes(`${HEAD}$DATE 20260230000000\n`), bindLoads: false },
  { name: 'a $DATE before 1970', zone: bytes(`${HEAD}$DATE 19691231235959\n`), bindLoads: false },
  { name: 'a $DATE too long', zone: bytes(`${HEAD}$DATE 2999999999990210101000000\n`), bindLoads: false },
  { name: 'after "TTL set to prior TTL" the last TTL written is the prior one', zone: bytes('@ 3600 SOA ns1 host 1 2 3 4 5\n@ 600 NS ns1\n@ 3600 NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n'), bindLoads: true },
  { name: 'check-names: named-checkzone warns and loads', zone: bytes(`${HEAD}_a A 192.0.2.2\nx MX 10 _b\n`), bindLoads: true },
];

describe('reading as BIND 9.18 reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-bind-reading-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of CASES) {
    it(`${c.name}: BIND ${c.bindLoads ? 'loads it' : 'refuses it'}, and so do we, with the same records`, async () => {
      if (!bindAvailable()) return;
      const { verdict } = await judge(dir, c.zone, ORIGIN);
      const bind = await bindReading(dir, 'zone.db', ORIGIN);
      expect(bind.loads, bind.messages).toBe(c.bindLoads);
      expect(verdict.signature, verdict.detail).toBeUndefined();
    });
  }
});

describe('what zonesmith says about them', () => {
  const lint = (zone: Buffer) => lintZoneText(zone, { file: 'zone.db', origin: Name.from(ORIGIN) }).diagnostics;

  it('keeps the octets of a TXT string and an owner that are not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonesmith-octets-'));
    try {
      const path = join(dir, 'zone.db');
      writeFileSync(path, bytes(`${HEAD}t TXT "caf\xe9"\ncaf\xe9 TXT x\n`));
      const records = ourReading(path, ORIGIN).records;
      expect(formatRdata('TXT', records.find((r) => r.owner.toString() === 't.example.')!.data)).toBe('"caf\\233"');
      expect(records.some((r) => r.owner.toString() === 'caf\\233.example.')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a directive on the last line without a line end, saying how to mend it', () => {
    const found = lint(bytes(`${HEAD}$TTL 30`)).filter((d) => d.severity === 'error');
    expect(found.map((d) => [d.line, d.message])).toEqual([[5, expect.stringMatching(/\$TTL on the last line with no line end: BIND refuses it.*end the file with a newline/)]]);
  });

  it('a record with no TTL before $TTL and SOA: an error saying BIND rejects the zone, and no word of the SOA minimum', () => {
    const found = lint(bytes('a A 192.0.2.2\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n'));
    const ttl = found.filter((d) => d.rule === 'missing-ttl');
    expect(ttl.map((d) => [d.line, d.severity])).toEqual([[1, 'error']]);
    expect(ttl[0]!.message).toMatch(/BIND rejects the zone/);
    expect(ttl.some((d) => /SOA minimum/.test(d.message))).toBe(false);
  });

  it('offers the non-ASCII whitespace repair only where BIND refuses', () => {
    const refused = lint(utf8(`${HEAD}www A\u00a0192.0.2.1\n`)).filter((d) => d.rule === 'non-ascii-whitespace');
    expect(refused.map((d) => [d.line, d.severity, d.fix])).toEqual([[5, 'error', [{ line: 5, column: 6, endColumn: 7, text: ' ' }]]]);
    for (const loads of [`${HEAD}www\u00a0 TXT x\n`, `${HEAD}\ufeffwww TXT x\n`, `${HEAD}$GENERATE 1-2 h$\u2003 A 192.0.2.$\n`]) {
      const found = lint(utf8(loads));
      expect(found.filter((d) => d.severity === 'error')).toEqual([]);
      expect(found.filter((d) => d.fix && d.rule === 'non-ascii-whitespace')).toEqual([]);
    }
    const kept = lint(utf8(`${HEAD}www\u00a0 TXT x\n`)).find((d) => d.rule === 'non-ascii-whitespace')!;
    expect(kept.severity).toBe('warning');
    expect(kept.message).toMatch(/U\+00A0 in "www\u00a0".*www\\194\\160/);
  });

  it("Knot's duplicates.zone (CNAMEs differing only in case) has no error", async () => {
    const { CORPUS_DIR, requireShared } = await import('./helpers/shared.js');
    const file = join(CORPUS_DIR, 'zones/knot/tests-extra__tests__records__duplicates__data__duplicates.zone');
    if (!requireShared(file)) return;
    const found = lintZoneText(readFileSync(file), { file, origin: Name.from('duplicates.') }).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("target-no-address does not say BIND refuses the zone for a delegation's NS target", () => {
    const found = lint(bytes(`${HEAD}sub NS ns.elsewhere.example.\n`)).filter((d) => d.rule === 'target-no-address');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).not.toMatch(/BIND refuses/);
    const apex = lint(bytes('$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\n')).filter((d) => d.rule === 'target-no-address');
    expect(apex[0]!.message).toMatch(/BIND refuses to load the zone/);
  });
});
