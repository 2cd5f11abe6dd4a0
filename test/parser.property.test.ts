/**
 * Properties of the parser on any input: it never throws, it ends within a time bound, and every
 * diagnostic points at a line that exists in the file it names. Inputs are random zone-like text and
 * fixture/corpus files mutated character by character.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZoneProblem } from '../src/zone/problem.js';
import { Lexer, type LexEntry } from '../src/zone/lexer.js';
import { Name } from '../src/zone/name.js';
import { readZoneText } from '../src/zone/parser.js';
import { CORPUS_DIR } from './helpers/shared.js';

/** A correctness bound, not a benchmark: a run over a few KB that takes longer is a runaway loop. */
const TIME_BOUND_MS = 2000;
const FIXTURES = join(import.meta.dirname, 'fixtures', 'zones');

/** Characters that matter to the grammar, plus Unicode spaces and a non-BMP character. */
const ZONE_CHARS = [
  'a', 'b', 'x', '0', '1', '9', '.', '-', '_', '*', '@', '$', ' ', ' ', '\t', '\n', '\n', '\r', ';', '"', '(', ')', '\\',
  '\u00a0', '\u3000', '\ufeff', '\u{1F600}', 'é',
];
const WORDS = [
  'IN', 'CH', 'SOA', 'NS', 'A', 'AAAA', 'MX', 'TXT', 'SRV', 'CNAME', 'TYPE65534', '\\#', '$TTL', '$ORIGIN', '$INCLUDE',
  '$GENERATE', '1-5', '${1,3,x}', '3600', '1h30m', '2147483648', '192.0.2.1', '2001:db8::1', 'example.com.', '@', '10',
];

const zoneText = fc
  .array(fc.oneof(fc.constantFrom(...ZONE_CHARS), fc.constantFrom(...WORDS).map((w) => w + ' ')), { maxLength: 400 })
  .map((parts) => parts.join(''));

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? fixtureFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Fixture files, and the corpus's zone files when the corpus is there (small ones, to keep runs short). */
function seedFiles(): string[] {
  const files = fixtureFiles(FIXTURES);
  const zones = join(CORPUS_DIR, 'zones');
  if (existsSync(zones)) {
    for (const repo of readdirSync(zones)) {
      for (const name of readdirSync(join(zones, repo))) {
        const path = join(zones, repo, name);
        if (readFileSync(path).length < 20_000) files.push(path);
      }
    }
  }
  return files;
}

type Mutation = { at: number; kind: 'delete' | 'insert' | 'duplicate'; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate'),
  text: fc.constantFrom('"', '(', ')', '\\', ';', '\n', ' ', '\u00a0', '\u2003', '$', '.', '\\0', '\\#', '@'),
});

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + 8) + out.slice(at);
  }
  return out;
}

/** Lines as BIND counts line ends: LF, CRLF and a bare CR (an upper bound: a CR in quotes or a comment is no line end). */
function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** Reads `text` as `file`; checks the three properties and returns the diagnostics. */
function checkRun(text: string, file: string): ZoneProblem[] {
  const diagnostics: ZoneProblem[] = [];
  const started = performance.now();
  readZoneText(text, { file, origin: Name.from('example.com.') }, { record: () => {}, problem: (d) => diagnostics.push(d) });
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(TIME_BOUND_MS);
  for (const d of diagnostics) {
    const lines = d.file === file ? lineCount(text) : lineCount(readFileSync(d.file, 'utf8'));
    expect(d.line, `${d.file}:${d.line} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.line, `${d.file}:${d.line} ${d.message}`).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(1);
    // The parser turns a throw from record data into a diagnostic; none should happen.
    expect(d.message).not.toMatch(/internal error/);
  }
  return diagnostics;
}

describe('parser properties', () => {
  it('random zone-like text: no exception, bounded time, diagnostics inside the file', () => {
    fc.assert(
      fc.property(zoneText, (text) => {
        checkRun(text, join(FIXTURES, 'random.zone'));
      }),
      { numRuns: 500 },
    );
  });

  it('mutated fixture and corpus files: no exception, bounded time, diagnostics inside the file', () => {
    const files = seedFiles();
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 12 }), (file, mutations) => {
        checkRun(mutate(readFileSync(file, 'utf8'), mutations), file);
      }),
      { numRuns: 300 },
    );
  });

  it('the lexer gives the same entries however the text is cut into chunks', () => {
    const lex = (chunks: string[]): string => {
      const events: (LexEntry | number | string)[] = [];
      const lexer = new Lexer({ entry: (e) => events.push(e), emptyLine: (l) => events.push(l), problem: (p) => events.push(`${p.line}:${p.column}:${p.message}`) });
      for (const chunk of chunks) lexer.write(chunk);
      lexer.end();
      return JSON.stringify(events);
    };
    fc.assert(
      fc.property(zoneText, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const p of points) {
          chunks.push(text.slice(from, p));
          from = p;
        }
        chunks.push(text.slice(from));
        expect(lex(chunks)).toBe(lex([text]));
      }),
      { numRuns: 500 },
    );
  });
});
