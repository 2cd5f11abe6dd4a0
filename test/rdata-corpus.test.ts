/**
 * BIND is the oracle, twice over.
 * 1. For every record line of every canonical dump in the corpus (named-compilezone -s full),
 *    parseRdata must read the data, formatRdata must print exactly BIND's text, and reading that
 *    text again must give the same wire form.
 * 2. For the records of the corpus's source files, as their authors wrote them (grouped by the
 *    lexer), parseRdata must accept exactly the record data BIND accepts and refuse what BIND
 *    refuses with "dns_rdata_fromtext" in the checkzone logs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexer, tokenizeLine, type LexEntry } from '../src/zone/lexer.js';
import { Name } from '../src/zone/name.js';
import { formatRdata, isClass, isKnownType, normalizeClass, parseRdata, rdataToWire } from '../src/zone/rdata.js';
import { parseTtl } from '../src/zone/ttl.js';
import { CORPUS_DIR, requireShared } from './helpers/shared.js';

const CORPUS = CORPUS_DIR;
const CANONICAL = join(CORPUS, 'canonical');
/** Without the corpus these tests skip with a message, except under CI, where that is a failure. */
const haveCorpus = requireShared(CANONICAL);

function dumpFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...dumpFiles(path));
    else if (entry.endsWith('.txt')) out.push(path);
  }
  return out;
}

/** `owner<blanks>ttl IN TYPE<blank>data`: the type and the data text exactly as BIND printed it. */
function splitDumpLine(line: string): { type: string; data: string } | undefined {
  let rest = line;
  const fields: string[] = [];
  for (let i = 0; i < 4; i++) {
    rest = rest.replace(/^[ \t]+/, '');
    const end = rest.search(/[ \t]/);
    if (end < 0) return undefined;
    fields.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  return { type: fields[3]!, data: rest.replace(/^[ \t]/, '').replace(/^\t+/, '') };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe('rdata against BIND canonical dumps', () => {
  it.runIf(haveCorpus)('reads and prints every record of every canonical dump exactly as BIND does', () => {
    const agree = new Map<string, number>();
    const disagreements: string[] = [];
    let lines = 0;
    for (const file of dumpFiles(CANONICAL)) {
      const text = readFileSync(file, 'latin1');
      text.split('\n').forEach((line, index) => {
        if (line.length === 0 || line.startsWith(';')) return;
        lines++;
        const where = `${file.slice(CANONICAL.length + 1)}:${index + 1}`;
        const split = splitDumpLine(line);
        if (!split) {
          disagreements.push(`${where}: cannot split "${line}"`);
          return;
        }
        const { type, data: bindText } = split;
        const parsed = parseRdata(type, tokenizeLine(bindText), null);
        if (!parsed.data) {
          disagreements.push(`${where}: ${type} not read: ${parsed.problems.map((p) => p.message).join('; ')} <- ${bindText.slice(0, 120)}`);
          return;
        }
        const printed = formatRdata(type, parsed.data);
        if (printed !== bindText) {
          disagreements.push(`${where}: ${type} printed\n    ours: ${printed.slice(0, 200)}\n    BIND: ${bindText.slice(0, 200)}`);
          return;
        }
        const again = parseRdata(type, tokenizeLine(printed), null);
        if (!again.data || !sameBytes(rdataToWire(type, again.data), rdataToWire(type, parsed.data))) {
          disagreements.push(`${where}: ${type} reads differently the second time`);
          return;
        }
        const key = type.startsWith('TYPE') ? 'TYPEnnn' : type;
        agree.set(key, (agree.get(key) ?? 0) + 1);
      });
    }
    const summary = [...agree.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`);
    console.log(`rdata corpus: ${lines - disagreements.length}/${lines} lines agree with BIND\n  ${summary.join(', ')}`);
    expect(lines).toBeGreaterThan(30000);
    expect(disagreements).toEqual([]);
  });
});

/** BIND's verdict per line of one zone file, from its checkzone log. */
interface LogVerdict {
  /** Lines whose record data BIND refused. */
  refused: Set<number>;
  /** Lines BIND complained about for other reasons (owner names, zone rules): not a verdict on the data. */
  otherwise: Set<number>;
  /** BIND stopped reading here (a fatal master-file error); later lines were never judged. */
  stoppedAt: number;
}

function readLog(file: string): LogVerdict {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const verdict: LogVerdict = { refused: new Set(), otherwise: new Set(), stoppedAt: Infinity };
  for (const line of readFileSync(join(CORPUS, 'logs', `${file}.checkzone.txt`), 'latin1').split('\n')) {
    const data = line.startsWith('dns_rdata_fromtext: ');
    const rest = data ? line.slice('dns_rdata_fromtext: '.length) : line.startsWith('dns_master_load: ') ? line.slice(17) : line;
    if (!rest.startsWith(`${base}:`)) continue;
    const lineNumber = Number(rest.slice(base.length + 1, rest.indexOf(':', base.length + 1)));
    if (data) verdict.refused.add(lineNumber);
    else if (line.startsWith('dns_master_load: ')) verdict.stoppedAt = Math.min(verdict.stoppedAt, lineNumber);
    else if (!rest.includes(': warning: ')) verdict.otherwise.add(lineNumber);
  }
  return verdict;
}

/** The records and directives of a zone file as the lexer groups them (parentheses joined), with their line spans. */
function entriesOf(text: string): { entry: LexEntry; lastLine: number }[] {
  const entries: { entry: LexEntry; lastLine: number }[] = [];
  const lexer = new Lexer({
    entry: (entry) => entries.push({ entry, lastLine: Math.max(entry.line, ...entry.tokens.map((t) => t.line)) }),
    emptyLine: () => {},
    problem: () => {},
  });
  lexer.write(text);
  lexer.end();
  return entries;
}

describe('rdata against BIND on the corpus source files', () => {
  it.runIf(haveCorpus)('accepts and refuses the same record data as BIND', () => {
    const manifest = readFileSync(join(CORPUS, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
    let judged = 0;
    let refusedByBind = 0;
    const disagreements: string[] = [];
    for (const row of manifest) {
      const [file = '', originText = ''] = row.split('\t');
      const verdict = readLog(file);
      let origin = Name.from(originText);
      const lines = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);
      for (const { entry, lastLine } of entriesOf(readFileSync(join(CORPUS, file), 'latin1'))) {
        const span = lines(entry.line, lastLine);
        if (entry.broken || lastLine >= verdict.stoppedAt || span.some((n) => verdict.otherwise.has(n))) continue;
        const tokens = entry.tokens;
        const first = tokens[0]!;
        if (!entry.leadingBlank && !first.quoted && first.text.startsWith('$')) {
          const next = first.text === '$ORIGIN' && tokens[1] ? Name.parse(tokens[1].text, origin) : undefined;
          if (next?.ok) origin = next.name;
          continue;
        }
        if (tokens.some((t) => /[^\x00-\x7f]/.test(t.text))) continue; // non-ASCII text is the lexer's and parser's tests
        let at = entry.leadingBlank ? 0 : 1; // the owner, unless the entry starts with a blank
        let recordClass = 'IN';
        for (; at < tokens.length && !tokens[at]!.quoted; at++) {
          const text = tokens[at]!.text;
          if (isClass(text)) recordClass = normalizeClass(text)!;
          else if (!parseTtl(text).ok) break;
        }
        const typeToken = tokens[at];
        if (!typeToken || typeToken.quoted || !isKnownType(typeToken.text) || recordClass !== 'IN') continue;
        const result = parseRdata(typeToken.text, tokens.slice(at + 1), origin);
        const bindAccepts = !span.some((n) => verdict.refused.has(n));
        judged++;
        if (!bindAccepts) refusedByBind++;
        if ((result.data !== undefined) !== bindAccepts) {
          const ours = result.data ? 'we accept' : `we refuse: ${result.problems.map((p) => p.message).join(' | ')}`;
          const source = tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ');
          disagreements.push(`${file}:${entry.line}: BIND ${bindAccepts ? 'accepts' : 'refuses'}, ${ours}\n    ${source.slice(0, 200)}`);
        }
      }
    }
    console.log(
      `rdata corpus sources: ${judged - disagreements.length}/${judged} records judged as BIND judges their data (${refusedByBind} of them refused by BIND)`,
    );
    expect(judged).toBeGreaterThan(20000);
    expect(refusedByBind).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  });
});
