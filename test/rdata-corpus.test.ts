/**
 * BIND's own text is the oracle: for every record line of every canonical dump in the corpus
 * (named-compilezone -s full), parseRdata must read the data, formatRdata must print exactly
 * BIND's text, and reading that text again must give the same wire form.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../src/zone/lexer.js';
import { formatRdata, parseRdata, rdataToWire } from '../src/zone/rdata.js';

const CORPUS = resolve(process.env.ZONESMITH_CORPUS ?? '../shared/corpus');
const CANONICAL = join(CORPUS, 'canonical');

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
  it('reads and prints every record of every canonical dump exactly as BIND does', () => {
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
