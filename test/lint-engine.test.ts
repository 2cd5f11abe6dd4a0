/** The engine with the real parser: severities, parser diagnostics, includes, bounded index, robustness. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/lint/config.js';
import { collectDiagnostics, LintSession, lintZoneText } from '../src/lint/engine.js';
import { lintZoneFile } from '../src/lint/lint-file.js';
import type { Rule } from '../src/lint/rule.js';
import { MAX_REFS_PER_TARGET } from '../src/lint/zone-index.js';
import { Name } from '../src/zone/name.js';
import { readZoneText } from '../src/zone/parser.js';
import { REPO_ROOT, SEED_ZONE, requireShared } from './helpers/shared.js';
import { ZONE_HEAD } from './helpers/zone-head.js';

const ORIGIN = Name.from('example.com.');
const HEAD = ZONE_HEAD;
const lint = (text: string, rules = {}) => lintZoneText(text, { file: 'z.dns', origin: ORIGIN, rules }).diagnostics;

describe('severities', () => {
  const broken = `${HEAD}\nwww IN A 999.1.1.1\nlan IN A 10.1.1.1\n`;

  it('passes parser diagnostics through under their rule ids', () => {
    expect(lint(broken).map((d) => [d.line, d.rule, d.severity])).toEqual([
      [5, 'syntax', 'error'],
      [6, 'private-address', 'warning'],
    ]);
  });

  it('applies configured severities to rule findings and parser diagnostics alike, and "off" drops them', () => {
    expect(lint(broken, { syntax: 'warning', 'private-address': 'off' }).map((d) => [d.rule, d.severity])).toEqual([['syntax', 'warning']]);
    expect(lint(broken, { 'private-address': 'error' }).find((d) => d.rule === 'private-address')?.severity).toBe('error');
  });

  it('says a missing $TTL once, with the fix, not once from the parser and once from the rule', () => {
    const found = lint(HEAD.replace('$TTL 3600\n', '')).filter((d) => d.rule === 'missing-ttl');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeDefined();
  });

  it("reports BIND's zone-level refusals under their own rules", () => {
    const found = lint('$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 3600\n');
    expect(found).toEqual([expect.objectContaining({ line: 2, rule: 'apex-no-ns', severity: 'error', message: expect.stringContaining('has no NS records') })]);
  });

  it('says a BIND-fatal CNAME clash once, that BIND refuses the zone', () => {
    const found = lint(`${HEAD}\nwww IN CNAME web.example.net.\nwww IN TXT "x"\n`);
    expect(found.map((d) => [d.rule, d.line])).toEqual([['cname-and-other-data', 5]]);
    expect(found[0]!.message).toMatch(/has a CNAME and also TXT \(line 6\).*BIND refuses the zone/);
  });

  it('says an apex NS target that is an alias, or has no address, once, by the rule that says so, adding that BIND refuses the zone', () => {
    const alias = lint(`${HEAD}\nalias IN CNAME ns1\n@ IN NS alias\n`);
    expect(alias.map((d) => [d.rule, d.line])).toEqual([['ns-target-cname', 6]]);
    expect(alias[0]!.message).toMatch(/so BIND refuses the zone/);
    const bare = lint(`${HEAD}\n@ IN NS ns3\n`);
    expect(bare.map((d) => [d.rule, d.line])).toEqual([['target-no-address', 5]]);
    expect(bare[0]!.message).toMatch(/BIND refuses to load the zone/);
  });

  it('applies configured severities to zone-level refusals by rule id', () => {
    const zone = `${HEAD}\n@ IN DS 1 8 2 ${'0'.repeat(64)}\n`;
    expect(lint(zone).map((d) => [d.rule, d.severity])).toEqual([['ds-at-apex', 'error']]);
    expect(lint(zone, { 'ds-at-apex': 'warning' }).map((d) => [d.rule, d.severity])).toEqual([['ds-at-apex', 'warning']]);
    expect(lint(zone, { 'ds-at-apex': 'off' })).toEqual([]);
  });

  it('keeps a record BIND refuses for want of any TTL an error beside the missing-ttl finding', () => {
    const found = lint('www IN A 192.0.2.1\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.2\n').filter((d) => d.rule === 'missing-ttl');
    // The warning is the parser's own about the SOA (line 2), which takes its minimum as BIND gives it.
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [1, 'error'],
      [2, 'warning'],
    ]);
  });
});

describe('streaming', () => {
  it('hands record findings and parser diagnostics over as the zone is read, whole-zone findings sorted at finish', () => {
    const seen: [number, string, string][] = [];
    let phase = 'reading';
    const session = new LintSession({ file: 'z.dns', origin: ORIGIN, rules: { 'private-address': 'error' } }, (d) => seen.push([d.line, d.rule, `${phase} ${d.severity}`]));
    // Line 5 has no address records behind the MX target (a whole-zone finding), 6 is unreadable,
    // 7 and 9 private addresses (record findings), 8 an SRV whose target has no address.
    const text = `${HEAD}\n@ IN MX 10 mx\nwww IN A 999.1.1.1\nlan IN A 10.1.1.1\n_imaps._tcp IN SRV 0 0 993 imap\nlan2 IN A 10.1.1.2\n`;
    const summary = readZoneText(text, { file: 'z.dns', origin: ORIGIN }, session);
    expect(seen).toEqual([
      [6, 'syntax', 'reading error'],
      [7, 'private-address', 'reading error'],
      [9, 'private-address', 'reading error'],
    ]);
    phase = 'finish';
    session.finish({ origin: summary.origin, hasTtlDirective: summary.hasTtlDirective });
    const atFinish = seen.slice(3);
    expect(atFinish.every(([, , when]) => when.startsWith('finish'))).toBe(true);
    expect(atFinish.map(([line, rule]) => [line, rule])).toContainEqual([5, 'target-no-address']);
    expect(atFinish.map(([line]) => line)).toEqual([...atFinish.map(([line]) => line)].sort((a, b) => a - b));
  });

  it('collects into one array sorted by file, line, column and rule for callers who want an array', () => {
    // Streamed, the private address (line 6) comes first; collected, the whole-zone finding of line 5 does.
    const found = lint(`${HEAD}\n@ IN MX 10 mx\nlan IN A 10.1.1.1\n`, { 'missing-autodiscovery-record': 'off' });
    expect(found.map((d) => [d.line, d.rule])).toEqual([
      [5, 'target-no-address'],
      [6, 'private-address'],
    ]);
  });
});

describe('$INCLUDE', () => {
  it('reports in the included file, and says which file a referenced line is in', () => {
    const file = join(REPO_ROOT, 'test/fixtures/lint/include/example.com.dns');
    const { diagnostics, files } = lintZoneFile({ file });
    expect(files).toHaveLength(2);
    const inc = join(REPO_ROOT, 'test/fixtures/lint/include/hosts.inc');
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([[inc, 3, 'private-address']]);
  });
});

describe('the index stays compact', () => {
  it('keeps a bounded number of places per target, and counts the rest', () => {
    const lines = [HEAD];
    for (let i = 0; i < 500; i++) lines.push(`host${i} IN MX 10 nowhere`);
    const found = lint(lines.join('\n')).filter((d) => d.rule === 'target-no-address');
    expect(found).toHaveLength(MAX_REFS_PER_TARGET);
    expect(found.at(-1)!.message).toContain(`(and ${500 - MAX_REFS_PER_TARGET} more references to it)`);
  });

  it('lints 100,000 records in a few seconds', () => {
    const lines = [HEAD];
    for (let i = 0; i < 100_000; i++) lines.push(`h${i} IN A 192.0.2.${i % 250}`);
    const started = Date.now();
    expect(lint(lines.join('\n'))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('a rule that throws', () => {
  it('costs its own findings only, and is reported, not thrown', () => {
    const exploding: Rule = {
      meta: { id: 'exploding', severity: 'warning', description: 'throws on every record', source: 'test', fixable: false },
      create: () => ({
        record() {
          throw new Error('boom');
        },
      }),
    };
    const collected = collectDiagnostics();
    const session = new LintSession({ file: 'z.dns', origin: ORIGIN }, collected.sink, [exploding]);
    const summary = readZoneText(`${HEAD}\nwww IN A 192.0.2.1\n`, { file: 'z.dns', origin: ORIGIN }, session);
    session.finish({ origin: summary.origin, hasTtlDirective: summary.hasTtlDirective });
    const found = collected.sorted();
    expect(found).toEqual([expect.objectContaining({ rule: 'exploding', severity: 'error', line: 2, message: expect.stringContaining('boom') })]);
  });
});

describe('config', () => {
  it('accepts profiles as a comma string, a spec without lint:, and reports YAML errors at their place', () => {
    expect(parseConfig('profiles: "mdaemon, connector"\n', 'c.yaml')).toMatchObject({ profiles: ['mdaemon', 'connector'], diagnostics: [] });
    expect(parseConfig('version: 1\nzones: []\n', 'spec.yaml')).toMatchObject({ rules: {}, diagnostics: [] });
    const bad = parseConfig('rules:\n  syntax: [\n', 'c.yaml');
    expect(bad.diagnostics[0]).toMatchObject({ file: 'c.yaml', rule: 'config', severity: 'error' });
    expect(bad.diagnostics[0]!.message).toMatch(/^not valid YAML/);
    expect(parseConfig('- a\n', 'c.yaml').diagnostics[0]!.message).toContain('a config is a mapping');
  });
});

describe('robustness', () => {
  const seed = requireShared(SEED_ZONE) ? readFileSync(SEED_ZONE, 'utf8') : HEAD;

  it('never throws on mutated zones, and every diagnostic points inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 8 }),
        (edits) => {
          let text = seed;
          for (const [at, cut, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          const lines = text.split('\n').length;
          const found = lintZoneText(text, { file: 'fuzz.dns', origin: ORIGIN, profiles: ['standard', 'mdaemon', 'connector'] }).diagnostics;
          for (const d of found) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lines + 1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(0);
          }
          expect(found.some((d) => d.message.startsWith('internal error'))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
