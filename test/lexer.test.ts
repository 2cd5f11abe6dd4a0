import { describe, expect, it } from 'vitest';
import { binaryFromText } from '../src/zone/bytes.js';
import { Lexer, MAX_ENTRY_CHARS, MAX_HEADER_COMMENT_CHARS, scanText, tokenizeLine, type LexEntry, type LexProblem } from '../src/zone/lexer.js';

type Event = { entry: LexEntry } | { empty: number } | { problem: LexProblem };

/** Feeds `text` (as its UTF-8 octets) in pieces of `size` octets, to prove tokens may straddle chunk boundaries. */
function lex(unicode: string, size?: number): Event[] {
  const text = binaryFromText(unicode);
  size ??= text.length || 1;
  const events: Event[] = [];
  const lexer = new Lexer({
    entry: (entry) => events.push({ entry }),
    emptyLine: (line) => events.push({ empty: line }),
    problem: (problem) => events.push({ problem }),
  });
  for (let i = 0; i < text.length; i += size) lexer.write(text.slice(i, i + size));
  lexer.end();
  return events;
}

function texts(line: string): string[] {
  return tokenizeLine(line).map((t) => t.text);
}

describe('tokenizeLine', () => {
  it('splits on blanks and stamps 1-based line and column', () => {
    expect(tokenizeLine('www  3600\tIN A 192.0.2.1', 7)).toEqual([
      { text: 'www', quoted: false, line: 7, column: 1 },
      { text: '3600', quoted: false, line: 7, column: 6 },
      { text: 'IN', quoted: false, line: 7, column: 11 },
      { text: 'A', quoted: false, line: 7, column: 14 },
      { text: '192.0.2.1', quoted: false, line: 7, column: 16 },
    ]);
  });

  it('removes quotes, keeps escapes raw, and sets the quoted flag with the column of the opening quote', () => {
    const tokens = tokenizeLine('TXT "a \\"b\\" ;c" d\\065\\.e');
    expect(tokens.map((t) => [t.text, t.quoted, t.column])).toEqual([
      ['TXT', false, 1],
      ['a \\"b\\" ;c', true, 5],
      ['d\\065\\.e', false, 18],
    ]);
  });

  it('drops comments, but not a semicolon inside quotes or escaped', () => {
    expect(texts('A 1.2.3.4 ; the web server')).toEqual(['A', '1.2.3.4']);
    expect(texts('TXT "x;y" z\\;w;comment')).toEqual(['TXT', 'x;y', 'z\\;w']);
  });

  it('treats ( ) and " as delimiters even inside a word, as BIND does', () => {
    expect(texts('a(b)c"d e"f')).toEqual(['a', 'b', 'c', 'd e', 'f']);
    expect(texts('a\\(b')).toEqual(['a\\(b']);
  });

  it('keeps an empty quoted string as a token', () => {
    expect(tokenizeLine('TXT ""')).toEqual([
      { text: 'TXT', quoted: false, line: 1, column: 1 },
      { text: '', quoted: true, line: 1, column: 5 },
    ]);
  });
});

describe('scanText problems', () => {
  it('reports an unclosed quote at its column', () => {
    const { problems } = scanText('TXT "abc');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'unreadable-text', line: 1, column: 5 });
    expect(problems[0]!.message).toMatch(/not closed/);
  });

  it('reports a stray ")" and an unclosed "("', () => {
    expect(scanText('A 1.2.3.4 )').problems[0]).toMatchObject({ kind: 'unreadable-text', column: 11 });
    expect(scanText('SOA a. b. ( 1 2').problems[0]).toMatchObject({ kind: 'unreadable-text', line: 1, column: 11 });
  });

  it('keeps Unicode spaces in their token, as BIND does, and marks the entry', () => {
    const events = lex('www\u00a0\u00a0A 192.0.2.1\n');
    const entry = (events[0] as { entry: LexEntry }).entry;
    expect(entry.tokens.map((t) => t.text)).toEqual(['www\xc2\xa0\xc2\xa0A', '192.0.2.1']);
    expect(entry.tokens[1]!.column).toBe(8); // columns count characters, not octets
    expect(entry.unicodeSpace).toBe(true);
    expect(events).toHaveLength(1);
  });

  it('keeps Unicode spaces inside quotes as data, without marking the entry', () => {
    const events = lex('TXT "a\u00a0b"\n');
    const entry = (events[0] as { entry: LexEntry }).entry;
    expect(entry.tokens[1]!.text).toBe('a\xc2\xa0b');
    expect(entry.unicodeSpace).toBeUndefined();
  });

  it('counts columns in characters (UTF-8 continuation octets take none), whatever the chunk size', () => {
    for (const size of [1, 2, 3, 64]) {
      const entry = (lex('caf\u00e9 TXT "\u00fc\u20ac" x\n', size)[0] as { entry: LexEntry }).entry;
      expect(entry.tokens.map((t) => t.column)).toEqual([1, 6, 10, 15]);
    }
  });

  it('reads octets that are not UTF-8 as they are', () => {
    const lexer = scanText('t TXT "caf\xe9" caf\xe9');
    expect(lexer.tokens.map((t) => t.text)).toEqual(['t', 'TXT', 'caf\xe9', 'caf\xe9']);
  });
});

describe('Lexer: line ends, NUL and backslashes as BIND reads them', () => {
  const entries = (events: Event[]) => events.filter((e): e is { entry: LexEntry } => 'entry' in e).map((e) => e.entry);

  it('ends a line at a bare CR (old Mac files) and at CRLF, once', () => {
    for (const size of [1, 2, 64]) {
      const events = lex('a A 192.0.2.1\r  TXT x\r\nb A 192.0.2.2\r\n', size);
      expect(entries(events).map((e) => [e.line, e.leadingBlank, e.tokens.map((t) => t.text).join(' ')])).toEqual([
        [1, false, 'a A 192.0.2.1'],
        [2, true, 'TXT x'],
        [3, false, 'b A 192.0.2.2'],
      ]);
      expect(events.some((e) => 'empty' in e)).toBe(false);
    }
  });

  it('keeps a CR inside quotes and in a comment', () => {
    const events = lex('t TXT "a\rb" ; c\rd\n');
    expect(entries(events).map((e) => e.tokens.map((t) => t.text))).toEqual([['t', 'TXT', 'a\rb']]);
  });

  it('refuses a NUL outside quotes, keeps it in quotes, ignores it in a comment', () => {
    for (const size of [1, 3, 64]) {
      const events = lex('a TXT x\nb \0 TXT y\nc TXT "\0" ; \0\n', size);
      expect(entries(events).map((e) => [e.broken, e.tokens.map((t) => t.text)])).toEqual([
        [false, ['a', 'TXT', 'x']],
        [true, ['b', 'TXT', 'y']],
        [false, ['c', 'TXT', '\0']],
      ]);
      expect(events.filter((e) => 'problem' in e)).toMatchObject([{ problem: { kind: 'unreadable-text', line: 2, column: 3 } }]);
    }
  });

  it('refuses a backslash at the end of a line outside quotes (also before CRLF), and keeps it inside quotes', () => {
    for (const text of ['a A 192.0.2.1 \\\n', 't TXT a\\\r\n']) {
      const events = lex(text);
      expect(events.find((e) => 'problem' in e)).toMatchObject({ problem: { kind: 'unreadable-text', line: 1 } });
      expect(entries(events)[0]!.broken).toBe(true);
    }
    const quoted = lex('t TXT "a\\\nb"\n');
    expect(quoted.some((e) => 'problem' in e)).toBe(false);
    expect(entries(quoted)[0]!.tokens[2]!.text).toBe('a\\\nb');
  });

  it('marks the last entry when the file does not end with a line end', () => {
    expect(entries(lex('$TTL 30'))[0]!.atEndOfFile).toBe(true);
    expect(entries(lex('$TTL 30 ; c'))[0]!.atEndOfFile).toBe(true);
    expect(entries(lex('$TTL 30\n'))[0]!.atEndOfFile).toBeUndefined();
  });
});

describe('Lexer entries', () => {
  const zone = '@ IN SOA a. b. (\n  1 2 ; serial\n  3 4 5 )\n\n; comment\n  A 192.0.2.1\nwww A 192.0.2.2\n';

  it('joins parenthesised lines into one entry and marks empty and comment-only lines', () => {
    const events = lex(zone);
    expect(events).toHaveLength(5);
    const soa = (events[0] as { entry: LexEntry }).entry;
    expect(soa.line).toBe(1);
    expect(soa.leadingBlank).toBe(false);
    expect(soa.tokens.map((t) => t.text)).toEqual(['@', 'IN', 'SOA', 'a.', 'b.', '1', '2', '3', '4', '5']);
    expect(soa.tokens[7]).toMatchObject({ text: "3", line: 3, column: 3 });
    expect(events[1]).toEqual({ empty: 4 });
    expect(events[2]).toEqual({ empty: 5 });
    const blankOwner = (events[3] as { entry: LexEntry }).entry;
    expect(blankOwner).toMatchObject({ line: 6, leadingBlank: true, broken: false });
    expect((events[4] as { entry: LexEntry }).entry).toMatchObject({ line: 7, leadingBlank: false });
  });

  it('gives the same events whatever the chunk size', () => {
    const whole = JSON.stringify(lex(zone));
    for (const size of [1, 2, 3, 5, 7, 64]) expect(JSON.stringify(lex(zone, size))).toBe(whole);
  });

  it('marks an entry with a bad quote as broken and carries on with the next line', () => {
    const events = lex('a TXT "open\nb A 192.0.2.1\n');
    const entries = events.filter((e): e is { entry: LexEntry } => 'entry' in e).map((e) => e.entry);
    expect(entries.map((e) => [e.line, e.broken])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('lets an escaped newline continue a quoted string onto the next line', () => {
    const events = lex('a TXT "one\\\ntwo"\nb A 192.0.2.1\n');
    const entries = events.filter((e): e is { entry: LexEntry } => 'entry' in e).map((e) => e.entry);
    expect(entries[0]!.tokens[2]!.text).toBe('one\\\ntwo');
    expect(entries[1]!.tokens[0]).toMatchObject({ text: 'b', line: 3, column: 1 });
  });

  it('reports an unclosed "(" at the end of the file where it was opened', () => {
    const events = lex('a TXT ( "x"\n"y"\n');
    expect(events[0]).toMatchObject({ problem: { kind: 'unreadable-text', line: 1, column: 7 } });
    expect((events[1] as { entry: LexEntry }).entry.broken).toBe(true);
  });

  it('keeps memory bounded: an entry longer than the limit is reported once and dropped', () => {
    const tokens = MAX_ENTRY_CHARS / 2 + 10;
    const events = lex('big TXT ( ' + 'x '.repeat(tokens) + ')\nnext A 192.0.2.1\n', 65536);
    const problems = events.filter((e): e is { problem: LexProblem } => 'problem' in e);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatchObject({ kind: 'unreadable-text', line: 1 });
    const entries = events.filter((e): e is { entry: LexEntry } => 'entry' in e).map((e) => e.entry);
    expect(entries.map((e) => [e.line, e.broken, e.tokens.length])).toEqual([
      [1, true, 0],
      [2, false, 3],
    ]);
  });

  it('handles CRLF line ends', () => {
    const events = lex('a A 192.0.2.1\r\n  AAAA ::1\r\n');
    const entries = events.filter((e): e is { entry: LexEntry } => 'entry' in e).map((e) => e.entry);
    expect(entries.map((e) => e.tokens.map((t) => t.text))).toEqual([
      ['a', 'A', '192.0.2.1'],
      ['AAAA', '::1'],
    ]);
    expect(entries[1]!.leadingBlank).toBe(true);
  });
});

describe('Lexer header comments', () => {
  /** The header comments a sink that asks for them receives, with the text fed in pieces of `size`. */
  function headerComments(text: string, size: number): [string, number, number][] {
    const found: [string, number, number][] = [];
    const lexer = new Lexer({ entry: () => {}, emptyLine: () => {}, problem: () => {}, headerComment: (t, line, column) => found.push([t, line, column]) });
    for (let i = 0; i < text.length; i += size) lexer.write(text.slice(i, i + size));
    lexer.end();
    return found;
  }

  it('hands over the comments before the first entry, whatever the chunk size, without the CR of a CRLF line', () => {
    const text = '; first\r\n\n   ;  zonesmith: profiles mdaemon\n$ORIGIN example.com. ; on an entry\n; after the first entry\n';
    for (const size of [1, 2, 3, 7, text.length]) {
      expect(headerComments(text, size), `chunks of ${size}`).toEqual([
        [' first', 1, 1],
        ['  zonesmith: profiles mdaemon', 3, 4],
      ]);
    }
  });

  it('hands over a comment on the last line without a newline, and cuts a very long one', () => {
    expect(headerComments('; last', 2)).toEqual([[' last', 1, 1]]);
    const long = headerComments(`;${'x'.repeat(MAX_HEADER_COMMENT_CHARS + 50)}\n`, 100);
    expect(long[0]![0]).toHaveLength(MAX_HEADER_COMMENT_CHARS);
  });

  it('reads the entries the same with and without the hook', () => {
    const text = '; zonesmith: profiles standard\n@ IN A 192.0.2.1 ; c\n; x\nwww IN A 192.0.2.2\n';
    const withHook: LexEntry[] = [];
    const lexer = new Lexer({ entry: (e) => withHook.push(e), emptyLine: () => {}, problem: () => {}, headerComment: () => {} });
    lexer.write(text);
    lexer.end();
    expect(withHook).toEqual(lex(text).flatMap((e) => ('entry' in e ? [e.entry] : [])));
  });
});
