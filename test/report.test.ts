/** The four report formats, and the re-reading of source lines for the text report. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { RULES } from '../src/lint/rules/index.js';
import { escapeData, escapeProperty, formatGithub } from '../src/report/github.js';
import { formatJson } from '../src/report/json.js';
import { formatSarif, helpUri } from '../src/report/sarif.js';
import { SourceQuoter } from '../src/report/sources.js';
import { formatText, printable, textReporter } from '../src/report/text.js';
import { bufferedWrite } from '../src/report/reporter.js';
import { REPO_ROOT } from './helpers/shared.js';

const NS: Diagnostic = {
  file: 'zones/example.com.dns',
  line: 15,
  column: 21,
  endColumn: 42,
  severity: 'error',
  rule: 'target-no-address',
  message: 'NS target dns.mydnsprovider.org.example.com. has no A or AAAA record',
};
const SOA: Diagnostic = { file: 'zones/example.com.dns', line: 7, column: 10, endColumn: 13, severity: 'info', rule: 'soa-values', message: 'SOA retry 600 is below 3600' };
const TTL: Diagnostic = {
  file: 'zones/example.com.dns',
  line: 1,
  column: 1,
  severity: 'warning',
  rule: 'missing-ttl',
  message: 'no $TTL directive',
  fix: [{ line: 1, column: 1, endColumn: 1, text: '$TTL 3600\n' }],
};

describe('text', () => {
  const sourceLines = new Map([['zones/example.com.dns', new Map([[15, '@\tIN NS' + ' '.repeat(13) + 'dns.mydnsprovider.org'], [7, '         600 ; retry']])]]);

  it('prints file:line:col  severity  message  rule, the line and a caret under the offending text', () => {
    const out = formatText([NS], { color: false, sourceLines, fileCount: 1 });
    expect(out.split('\n')).toEqual([
      'zones/example.com.dns:15:21  error  NS target dns.mydnsprovider.org.example.com. has no A or AAAA record  target-no-address',
      '   15 | @\tIN NS' + ' '.repeat(13) + 'dns.mydnsprovider.org',
      // The tab before the column is kept, so the caret lines up whatever the tab width.
      '      |  \t' + ' '.repeat(18) + '^'.repeat(21),
      '',
      '1 target-no-address',
      '1 problem (1 error, 0 warnings, 0 info) in 1 file',
      '',
    ]);
  });

  it('counts severities and fixable problems in the summary, and says so when there are none', () => {
    expect(formatText([TTL, SOA, NS], { color: false, fileCount: 2 })).toContain(
      '3 problems (1 error, 1 warning, 1 info) in 2 files; 1 fixable with --fix',
    );
    expect(formatText([], { color: false, fileCount: 3 })).toBe('no problems in 3 files\n');
  });

  it('ends with a count per rule, most found first, then by id, marking the fixable rules', () => {
    const many = [NS, SOA, TTL, NS, { ...SOA, line: 8 }, NS, TTL];
    const out = formatText(many, { color: false, fileCount: 1, metas: RULES.map((rule) => rule.meta) });
    expect(out.split('\n').slice(-5)).toEqual([
      '3 target-no-address',
      '2 missing-ttl (fixable)',
      '2 soa-values',
      '7 problems (3 errors, 2 warnings, 2 info) in 1 file; 2 fixable with --fix',
      '',
    ]);
  });

  it('streams: each diagnostic is written when it comes, the counts at the end', () => {
    const pieces: string[] = [];
    const reporter = textReporter((chunk) => pieces.push(chunk), { color: false });
    reporter.begin();
    reporter.diagnostic(NS);
    expect(pieces.join('')).toContain('target-no-address\n');
    reporter.diagnostic(SOA);
    expect(pieces).toHaveLength(2);
    reporter.end({ fileCount: 1 });
    expect(pieces.at(-1)).toMatch(/^\n1 soa-values\n1 target-no-address\n2 problems/);
  });

  it('uses colour only when asked', () => {
    expect(formatText([NS], { color: false, fileCount: 1 })).not.toContain('\u001b[');
    expect(formatText([NS], { color: true, fileCount: 1 })).toContain('\u001b[31merror');
  });

  it('never passes control characters from a zone file to the terminal', () => {
    const hostile = new Map([['zones/example.com.dns', new Map([[15, 'evil\u001b[2J\u0007 IN A 1.2.3.4']])]]);
    const out = formatText([{ ...NS, message: 'bad \u001b]0;title\u0007' }], { color: false, sourceLines: hostile, fileCount: 1 });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).toContain('evil\\x1b[2J\\x07 IN A');
    expect(printable('a\tb\rc')).toBe('a\tb\\x0dc');
  });
});

describe('json', () => {
  it('is an array of {file, line, column, endColumn?, severity, rule, message, fix?}', () => {
    expect(JSON.parse(formatJson([TTL, NS]))).toEqual([
      { file: TTL.file, line: 1, column: 1, severity: 'warning', rule: 'missing-ttl', message: 'no $TTL directive', fix: TTL.fix },
      { file: NS.file, line: 15, column: 21, endColumn: 42, severity: 'error', rule: 'target-no-address', message: NS.message },
    ]);
    expect(formatJson([])).toBe('[]\n');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/lint/sarif-2.1.0-required.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(schema);
  const metas = RULES.map((rule) => rule.meta);
  const log = JSON.parse(formatSarif([NS, SOA, TTL], metas));

  it('has the required SARIF 2.1.0 shape', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('lists every rule meta in tool.driver.rules, with help links', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(metas.map((m) => m.id));
    const srv = rules.find((r: { id: string }) => r.id === 'srv-port-zero');
    expect(srv.defaultConfiguration.level).toBe('error');
    expect(srv.helpUri).toBe('https://www.rfc-editor.org/rfc/rfc2782');
    expect(helpUri(metas.find((m) => m.id === 'cname-and-other-data')!)).toBe('https://www.rfc-editor.org/rfc/rfc1034#section-3.6.2');
  });

  it('gives each result its rule, level and region; info becomes note', () => {
    const [ns, soa] = log.runs[0].results;
    expect(ns).toMatchObject({
      ruleId: 'target-no-address',
      ruleIndex: metas.findIndex((m) => m.id === 'target-no-address'),
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'zones/example.com.dns' }, region: { startLine: 15, startColumn: 21, endColumn: 42 } } }],
    });
    expect(soa.level).toBe('note');
  });

  it('writes artifact paths relative to %SRCROOT%, percent-encoded', () => {
    const abs = JSON.parse(formatSarif([{ ...NS, file: '/srv/dns/zones/a b.dns' }], metas, { root: '/srv/dns' }));
    expect(abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('zones/a%20b.dns');
  });
});

describe('github', () => {
  it('writes one workflow command per diagnostic; info is a notice', () => {
    expect(formatGithub([NS, SOA]).split('\n')).toEqual([
      '::error file=zones/example.com.dns,line=15,col=21,endColumn=42,title=target-no-address::NS target dns.mydnsprovider.org.example.com. has no A or AAAA record',
      '::notice file=zones/example.com.dns,line=7,col=10,endColumn=13,title=soa-values::SOA retry 600 is below 3600',
      '',
    ]);
  });

  it('escapes % CR LF in data and also : , in properties, so no input can inject a command', () => {
    expect(escapeData('100%\r\n::error::x')).toBe('100%25%0D%0A::error::x');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const out = formatGithub([{ ...NS, file: 'x,title=evil:y.dns', message: 'line\n::error::injected' }]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('file=x%2Ctitle=evil%3Ay.dns,');
  });
});

describe('source lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('quotes lines of files and of given texts, CRLF or not, forward and back', () => {
    const file = join(dir, 'z.dns');
    writeFileSync(file, 'one\r\ntwo\nthree\nfour');
    const quoter = new SourceQuoter(new Map([['-', 'a\r\nb']]));
    expect([2, 4, 1, 3, 5].map((line) => quoter.quote(file, line))).toEqual(['two', 'four', 'one', 'three', undefined]);
    expect([1, 2, 9].map((line) => quoter.quote('-', line))).toEqual(['a', 'b', undefined]);
    quoter.close();
  });

  it('goes back further than its window by reading the file again', () => {
    const file = join(dir, 'many.dns');
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
    const quoter = new SourceQuoter();
    expect(quoter.quote(file, 4000)).toBe('line 4000');
    expect(quoter.quote(file, 3990)).toBe('line 3990');
    expect(quoter.quote(file, 7)).toBe('line 7');
    expect(quoter.quote(file, 4999)).toBe('line 4999');
    quoter.close();
  });

  it('cuts absurdly long lines', () => {
    const file = join(dir, 'long.dns');
    writeFileSync(file, 'x'.repeat(100_000) + '\nsecond\n');
    const quoter = new SourceQuoter();
    expect(quoter.quote(file, 1)).toHaveLength(400);
    expect(quoter.quote(file, 2)).toBe('second');
    quoter.close();
  });

  it('gives no lines for a file that has gone', () => {
    const quoter = new SourceQuoter();
    expect(quoter.quote(join(dir, 'gone.dns'), 1)).toBeUndefined();
    quoter.close();
  });
});

describe('streamed json and sarif', () => {
  const metas = RULES.map((rule) => rule.meta);

  it('are byte for byte what JSON.stringify gives for the whole array', () => {
    for (const list of [[], [NS], [TTL, SOA, NS]]) {
      expect(formatJson(list)).toBe(JSON.stringify(JSON.parse(formatJson(list)), null, 2) + '\n');
      const sarif = formatSarif(list, metas);
      const parsed = JSON.parse(sarif);
      expect(parsed.runs[0].results).toHaveLength(list.length);
      expect(sarif).toBe(JSON.stringify(parsed, null, 2) + '\n');
    }
  });
});

describe('buffered output', () => {
  it('passes writes on in pieces of about the given size, and the rest on flush', () => {
    const passed: string[] = [];
    const output = bufferedWrite((chunk) => passed.push(chunk), 10);
    for (const word of ['abcd', 'efgh', 'ijkl', 'mn']) output.write(word);
    expect(passed).toEqual(['abcdefghijkl']);
    output.flush();
    expect(passed).toEqual(['abcdefghijkl', 'mn']);
  });
});
