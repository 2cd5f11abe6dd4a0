/**
 * The master-file lexer (RFC 1035 §5.1 as BIND's isc_lex reads it), modelled on miekg/dns `scan.go`:
 * one explicit state machine that stamps every token with line and column and groups tokens into
 * entries (one record or directive: a line, or several lines joined by parentheses).
 *
 * It reads octets, not characters: its text is a "binary string", one character per octet of the
 * file (bytes.ts), so a byte that is not UTF-8 reaches a name or a character-string as the octet it
 * is, as in BIND. Columns count characters as an editor shows a UTF-8 line: every octet but the
 * continuation octets 0x80-0xBF (so a line that is not UTF-8 still has one column per odd octet).
 *
 * It streams: text arrives in chunks of any size (a token may straddle two chunks) and the only state
 * kept between chunks is the entry being built, so memory does not grow with the file.
 *
 * As in BIND: the separators are space and tab; a line ends at LF, at CRLF and at a bare CR (old Mac
 * files), except inside quotes and comments, where CR is data or comment; `(`, `)` and `"` are special
 * anywhere outside quotes; `;` starts a comment; a NUL octet or a backslash before the line end
 * outside quotes is refused. Unicode spaces (U+00A0 pasted from
 * web pages, a byte-order mark, ...) are not separators for BIND: they stay in their token, and the
 * entry is marked so the parser can tell where BIND refuses it because of them (and offer a repair).
 */
import type { ZoneProblemKind } from './problem.js';
import type { Token } from './token.js';

export interface LexProblem {
  kind: Extract<ZoneProblemKind, 'unreadable-text'>;
  line: number;
  column: number;
  endColumn?: number;
  message: string;
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
  /** An unquoted token holds a Unicode space (see unicodeSpaceLength). */
  unicodeSpace?: boolean;
  /** The entry ends the file without a line end (BIND refuses a directive there). */
  atEndOfFile?: boolean;
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

const NUL = 0x00;
const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const LPAREN = 0x28;
const RPAREN = 0x29;
const SEMI = 0x3b;
const BACKSLASH = 0x5c;

/**
 * The length of the UTF-8 Unicode space (or invisible separator) that starts at `i` of a binary
 * string, or 0: U+00A0, U+1680, U+180E, U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and
 * U+FEFF (the byte-order mark). They look like blanks to a person and are not blanks to BIND.
 */
export function unicodeSpaceLength(text: string, i: number): number {
  const a = text.charCodeAt(i);
  if (a === 0xc2) return text.charCodeAt(i + 1) === 0xa0 ? 2 : 0;
  if (a < 0xe1 || a > 0xef) return 0;
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  if (a === 0xe2) {
    if (b === 0x80) return (c >= 0x80 && c <= 0x8b) || c === 0xa8 || c === 0xa9 || c === 0xaf ? 3 : 0;
    return b === 0x81 && c === 0x9f ? 3 : 0;
  }
  if (a === 0xe1) return (b === 0x9a && c === 0x80) || (b === 0xa0 && c === 0x8e) ? 3 : 0;
  if (a === 0xe3) return b === 0x80 && c === 0x80 ? 3 : 0;
  if (a === 0xef) return b === 0xbb && c === 0xbf ? 3 : 0;
  return 0;
}

/** The code point of the Unicode space at `i` (see unicodeSpaceLength), as U+XXXX. */
export function describeUnicodeSpace(text: string, i: number): string {
  const length = unicodeSpaceLength(text, i);
  const a = text.charCodeAt(i);
  const cp =
    length === 2
      ? ((a & 0x1f) << 6) | (text.charCodeAt(i + 1) & 0x3f)
      : ((a & 0x0f) << 12) | ((text.charCodeAt(i + 1) & 0x3f) << 6) | (text.charCodeAt(i + 2) & 0x3f);
  return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
}

export class Lexer {
  private mode = Mode.Between;
  private line: number;
  /** Index in the current chunk where the current line starts (negative when it began in an earlier chunk). */
  private lineStart = 0;
  /** Continuation octets (0x80-0xBF) on the current line before the current position: no column of their own. */
  private continuations = 0;
  private escaped = false;
  /** The line just ended at a CR: an LF right after it belongs to the same line end (CRLF). */
  private afterCr = false;

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
  private unicodeSpace = false;
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

  constructor(
    private readonly sink: LexerSink,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.inHeader = sink.headerComment !== undefined;
  }

  /** Feeds the next piece of text: a binary string, one character per octet. */
  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    if (this.mode === Mode.Word || this.mode === Mode.Quoted) this.tokenStart = 0;
    if (this.mode === Mode.Comment) this.commentStart = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === NL) {
          this.lineStart = i + 1;
          i++;
          continue;
        }
      }
      switch (this.mode) {
        case Mode.Comment: {
          // Skip the rest of the comment in one step: the hot path for commented zones. A CR does
          // not end a comment (BIND reads on to the LF).
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
          } else if (c >= 0x80 && c < 0xc0) this.continuations++;
          else if (c === NL) {
            this.problem(this.tokenLine, this.tokenColumn, 'quoted string is not closed on its line: end it with " (write \\" for a quote inside it)');
            this.broken = true;
            this.endToken(chunk, i, true);
            this.mode = Mode.Between;
            this.newline(chunk, i);
          }
          break;
        case Mode.Word:
          if (this.escaped) {
            if (c !== NL && c !== CR) {
              this.escaped = false;
              if (c >= 0x80 && c < 0xc0) this.continuations++;
              break;
            }
            // The line end still ends the line (and the token), below.
            this.escapedLineEnd(i);
          }
          if (c <= QUOTE || c === SEMI || c === LPAREN || c === RPAREN) {
            if (c > SPACE && c < QUOTE) break; // '!'
            if (c === NUL) {
              this.nulOutsideQuotes(i);
              break;
            }
            if (c < SPACE && c !== TAB && c !== CR && c !== NL) break; // other control octets are token text
            this.endToken(chunk, i, false);
            this.mode = Mode.Between;
            this.between(chunk, i, c);
          } else if (c === BACKSLASH) this.escaped = true;
          else if (c >= 0x80) {
            if (c < 0xc0) this.continuations++;
            else if (!this.unicodeSpace && unicodeSpaceLength(chunk, i) > 0) this.unicodeSpace = true;
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
    if (this.parenDepth > 0) {
      this.problem(this.parenLine, this.parenColumn, '"(" is never closed: add ")" at the end of the record');
      this.broken = true;
      this.parenDepth = 0;
    }
    if (!this.endEntry(!this.atLineStart) && !this.atLineStart) this.sink.emptyLine(this.line);
  }

  /** A NUL outside quotes (and comments): BIND refuses the record ("syntax error", "unexpected token"). */
  private nulOutsideQuotes(i: number): void {
    this.problem(this.line, this.column(i), 'a NUL octet outside quotes: BIND refuses it; remove it (the file may be binary or damaged), or write \\000 in a quoted string');
    this.broken = true;
  }

  private column(i: number): number {
    return i - this.lineStart + 1 - this.continuations;
  }

  private between(chunk: string, i: number, c: number): void {
    if (c === SPACE || c === TAB) {
      if (this.atLineStart && !this.entryOpen) this.leadingBlank = true;
      return;
    }
    if (c === NL || c === CR) {
      this.newline(chunk, i);
      if (c === CR) this.afterCr = true;
      return;
    }
    this.atLineStart = false;
    if (c === NUL) {
      this.startEntryIfNeeded();
      this.nulOutsideQuotes(i);
      return;
    }
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
      else if (c >= 0x80 && c < 0xc0) this.continuations++; // counted after its own column is taken
      else if (c >= 0x80 && unicodeSpaceLength(chunk, i) > 0) this.unicodeSpace = true;
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

  /** The character after a backslash in quotes is data whatever it is; an escaped newline still counts as a line. */
  private afterEscape(c: number, i: number): void {
    this.escaped = false;
    if (c === NL) this.countLine(i);
    else if (c >= 0x80 && c < 0xc0) this.continuations++;
  }

  /**
   * A backslash before the line end outside quotes: BIND refuses the record ("syntax error" or "extra
   * input text"). The line end still ends the line.
   */
  private escapedLineEnd(i: number): void {
    this.problem(this.line, this.column(i) - 1, 'a backslash at the end of a line: BIND refuses it outside quotes; remove it (a record continues on the next line only inside parentheses)');
    this.broken = true;
    this.escaped = false;
  }

  private countLine(i: number): void {
    this.line++;
    this.lineStart = i + 1;
    this.continuations = 0;
  }

  private newline(chunk: string, i: number): void {
    if (this.mode === Mode.Word) this.endToken(chunk, i, false);
    this.mode = Mode.Between;
    const lineNumber = this.line;
    this.countLine(i);
    this.atLineStart = true;
    if (this.parenDepth > 0) return;
    if (!this.endEntry(false)) this.sink.emptyLine(lineNumber);
  }

  /** Hands the entry to the sink; false when there was nothing to hand (an empty line). */
  private endEntry(atEndOfFile: boolean): boolean {
    const had = this.tokens.length > 0 || this.broken;
    if (had) {
      const entry: LexEntry = { tokens: this.tokens, line: this.entryLine, leadingBlank: this.leadingBlank, broken: this.broken };
      if (this.unicodeSpace) entry.unicodeSpace = true;
      if (atEndOfFile) entry.atEndOfFile = true;
      this.sink.entry(entry);
      this.tokens = [];
    }
    this.entryOpen = false;
    this.leadingBlank = false;
    this.broken = false;
    this.unicodeSpace = false;
    this.entryChars = 0;
    return had;
  }

  private problem(line: number, column: number, message: string): void {
    this.sink.problem({ kind: 'unreadable-text', line, column, message });
  }
}

/** All tokens and problems of a piece of presentation text (one line or several), as a binary string. */
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
