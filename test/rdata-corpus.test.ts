/**
 * BIND is the oracle, twice over.
 * 1. For every record line of every canonical dump in the corpus (named-compilezone -s full),
 *    parseRdata must read the data, formatRdata must print exactly BIND's text, and reading that
 *    text again must give the same wire form.
 * 2. For the one-line records of the corpus's source files, as their authors wrote them, parseRdata
 *    must accept exactly the record data BIND accepts and refuse what BIND refuses with
 *    "dns_rdata_fromtext" in the checkzone logs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../src/zone/lexer.js';
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

/** True when a line opens or closes parentheses or leaves a quote open: a multi-line record, for the parser tests. */
function isMultiLine(line: string): boolean {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') break;
    else if (!quoted && (c === '(' || c === ')')) return true;
  }
  return quoted;
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
      let inParentheses = false;
      readFileSync(join(CORPUS, file), 'latin1').split('\n').forEach((line, index) => {
        const lineNumber = index + 1;
        const continued = inParentheses;
        if (isMultiLine(line)) inParentheses = !inParentheses;
        if (continued || inParentheses || lineNumber >= verdict.stoppedAt || verdict.otherwise.has(lineNumber)) return;
        if (line.startsWith('$')) {
          const [directive, argument] = line.split(/[ \t]+/);
          const next = directive === '$ORIGIN' && argument ? Name.parse(argument, origin) : undefined;
          if (next?.ok) origin = next.name;
          return;
        }
        if (/[^\x00-\x7f]/.test(line)) return; // non-ASCII blanks and text are the lexer's tests
        const tokens = tokenizeLine(line, lineNumber);
        let at = /^[ \t]/.test(line) ? 0 : 1; // the owner, unless the line starts with a blank
        let recordClass = 'IN';
        for (; at < tokens.length && !tokens[at]!.quoted; at++) {
          const text = tokens[at]!.text;
          if (isClass(text)) recordClass = normalizeClass(text)!;
          else if (!parseTtl(text).ok) break;
        }
        const typeToken = tokens[at];
        if (!typeToken || typeToken.quoted || !isKnownType(typeToken.text) || recordClass !== 'IN') return;
        const result = parseRdata(typeToken.text, tokens.slice(at + 1), origin);
        const bindAccepts = !verdict.refused.has(lineNumber);
        judged++;
        if (!bindAccepts) refusedByBind++;
        if ((result.data !== undefined) !== bindAccepts) {
          const ours = result.data ? 'we accept' : `we refuse: ${result.problems.map((p) => p.message).join(' | ')}`;
          disagreements.push(`${file}:${lineNumber}: BIND ${bindAccepts ? 'accepts' : 'refuses'}, ${ours}\n    ${line.trim()}`);
        }
      });
    }
    console.log(
      `rdata corpus sources: ${judged - disagreements.length}/${judged} one-line records judged as BIND judges their data (${refusedByBind} of them refused by BIND)`,
    );
    expect(judged).toBeGreaterThan(20000);
    expect(refusedByBind).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  });
});
