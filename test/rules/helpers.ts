/**
 * A RuleTester after ESLint's: each rule gets tables of valid zones (no finding) and invalid zones
 * (findings at given lines). Zones are small snippets of zone text read by a deliberately tiny
 * builder (one record per line, no parentheses, no quotes): enough to make ParsedRecords with tokens
 * and positions, so the rules are tested apart from the real parser. The engine tests use the parser.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../src/diagnostics.js';
import { collectDiagnostics, LintSession, type LintOptions } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/rule.js';
import { binaryFromText } from '../../src/zone/bytes.js';
import { Name } from '../../src/zone/name.js';
import type { ParsedRecord } from '../../src/zone/parser.js';
import type { Rdata } from '../../src/zone/record.js';
import type { Token } from '../../src/zone/token.js';
import { parseTtl } from '../../src/zone/ttl.js';

export const FILE = 'example.com.dns';
const CLASSES = new Set(['IN', 'CH', 'HS']);

function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith(';')) break;
    tokens.push({ text: m[0], quoted: false, line, column: m.index + 1 });
  }
  return tokens;
}

/** Names are read as the parser reads them: as octets (non-ASCII text as its UTF-8). */
function name(text: string, origin: Name): Name {
  return Name.from(binaryFromText(text), origin);
}

function num(text: string): number {
  const ttl = parseTtl(text);
  if (!ttl.ok) throw new Error(ttl.error);
  return ttl.value;
}

function buildData(type: string, t: string[], origin: Name): Rdata {
  switch (type) {
    case 'A':
    case 'AAAA':
      return { address: t[0]! };
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      return { target: name(t[0]!, origin) };
    case 'MX':
      return { preference: Number(t[0]), exchange: name(t[1]!, origin) };
    case 'SRV':
      return { priority: Number(t[0]), weight: Number(t[1]), port: Number(t[2]), target: name(t[3]!, origin) };
    case 'SOA':
      return {
        mname: name(t[0]!, origin),
        rname: name(t[1]!, origin),
        serial: Number(t[2]),
        refresh: num(t[3]!),
        retry: num(t[4]!),
        expire: num(t[5]!),
        minimum: num(t[6]!),
      };
    case 'TXT':
    case 'SPF':
      return { strings: t.map((s) => new TextEncoder().encode(s)) };
    default:
      throw new Error(`the test builder does not know ${type}`);
  }
}

export interface BuiltZone {
  records: ParsedRecord[];
  hasTtlDirective: boolean;
  origin: Name;
}

/** Reads a snippet: `$TTL`, `$ORIGIN`, blank-owner lines, comments and blank lines (which set afterBreak). */
export function buildZone(text: string, originText = 'example.com.'): BuiltZone {
  let origin = Name.from(originText);
  const records: ParsedRecord[] = [];
  let defaultTtl: number | undefined;
  let hasTtlDirective = false;
  let previous: ParsedRecord | undefined;
  let afterBreak = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const tokens = tokenize(raw, line);
    if (tokens.length === 0) {
      afterBreak = true;
      return;
    }
    if (tokens[0]!.text === '$TTL') {
      defaultTtl = num(tokens[1]!.text);
      hasTtlDirective = true;
      return;
    }
    if (tokens[0]!.text === '$ORIGIN') {
      origin = Name.from(tokens[1]!.text, origin);
      return;
    }
    const inherited = /^\s/.test(raw);
    const ownerToken = inherited ? undefined : tokens.shift();
    let ttlToken: Token | undefined;
    let klass = 'IN';
    while (tokens.length > 0) {
      const head = tokens[0]!.text;
      if (CLASSES.has(head.toUpperCase())) klass = tokens.shift()!.text.toUpperCase();
      else if (/^[0-9]/.test(head)) ttlToken = tokens.shift();
      else break;
    }
    const typeToken = tokens.shift()!;
    const type = typeToken.text.toUpperCase();
    const data = buildData(type, tokens.map((t) => t.text), origin);
    const owner = ownerToken ? name(ownerToken.text, origin) : previous!.owner;
    const soaMinimum = type === 'SOA' ? (data.minimum as number) : undefined;
    const ttl = ttlToken ? num(ttlToken.text) : (defaultTtl ?? soaMinimum ?? records.find((r) => r.type === 'SOA')?.data.minimum ?? 3600);
    const record: ParsedRecord = {
      owner,
      ttl: ttl as number,
      class: klass,
      type,
      data,
      position: { file: FILE, line, column: ownerToken?.column ?? typeToken.column },
      ...(ownerToken ? { ownerToken } : {}),
      typeToken,
      ...(ttlToken ? { ttlToken } : {}),
      rdataTokens: tokens,
      ownerInherited: inherited,
      afterBreak,
      ...(previous ? { previousType: previous.type } : {}),
      ttlExplicit: ttlToken !== undefined,
      origin,
    };
    records.push(record);
    previous = record;
    afterBreak = false;
  });
  return { records, hasTtlDirective, origin: Name.from(originText) };
}

/** Lints a snippet with the given rules only (all rules when omitted). */
export function lintSnippet(text: string, rules?: readonly Rule[], options: Partial<LintOptions> = {}): Diagnostic[] {
  const zone = buildZone(text);
  const collected = collectDiagnostics();
  const session = new LintSession({ file: FILE, ...options }, collected.sink, rules);
  for (const record of zone.records) session.record(record);
  session.finish({ origin: zone.origin, hasTtlDirective: zone.hasTtlDirective });
  return collected.sorted();
}

/** A minimal correct zone head (SOA with good timers, two NS with addresses) to build cases on. */
export const HEAD = [
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 2024010100 14400 3600 1209600 3600',
  '@ IN NS ns1',
  '@ IN NS ns2',
  'ns1 IN A 192.0.2.1',
  'ns2 IN A 192.0.2.2',
].join('\n');

export interface InvalidCase {
  zone: string;
  /** Expected findings in order of line: line, and optionally a message pattern and severity. */
  errors: { line: number; column?: number; message?: RegExp; severity?: Severity }[];
  options?: Partial<LintOptions>;
}

export interface RuleCases {
  valid: (string | { zone: string; options?: Partial<LintOptions> })[];
  invalid: InvalidCase[];
}

export function ruleTester(rule: Rule, cases: RuleCases): void {
  describe(`rule ${rule.meta.id}`, () => {
    cases.valid.forEach((c, i) => {
      const { zone, options } = typeof c === 'string' ? { zone: c, options: {} } : c;
      it(`valid #${i + 1}`, () => {
        expect(lintSnippet(zone, [rule], options)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}`, () => {
        const found = lintSnippet(c.zone, [rule], c.options);
        expect(found.map((d) => d.line)).toEqual(c.errors.map((e) => e.line));
        c.errors.forEach((e, j) => {
          const d = found[j]!;
          expect(d.rule).toBe(rule.meta.id);
          if (e.column !== undefined) expect(d.column).toBe(e.column);
          if (e.message) expect(d.message).toMatch(e.message);
          expect(d.severity).toBe(e.severity ?? rule.meta.severity);
        });
      });
    });
  });
}
