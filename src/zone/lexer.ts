/**
 * The master-file lexer (RFC 1035 §5.1 as BIND's isc_lex reads it), modelled on miekg/dns `scan.go`:
 * one explicit state machine that stamps every token with line and column and groups tokens into
 * entries (one record or directive: a line, or several lines joined by parentheses).
 *
 * It streams: text arrives in chunks of any size (a token may straddle two chunks) and the only state
 * kept between chunks is the entry being built, so memory does not grow with the file.
 *
 * BIND's separators are space, tab and CR; `(`, `)` and `"` are special anywhere outside quotes; `;`
 * starts a comment. Unicode spaces (U+00A0 pasted from web pages, ...) are not separators for BIND,
 * which then refuses the zone; we report them (fixable) and then treat them as blanks, so the rest of
 * the file is still read the way its author meant it.
 */
import type { TextEdit } from '../diagnostics.js';
import type { ZoneProblemKind } from './problem.js';
import type { Token } from './token.js';

export interface LexProblem {
  kind: Extract<ZoneProblemKind, 'unreadable-text' | 'unicode-space'>;
  line: number;
  column: number;
  endColumn?: number;
  message: string;
  fix?: TextEdit[];
}

/** One record or directive: the tokens of a line, or of several lines joined by parentheses. */
export interface LexEntry {
  tokens: Token[];
  /** Line of the entry's first character. */
  line: number;
  /** The entry's first line begins with a blank (RFC 1035 §5.1: the owner is the previous one). */
  leadingBlank: boolean;
  /** A problem was reported inside this entry (bad quote, stray parenthesis...): do not read it. */
  broken: boolean;
}

export interface LexerSink {
  entry(entry: LexEntry): void;
  /** A line with no tokens: empty, blanks only, or a comment only. */
  emptyLine(line: number): void;
  problem(problem: LexProblem): void;
  /**
   * A comment before the file's first entry (the header block), its text after the `;`. Only such
   * comments are read at all: the others are skipped in one step.
   */
  headerComment?(text: string, line: number, column: number): void;
}

/** Longest header comment text handed over; the rest of such a line is dropped. */
export const MAX_HEADER_COMMENT_CHARS = 1024;

/** Longest entry we keep (sum of token lengths): far above any real record (64 KiB of rdata as \DDD). */
export const MAX_ENTRY_CHARS = 1 << 20;

const enum Mode {
  Between,
  Word,
  Quoted,
  Comment,
}

const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const SEMI = 0x3b;
const BACKSLASH = 0x5c;

/** Unicode spaces (and invisible separators) that look like blanks to a person but not to BIND. */
export function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function describeCodePoint(c: number): string {
  return 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
}

export class Lexer {
  private mode = Mode.Between;
  private line: number;
  /** Index in the current chunk where the current line starts (negative when it began in an earlier chunk). */
  private lineStart = 0;
  private escaped = false;

  // The token being read: where it started, and its text from earlier chunks.
  private tokenStart = 0;
  private tokenLine = 0;
  private tokenColumn = 0;
  private tokenPartial = '';

  private parenDepth = 0;
  private parenLine = 0;
  private parenColumn = 0;

  private tokens: Token[] = [];
  private entryLine = 0;
  private entryChars = 0;
  private leadingBlank = false;
  private broken = false;
  /** An entry has begun (a token, a parenthesis) and not yet ended. */
  private entryOpen = false;
  /** No character other than blanks has been seen on the current physical line. */
  private atLineStart = true;

  // A header comment being read (only before the first entry, and only when the sink wants them).
  private inHeader: boolean;
  private commentStart = 0;
  private commentLine = 0;
  private commentColumn = 0;
  private commentPartial = '';

  // Unicode spaces on the current line: one problem per line, with one edit per run.
  private spaceEdits: TextEdit[] = [];
  private spaceCount = 0;
  private spaceFirst = 0;
  private spaceLine = 0;
  private lastSpaceIndex = -2;

  constructor(
    private readonly sink: LexerSink,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.inHeader = sink.headerComment !== undefined;
  }

  /** Feeds the next piece of text. */
  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    if (this.mode === Mode.Word || this.mode === Mode.Quoted) this.tokenStart = 0;
    if (this.mode === Mode.Comment) this.commentStart = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.mode) {
        case Mode.Comment: {
          // Skip the rest of the comment in one step: the hot path for commented zones.
          const nl = c === NL ? i : chunk.indexOf('\n', i);
          if (nl < 0) {
            if (this.inHeader) this.keepCommentText(chunk.slice(this.commentStart, n));
            i = n;
            continue;
          }
          i = nl;
          if (this.inHeader) this.endHeaderComment(chunk.slice(this.commentStart, i));
          this.newline(chunk, i);
          break;
        }
        case Mode.Quoted:
          if (this.escaped) this.afterEscape(c, i);
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.endToken(chunk, i, true);
            this.mode = Mode.Between;
          } else if (c === NL) {
            this.problem(this.tokenLine, this.tokenColumn, 'quoted string is not closed on its line: end it with " (write \\" for a quote inside it)');
            this.broken = true;
            this.endToken(chunk, i, true);
            this.mode = Mode.Between;
            this.newline(chunk, i);
          }
          break;
        case Mode.Word:
          if (this.escaped) {
            this.afterEscape(c, i);
            break;
          }
          if (c === BACKSLASH) {
            this.escaped = true;
            break;
          }
          if (
            c === SPACE ||
            c === TAB ||
            c === CR ||
            c === NL ||
            c === SEMI ||
            c === LPAREN ||
            c === RPAREN ||
            c === QUOTE ||
            (c >= 0x80 && isUnicodeSpace(c))
          ) {
            this.endToken(chunk, i, false);
            this.mode = Mode.Between;
            this.between(chunk, i, c);
          }
          break;
        case Mode.Between:
          this.between(chunk, i, c);
          break;
      }
      i++;
    }
    // Carry the unfinished token and the line position into the next chunk.
    if (this.mode === Mode.Word || this.mode === Mode.Quoted) {
      this.tokenPartial += chunk.slice(this.tokenStart, n);
      this.entryChars += n - this.tokenStart;
      if (this.entryChars > MAX_ENTRY_CHARS) this.overflow();
    }
    this.lineStart -= n;
    this.lastSpaceIndex -= n;
  }

  /** Signals the end of the text: closes the last token and entry. */
  end(): void {
    if (this.mode === Mode.Comment && this.inHeader) this.endHeaderComment('');
    if (this.mode === Mode.Quoted) {
      this.problem(this.tokenLine, this.tokenColumn, 'quoted string is not closed before the end of the file: end it with "');
      this.broken = true;
      this.endToken('', 0, true);
    } else if (this.mode === Mode.Word) {
      this.endToken('', 0, false);
    }
    this.mode = Mode.Between;
    this.flushUnicodeSpaces();
    if (this.parenDepth > 0) {
      this.problem(this.parenLine, this.parenColumn, '"(" is never closed: add ")" at the end of the record');
      this.broken = true;
      this.parenDepth = 0;
    }
    if (!this.endEntry() && !this.atLineStart) this.sink.emptyLine(this.line);
  }

  private column(i: number): number {
    return i - this.lineStart + 1;
  }

  private between(chunk: string, i: number, c: number): void {
    if (c === SPACE || c === TAB || c === CR) {
      if (this.atLineStart && !this.entryOpen) this.leadingBlank = true;
      return;
    }
    if (c >= 0x80 && isUnicodeSpace(c)) {
      // A byte-order mark opening the file is reported, but does not make the first line start with a blank.
      const byteOrderMark = c === 0xfeff && this.line === 1 && this.column(i) === 1;
      if (this.atLineStart && !this.entryOpen && !byteOrderMark) this.leadingBlank = true;
      this.noteUnicodeSpace(i, c);
      return;
    }
    if (c === NL) {
      this.newline(chunk, i);
      return;
    }
    this.atLineStart = false;
    if (c === SEMI) {
      this.mode = Mode.Comment;
      if (this.inHeader) {
        this.commentStart = i + 1;
        this.commentLine = this.line;
        this.commentColumn = this.column(i);
        this.commentPartial = '';
      }
      return;
    }
    if (c === LPAREN) {
      this.startEntryIfNeeded();
      if (this.parenDepth === 0) {
        this.parenLine = this.line;
        this.parenColumn = this.column(i);
      }
      this.parenDepth++;
      return;
    }
    if (c === RPAREN) {
      if (this.parenDepth === 0) {
        this.problem(this.line, this.column(i), '")" without a matching "(": remove it or open the group earlier');
        this.startEntryIfNeeded();
        this.broken = true;
      } else this.parenDepth--;
      return;
    }
    this.startEntryIfNeeded();
    this.tokenStart = c === QUOTE ? i + 1 : i;
    this.tokenLine = this.line;
    this.tokenColumn = this.column(i);
    this.tokenPartial = '';
    if (c === QUOTE) this.mode = Mode.Quoted;
    else {
      this.mode = Mode.Word;
      if (c === BACKSLASH) this.escaped = true;
    }
  }

  private keepCommentText(piece: string): void {
    if (this.commentPartial.length < MAX_HEADER_COMMENT_CHARS) this.commentPartial = (this.commentPartial + piece).slice(0, MAX_HEADER_COMMENT_CHARS);
  }

  private endHeaderComment(piece: string): void {
    this.keepCommentText(piece);
    const text = this.commentPartial.endsWith('\r') ? this.commentPartial.slice(0, -1) : this.commentPartial;
    this.commentPartial = '';
    this.sink.headerComment!(text, this.commentLine, this.commentColumn);
  }

  private startEntryIfNeeded(): void {
    this.inHeader = false;
    if (!this.entryOpen) {
      this.entryOpen = true;
      this.entryLine = this.line;
    }
  }

  private endToken(chunk: string, i: number, quoted: boolean): void {
    const piece = chunk.slice(this.tokenStart, i);
    const text = this.tokenPartial.length > 0 ? this.tokenPartial + piece : piece;
    this.tokenPartial = '';
    this.escaped = false;
    this.entryChars += piece.length + (quoted ? 2 : 1);
    if (this.entryChars > MAX_ENTRY_CHARS) {
      this.overflow();
      return;
    }
    this.tokens.push({ text, quoted, line: this.tokenLine, column: this.tokenColumn });
  }

  private overflow(): void {
    if (!this.broken || this.tokens.length > 0) {
      this.problem(this.entryLine, 1, `record is longer than ${MAX_ENTRY_CHARS} characters: check for a missing ")" or quote`);
    }
    this.broken = true;
    this.tokens = [];
    this.tokenPartial = '';
  }

  /** The character after a backslash belongs to the token whatever it is; an escaped newline still counts as a line. */
  private afterEscape(c: number, i: number): void {
    this.escaped = false;
    if (c === NL) this.countLine(i);
  }

  private countLine(i: number): void {
    this.flushUnicodeSpaces();
    this.line++;
    this.lineStart = i + 1;
  }

  private newline(chunk: string, i: number): void {
    if (this.mode === Mode.Word) this.endToken(chunk, i, false);
    this.mode = Mode.Between;
    const lineNumber = this.line;
    this.countLine(i);
    this.atLineStart = true;
    if (this.parenDepth > 0) return;
    if (!this.endEntry()) this.sink.emptyLine(lineNumber);
  }

  /** Hands the entry to the sink; false when there was nothing to hand (an empty line). */
  private endEntry(): boolean {
    const had = this.tokens.length > 0 || this.broken;
    if (had) {
      this.sink.entry({ tokens: this.tokens, line: this.entryLine, leadingBlank: this.leadingBlank, broken: this.broken });
      this.tokens = [];
    }
    this.entryOpen = false;
    this.leadingBlank = false;
    this.broken = false;
    this.entryChars = 0;
    return had;
  }

  private noteUnicodeSpace(i: number, c: number): void {
    const column = this.column(i);
    const last = this.spaceEdits[this.spaceEdits.length - 1];
    if (last && i === this.lastSpaceIndex + 1) {
      last.endColumn = column + 1;
      last.text += ' ';
    } else {
      if (this.spaceCount === 0) {
        this.spaceFirst = c;
        this.spaceLine = this.line;
      }
      this.spaceEdits.push({ line: this.line, column, endColumn: column + 1, text: ' ' });
    }
    this.lastSpaceIndex = i;
    this.spaceCount++;
  }

  /** Reports the Unicode spaces of the line just ended, if any: one problem, one edit per run. */
  private flushUnicodeSpaces(): void {
    const first = this.spaceEdits[0];
    if (!first) return;
    const count = this.spaceCount;
    const what = count === 1 ? describeCodePoint(this.spaceFirst) : `${count} Unicode spaces (the first is ${describeCodePoint(this.spaceFirst)})`;
    this.sink.problem({
      kind: 'unicode-space',
      line: this.spaceLine,
      column: first.column,
      endColumn: first.endColumn,
      message: `${what} where the zone format wants blanks: BIND does not take ${count === 1 ? 'it as a separator' : 'them as separators'} and refuses the zone; replace with plain spaces`,
      fix: this.spaceEdits,
    });
    this.spaceEdits = [];
    this.spaceCount = 0;
    this.lastSpaceIndex = -2;
  }

  private problem(line: number, column: number, message: string): void {
    this.sink.problem({ kind: 'unreadable-text', line, column, message });
  }
}

/** All tokens and problems of a piece of presentation text (one line or several). */
export function scanText(text: string, line = 1): { tokens: Token[]; problems: LexProblem[] } {
  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  const lexer = new Lexer(
    {
      entry: (entry) => {
        for (const token of entry.tokens) tokens.push(token);
      },
      emptyLine: () => {},
      problem: (problem) => problems.push(problem),
    },
    line,
  );
  lexer.write(text);
  lexer.end();
  return { tokens, problems };
}

/**
 * One line of presentation text to tokens: quotes removed (`quoted` set), escapes kept raw,
 * comments and parentheses dropped, 1-based columns. Problems are ignored; use scanText to see them.
 */
export function tokenizeLine(text: string, line = 1): Token[] {
  return scanText(text, line).tokens;
}
