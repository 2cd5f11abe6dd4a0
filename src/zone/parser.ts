/**
 * The master-file parser: BIND's reading of a zone file (RFC 1035 §5, RFC 2308 §4, BIND's $GENERATE),
 * streamed record by record. The lexer (lexer.ts) hands over entries; this module resolves owners
 * (blank = previous owner, kept across $ORIGIN, carried into and restored after $INCLUDE), TTL and
 * class in either order, the TTL rules of lib/dns/master.c, the directives, and the zone-load refusals
 * that one record shows (SOA place, class, out-of-zone data, meta and obsolete types). Record data is
 * read by rdata.ts. Its own state does not grow with the file: one entry at a time, one frame per
 * nested $INCLUDE. Problems go to the sink as `ZoneProblem`s of their kind; nothing is thrown.
 *
 * It reads octets, never the file system: the zone comes as bytes (or as text, read as its UTF-8
 * octets), whole or in chunks, and names and character-strings keep every octet as BIND does; only
 * messages are text (UTF-8 sequences quoted from the file shown as characters). The files that
 * $INCLUDE names come from the caller's `readInclude` (zone/read-file.ts reads them from disk for the
 * command line, with its containment rules), so the same reader runs in a browser.
 */
import type { SourcePosition, TextEdit } from '../diagnostics.js';
import { expandTemplate, MAX_GENERATE_RECORDS, parseGenerateRange, rangeCount } from './generate-directive.js';
import { binaryFromText, displayText, latin1AsUtf8, latin1String } from './bytes.js';
import { describeUnicodeSpace, Lexer, tokenizeLine, unicodeSpaceLength, type LexEntry, type LexerSink, type LexProblem } from './lexer.js';
import { isBindHostname, isBindMailbox, Name } from './name.js';
import { originFromFileName } from './origin.js';
import { zoneProblem, type ZoneProblem, type ZoneProblemKind } from './problem.js';
import { parseRdata } from './rdata.js';
import { normalizeClass, typeCodeOf, typeMnemonic } from './rdata/codes.js';
import type { Rdata, ResourceRecord, SoaData } from './record.js';
import type { Token } from './token.js';
import { MAX_TTL, parseTtl } from './ttl.js';
import { dataKey } from './zone-checks.js';

export interface ParsedRecord extends ResourceRecord {
  /**
   * Where the record's line starts: its owner token, or its first token when the owner is blank.
   * A record resolved from a spec has no tokens; its position is the spec node that produced it.
   */
  position: SourcePosition;
  /** The owner as written; absent when the owner was blank and inherited. */
  ownerToken?: Token;
  /** The type as written; absent, like the other tokens, for records that come from a spec. */
  typeToken?: Token;
  ttlToken?: Token;
  rdataTokens: readonly Token[];
  /** The owner was blank, so the record took the previous record's owner (RFC 1035 §5.1). */
  ownerInherited: boolean;
  /** A blank line or a comment-only line stands between this record and the one before it. */
  afterBreak: boolean;
  /** Type of the record before this one (same file or not), if any. */
  previousType?: string;
  /** The TTL was written on the record (not taken from $TTL or the SOA minimum). */
  ttlExplicit: boolean;
  /**
   * No TTL written and no $TTL in force: the record took the last TTL written before it (RFC 1035
   * style, lib/dns/master.c). `--fix` must keep exactly that TTL.
   */
  ttlFromLastRecord?: boolean;
  /** The $ORIGIN in effect for this record. */
  origin: Name;
  /** Came from $GENERATE (position is the directive's). */
  generated?: boolean;
  /** A record from a spec: where some data fields were written (an SOA's `expire`), by field name. */
  fieldPositions?: Readonly<Record<string, SourcePosition & { endColumn?: number }>>;
}

/** A file that `$INCLUDE` names, found and opened by the caller's `ReadInclude`. */
export interface IncludedFile {
  /** The file's name in messages and positions (today: the path as resolved against the including file). */
  file: string;
  /** The file's identity, to catch include loops (on disk: its real path); `file` when absent. */
  key?: string;
  /** Its content, whole or in chunks (a chunk source may throw; that is reported as a read error). */
  text: ZoneInput;
}

/**
 * Finds the file `$INCLUDE path` names, written in the file `from` (a `file` name given earlier, or the
 * zone's own). `error` says why it cannot be read, as the end of "$INCLUDE path: ...".
 */
/** Why an included file was not read: `refused` when policy said no (outside the folder, not a file), else an I/O failure. */
export interface IncludeFailure {
  error: string;
  refused?: boolean;
}

export type ReadInclude = (path: string, from: string) => IncludedFile | IncludeFailure;

export interface ZoneReadOptions {
  /** Name of the zone file: for messages, $INCLUDE resolution and the origin from the file name. */
  file: string;
  /** `--origin`; else a leading $ORIGIN; else the file name (see originFromFileName). */
  origin?: Name;
  /** Take the origin from the file name when nothing else gives it (default true; false when `file` is no real file name). */
  originFromFile?: boolean;
  /** Reads the files $INCLUDE names; without it, $INCLUDE is reported as a file that cannot be read. */
  readInclude?: ReadInclude;
  /** The zone file's identity for include loops, in the terms of `IncludedFile.key` (default `file`). */
  fileKey?: string;
  /** How deep $INCLUDE may nest (default 8). */
  maxIncludeDepth?: number;
}

export interface ZoneSink {
  record(record: ParsedRecord): void;
  /** Something wrong with the text or a record, by kind (problem.ts); the record, if any, is not passed on. */
  problem(problem: ZoneProblem): void;
}

/**
 * A `; zonesmith: ...` comment in the zone file's header (the comments before its first record or
 * directive): how the file asks to be read by zonesmith, e.g. `profiles mdaemon`. The parser only
 * hands the text on; what it means is decided above it (src/lint/profiles.ts).
 */
export interface ZoneAnnotation {
  /** The text after `zonesmith:`, trimmed (`profiles mdaemon`). */
  text: string;
  position: SourcePosition;
}

/** The prefix of an annotation comment, and how many are kept (a header is a few lines). */
const ANNOTATION_PREFIX = /^\s*zonesmith:\s*/i;
const MAX_ANNOTATIONS = 16;

export interface ZoneReadSummary {
  /** The origin the zone was read with (absolute). */
  origin: Name;
  /** The `; zonesmith:` comments of the zone file's header, in order. */
  annotations: ZoneAnnotation[];
  /** A $TTL directive was present before the first record that needed a default TTL. */
  hasTtlDirective: boolean;
  /** Every file read, the zone file first, then included files. */
  files: string[];
  recordCount: number;
}

/** How deep $INCLUDE may nest when the caller does not say. */
export const DEFAULT_MAX_INCLUDE_DEPTH = 8;
/** The class every zone zonesmith reads is loaded in (named-checkzone's default). */
const ZONE_CLASS = 'IN';

/**
 * A zone file's content: its bytes, or text (read as its UTF-8 octets), whole or in chunks. Bytes are
 * what a file holds; text is for zones written in a program or a browser.
 */
export type ZoneInput = string | Uint8Array | Iterable<string | Uint8Array>;

/** A piece of input as the lexer reads it: one character per octet. */
function binaryPiece(piece: string | Uint8Array): string {
  return typeof piece === 'string' ? binaryFromText(piece) : latin1String(piece);
}

/**
 * Reads a zone, whole or in chunks (a big file streamed in blocks never lives in memory whole);
 * `options.file` names it in messages.
 */
export function readZoneText(text: ZoneInput, options: ZoneReadOptions, sink: ZoneSink): ZoneReadSummary {
  const reader = new ZoneReader(options, sink);
  reader.readTop(text);
  return reader.finish();
}

/** Feeds text or chunks to a lexer; returns the message of a chunk source that failed. */
function feed(text: ZoneInput, lexer: Lexer): string | undefined {
  if (typeof text === 'string' || text instanceof Uint8Array) {
    lexer.write(binaryPiece(text));
    return undefined;
  }
  try {
    for (const chunk of text) lexer.write(binaryPiece(chunk));
    return undefined;
  } catch (error) {
    return (error as Error)?.message ?? String(error);
  }
}

/** One file being read: its name in messages, its $ORIGIN, and the chain of includes that led to it. */
interface Frame {
  file: string;
  origin: Name | null;
  depth: number;
  /** Keys (IncludedFile.key) of the files being read, outermost first (to catch include loops). */
  chain: string[];
}

/** The fields before the record data: `[TTL] [class] type` or `[class] [TTL] type`. */
interface RecordHead {
  ttlToken?: Token;
  ttl?: number;
  classToken?: Token;
  typeToken: Token;
  /** Index of the first data token. */
  dataStart: number;
}

interface RecordInput {
  ownerToken?: Token;
  owner: Name;
  head: RecordHead;
  rdataTokens: readonly Token[];
  position: SourcePosition;
  generated: boolean;
  /** Out of the zone: read and checked as BIND does, then dropped. */
  dropped: boolean;
}

class ZoneReader {
  private readonly maxDepth: number;
  private zoneOrigin: Name | null;
  private frame: Frame;
  private readonly files: string[] = [];


  /** Owner of the previous record: a blank owner means this one (RFC 1035 §5.1). */
  private lastOwner: Name | undefined;
  /** The previous owner was out of the zone, so its blank-owner followers are dropped with it. */
  private lastOwnerDropped = false;
  private previousType: string | undefined;
  private pendingBreak = false;
  private recordsSeen = false;

  // TTL state exactly as lib/dns/master.c keeps it.
  private ttl = 0;
  private ttlKnown = false;
  private defaultTtl = 0;
  private defaultTtlKnown = false;
  private warn1035 = true;
  private hasTtlDirective = false;
  private neededDefaultTtl = false;
  /** The record just resolved took the last TTL written (see ParsedRecord.ttlFromLastRecord). */
  private tookLastTtl = false;

  private soaCount = 0;
  private soaKey: string | undefined;
  private firstRecordPosition: SourcePosition | undefined;
  private recordCount = 0;

  private readonly annotations: ZoneAnnotation[] = [];

  private readonly lexerSink: LexerSink = {
    entry: (entry) => this.entry(entry),
    headerComment: (text, line, column) => this.headerComment(text, line, column),
    emptyLine: () => {
      this.pendingBreak = true;
    },
    problem: (problem) => this.lexProblem(problem),
  };

  constructor(
    private readonly options: ZoneReadOptions,
    /** Where records and problems go; swapped for a buffer while an entry is tried (entryWithUnicodeSpace). */
    private sink: ZoneSink,
  ) {
    this.maxDepth = options.maxIncludeDepth ?? DEFAULT_MAX_INCLUDE_DEPTH;
    this.zoneOrigin = options.origin ?? null;
    this.frame = { file: options.file, origin: this.zoneOrigin, depth: 0, chain: [] };
  }

  readTop(text: ZoneInput): void {
    this.files.push(this.options.file);
    this.frame.chain = [this.options.fileKey ?? this.options.file];
    const lexer = new Lexer(this.lexerSink);
    const error = feed(text, lexer);
    if (error !== undefined) {
      this.report(1, 1, 'cannot-read', `cannot read ${this.options.file}: ${error}`);
      return;
    }
    lexer.end();
  }

  finish(): ZoneReadSummary {
    const origin = this.ensureZoneOrigin();
    if (this.soaCount === 0) {
      const at = this.firstRecordPosition ?? { file: this.options.file, line: 1, column: 1 };
      this.sink.problem(
        zoneProblem(
          'no-soa',
          at,
          `the zone has no SOA record: BIND refuses it; start the zone with "@ IN SOA primary-ns. hostmaster. ( serial refresh retry expire minimum )" at ${origin.toString()}`,
        ),
      );
    }
    return { origin, annotations: this.annotations, hasTtlDirective: this.hasTtlDirective, files: this.files, recordCount: this.recordCount };
  }

  /** Keeps the zone file's own `zonesmith:` header comments (not those of an included file). */
  private headerComment(text: string, line: number, column: number): void {
    const prefix = ANNOTATION_PREFIX.exec(text);
    if (!prefix || this.frame.depth > 0 || this.annotations.length >= MAX_ANNOTATIONS) return;
    this.annotations.push({ text: text.slice(prefix[0].length).trim(), position: { file: this.frame.file, line, column } });
  }

  // ----- problems

  private report(line: number, column: number, kind: ZoneProblemKind, message: string, endColumn?: number, fix?: TextEdit[]): void {
    const problem = zoneProblem(kind, { file: this.frame.file, line, column }, displayText(message));
    if (endColumn !== undefined) problem.endColumn = endColumn;
    if (fix) problem.fix = fix;
    this.sink.problem(problem);
  }

  private reportAt(token: Token, kind: ZoneProblemKind, message: string): void {
    this.report(token.line, token.column, kind, message, token.quoted ? undefined : token.column + token.text.length);
  }

  private lexProblem(problem: LexProblem): void {
    this.report(problem.line, problem.column, problem.kind, problem.message, problem.endColumn);
  }

  // ----- origins

  /** The zone's origin: --origin, else a $ORIGIN before the first record, else the file name. */
  private ensureZoneOrigin(): Name {
    if (this.zoneOrigin) return this.zoneOrigin;
    const fromName = this.options.originFromFile === false ? undefined : originFromFileName(this.options.file);
    if (!fromName) {
      const from = this.options.originFromFile === false ? '' : ` from the file name "${this.options.file}"`;
      this.report(1, 1, 'no-origin', `cannot tell the zone's origin${from}: pass --origin or start the file with $ORIGIN`);
    }
    this.zoneOrigin = fromName ?? Name.root;
    return this.zoneOrigin;
  }

  /** The $ORIGIN in effect, settling the zone origin first if nothing has yet. */
  private currentOrigin(): Name {
    const zone = this.ensureZoneOrigin();
    if (!this.frame.origin) this.frame.origin = zone;
    return this.frame.origin;
  }

  // ----- entries

  private entry(entry: LexEntry): void {
    if (entry.broken) return; // the lexer has said what is wrong with it
    if (entry.unicodeSpace) this.entryWithUnicodeSpace(entry);
    else this.readEntry(entry);
  }

  private readEntry(entry: LexEntry): void {
    const first = entry.tokens[0];
    if (!first) return;
    if (!entry.leadingBlank && !first.quoted && first.text.charCodeAt(0) === 0x24 /* $ */) {
      if (entry.atEndOfFile) {
        this.reportAt(first, 'bad-directive', `${first.text} on the last line with no line end: BIND refuses it ("extra input text"); end the file with a newline`);
        return;
      }
      this.directive(entry.tokens, first);
      return;
    }
    this.recordEntry(entry);
  }

  /**
   * An entry with a Unicode space in an unquoted token. BIND reads the space as text, like any octet:
   * `www<U+00A0> TXT x` loads as the name `www\194\160`, while `www A<U+00A0>192.0.2.1` is refused
   * (no type "A<U+00A0>192.0.2.1"). So the entry is first read as BIND reads it, with its records and
   * problems held back. When that reading has no error, it stands (with a warning and no repair: the
   * zone loads, and a repair would change what it means). When BIND refuses it, the one error said is
   * the Unicode space, with the repair (a plain space; a byte-order mark at a line's start removed),
   * and the entry is read as repaired, so the rest of the zone is judged as its author meant it.
   */
  private entryWithUnicodeSpace(entry: LexEntry): void {
    const saved = this.saveState();
    const sink = this.sink;
    const records: ParsedRecord[] = [];
    const problems: ZoneProblem[] = [];
    let refused = false;
    this.sink = {
      record: (record) => records.push(record),
      problem: (problem) => {
        problems.push(problem);
        if (problem.severity === 'error') refused = true;
      },
    };
    try {
      this.readEntry(entry);
    } finally {
      this.sink = sink;
    }
    const spaces = unicodeSpacesOf(entry);
    const first = spaces[0]!;
    const what = spaces.length === 1 ? first.what : `${spaces.length} Unicode spaces (the first is ${first.what})`;
    if (!refused) {
      for (const problem of problems) sink.problem(problem);
      for (const record of records) sink.record(record);
      this.report(
        first.line,
        first.column,
        'unicode-space-kept',
        `${what} in "${first.token.text}": not a blank for BIND, which loads it as part of the name or text (${Name.fromLabels([first.token.text], false).toString()}); if a blank was meant, write a plain space`,
        first.column + 1,
      );
      return;
    }
    this.restoreState(saved);
    // One problem per line (an SOA in parentheses spans several), each with its line's repair.
    for (let k = 0; k < spaces.length; ) {
      const line = spaces[k]!.line;
      const onLine: UnicodeSpace[] = [];
      while (k < spaces.length && spaces[k]!.line === line) onLine.push(spaces[k++]!);
      const fix: TextEdit[] = [];
      for (const space of onLine) {
        const last = fix[fix.length - 1];
        const text = space.atLineStart && space.what === 'U+FEFF' ? '' : ' ';
        if (last && last.endColumn === space.column) {
          last.endColumn += 1;
          last.text += text;
        } else fix.push({ line, column: space.column, endColumn: space.column + 1, text });
      }
      const head = onLine[0]!;
      const count = onLine.length === 1 ? head.what : `${onLine.length} Unicode spaces (the first is ${head.what})`;
      this.report(
        line,
        head.column,
        'unicode-space',
        `${count} where the zone format wants a blank: BIND does not take ${onLine.length === 1 ? 'it as a separator' : 'them as separators'}, reads "${head.token.text}" as one field and refuses the zone; replace with plain spaces`,
        head.column + 1,
        fix,
      );
    }
    const repaired = withoutUnicodeSpaces(entry, spaces);
    // A line of Unicode spaces only is, as meant, an empty line.
    if (repaired.tokens.length === 0) this.pendingBreak = true;
    else this.readEntry(repaired);
  }

  /** The reader's state that one entry may change (see entryWithUnicodeSpace). */
  private saveState() {
    const { lastOwner, lastOwnerDropped, previousType, pendingBreak, recordsSeen, ttl, ttlKnown, defaultTtl, defaultTtlKnown, warn1035, hasTtlDirective, neededDefaultTtl, tookLastTtl, soaCount, soaKey, firstRecordPosition, recordCount, zoneOrigin } = this;
    return { lastOwner, lastOwnerDropped, previousType, pendingBreak, recordsSeen, ttl, ttlKnown, defaultTtl, defaultTtlKnown, warn1035, hasTtlDirective, neededDefaultTtl, tookLastTtl, soaCount, soaKey, firstRecordPosition, recordCount, zoneOrigin, frameOrigin: this.frame.origin, files: this.files.length };
  }

  private restoreState(saved: ReturnType<ZoneReader['saveState']>): void {
    const { frameOrigin, files, ...fields } = saved;
    Object.assign(this, fields);
    this.frame.origin = frameOrigin;
    this.files.length = files;
  }

  private recordEntry(entry: LexEntry): void {
    const tokens = entry.tokens;
    const first = tokens[0]!;
    this.recordsSeen = true;
    const origin = this.currentOrigin();
    let owner: Name;
    let ownerToken: Token | undefined;
    let next = 0;
    if (entry.leadingBlank) {
      if (!this.lastOwner) {
        this.report(first.line, first.column, 'no-owner', 'this line starts with a blank, so it takes the owner of the record before it, but there is none: write the owner name at the start of the line');
        return;
      }
      owner = this.lastOwner;
    } else {
      ownerToken = first;
      next = 1;
      const parsed = this.parseName(first, origin);
      if (!parsed) return;
      owner = parsed;
      this.lastOwner = owner;
      this.lastOwnerDropped = false;
      if (!this.inZone(owner, first, origin)) {
        // BIND only warns, still reads the data, and drops the record (lib/dns/master.c "ignoring out-of-zone data").
        this.lastOwnerDropped = true;
        this.reportAt(first, 'out-of-zone-data', `ignoring out-of-zone data: ${owner.toString()} is not in the zone ${this.zoneOrigin!.toString()} (BIND drops it); use a name ending in ${this.zoneOrigin!.toString()} or a relative name`);
      }
    }
    const head = this.readHead(tokens, next, first);
    if (!head) return;
    const position: SourcePosition = { file: this.frame.file, line: first.line, column: first.column };
    const input: RecordInput = { owner, head, rdataTokens: tokens.slice(head.dataStart), position, generated: false, dropped: this.lastOwnerDropped };
    if (ownerToken) input.ownerToken = ownerToken;
    this.emitRecord(input);
  }

  /** The origin whose place in the zone was last worked out, and the answer (most owners are relative). */
  private originChecked: Name | undefined;
  private originIsInZone = false;

  /** The owner is at or below the zone's apex; a relative owner is when its origin is. */
  private inZone(owner: Name, token: Token, origin: Name): boolean {
    const relative = token.text === '@' || token.text.charCodeAt(token.text.length - 1) !== 0x2e /* . */;
    if (relative) {
      if (origin !== this.originChecked) {
        this.originChecked = origin;
        this.originIsInZone = origin.isSubdomainOf(this.zoneOrigin!);
      }
      if (this.originIsInZone) return true;
    }
    return owner.isSubdomainOf(this.zoneOrigin!);
  }

  /** A name as written, against `origin`; reports and returns undefined when it cannot be one. */
  private parseName(token: Token, origin: Name): Name | undefined {
    const parsed = Name.parse(token.text, origin);
    if (parsed.ok) return parsed.name;
    this.reportAt(token, parsed.reason === 'too-long' ? 'name-too-long' : 'bad-name', `bad name "${token.text}": ${parsed.error}`);
    return undefined;
  }

  /** Reads `[TTL] [class] type` (either order) from `tokens[start]`. */
  private readHead(tokens: readonly Token[], start: number, lineStart: Token): RecordHead | undefined {
    let i = start;
    let ttlToken: Token | undefined;
    let ttl: number | undefined;
    let classToken: Token | undefined;
    for (;;) {
      const token = tokens[i];
      if (!token) {
        const last = tokens[tokens.length - 1] ?? lineStart;
        this.report(last.line, last.column + last.text.length, 'no-type', 'record has no type: write the type (A, MX, TXT, ...) and its data after the owner, TTL and class');
        return undefined;
      }
      const c = token.text.charCodeAt(0);
      if (!ttlToken && !token.quoted && c >= 0x30 && c <= 0x39) {
        const parsed = parseTtl(token.text);
        if (!parsed.ok) {
          this.reportAt(token, 'bad-ttl', parsed.error);
          return undefined;
        }
        ttlToken = token;
        ttl = this.limitTtl(parsed.value, token, 'TTL');
        i++;
        continue;
      }
      if (!classToken && !token.quoted && mayBeClass(token.text) && normalizeClass(token.text) !== undefined) {
        classToken = token;
        i++;
        continue;
      }
      break;
    }
    const typeToken = tokens[i]!;
    const head: RecordHead = { typeToken, dataStart: i + 1 };
    if (ttlToken) {
      head.ttlToken = ttlToken;
      head.ttl = ttl!;
    }
    if (classToken) head.classToken = classToken;
    return head;
  }

  /** BIND's limit_ttl(): above 2^31-1 a warning, and 0. */
  private limitTtl(value: number, token: Token, what: string): number {
    if (value <= MAX_TTL) return value;
    this.reportAt(token, 'ttl-above-max', `${what} ${value} is above the maximum ${MAX_TTL} (RFC 2181 §8): BIND sets it to 0; write at most ${MAX_TTL}`);
    return 0;
  }

  /** Class, type, data and TTL of one record; hands it to the sink when they are all good. */
  private emitRecord(input: RecordInput): boolean {
    const { head } = input;
    let recordClass = ZONE_CLASS;
    if (head.classToken) {
      recordClass = normalizeClass(head.classToken.text)!;
      if (recordClass !== ZONE_CLASS) {
        this.reportAt(head.classToken, 'wrong-class', `class '${recordClass}' != zone class '${ZONE_CLASS}': BIND refuses the zone; write IN or leave the class out`);
        return false;
      }
    }
    const typeToken = head.typeToken;
    const code = typeToken.quoted ? undefined : typeCodeOf(typeToken.text);
    if (code === undefined) {
      this.reportAt(typeToken, 'unknown-type', `unknown RR type "${typeToken.text}": write a type such as A, AAAA, MX, TXT, SRV or TYPEnnn (RFC 3597)`);
      return false;
    }
    const type = typeMnemonic(code);
    if (isMetaType(code)) {
      this.reportAt(typeToken, 'meta-type', `type '${type}': invalid use of a meta type: ${type} exists only in queries and transfers, not in a zone`);
      return false;
    }
    if (OBSOLETE_TYPES.has(type)) {
      this.reportAt(typeToken, 'obsolete-type', `type '${type}': obsolete (RFC 973): BIND refuses it; use MX instead`);
      return false;
    }
    const origin = this.frame.origin!;
    let data: Rdata;
    try {
      const result = parseRdata(type, input.rdataTokens, origin);
      if (!result.data) {
        for (const problem of result.problems) {
          const at = problem.token ?? typeToken;
          this.reportAt(at, 'bad-rdata', `${type} data: ${problem.message}`);
        }
        if (result.problems.length === 0) this.reportAt(typeToken, 'bad-rdata', `${type} data could not be read`);
        return false;
      }
      data = result.data;
    } catch (error) {
      this.reportAt(typeToken, 'bad-rdata', `${type} data could not be read (internal error: ${(error as Error).message})`);
      return false;
    }

    if (input.dropped) {
      // BIND takes the TTL written on an out-of-zone record as the last TTL written, then drops the
      // record; a TTL-less one it drops without a word about TTLs.
      if (head.ttl !== undefined) {
        this.ttl = head.ttl;
        this.ttlKnown = true;
      }
      return true;
    }
    if (type === 'NSEC3' && !isNsec3OwnerLabel(input.owner.firstLabel)) {
      const at = input.ownerToken ?? typeToken;
      this.report(at.line, at.column, 'bad-nsec3-owner', `${input.owner.toString()}: bad owner name (check-names): an NSEC3 owner's first label is a base32hex hash without padding (RFC 5155 §3)`);
      return false;
    }
    if (!input.generated) this.checkNames(input, type, data);
    const ttl = this.resolveTtl(input, type, data);
    if (ttl === undefined) return false;
    this.keepPriorTtl(input.owner, type, ttl);
    if (type === 'SOA') this.checkSoa(input, data);

    if (!this.firstRecordPosition) this.firstRecordPosition = input.position;
    const record: ParsedRecord = {
      owner: input.owner,
      ttl,
      class: recordClass,
      type,
      data,
      position: input.position,
      typeToken,
      rdataTokens: input.rdataTokens,
      ownerInherited: !input.ownerToken,
      afterBreak: this.pendingBreak,
      ttlExplicit: head.ttlToken !== undefined,
      origin,
    };
    if (input.ownerToken) record.ownerToken = input.ownerToken;
    if (head.ttlToken) record.ttlToken = head.ttlToken;
    if (this.tookLastTtl) record.ttlFromLastRecord = true;
    if (this.previousType !== undefined) record.previousType = this.previousType;
    if (input.generated) record.generated = true;
    this.pendingBreak = false;
    this.previousType = type;
    this.recordCount++;
    this.sink.record(record);
    return true;
  }

  /**
   * BIND's check-names (lib/dns/rdata/*: checkowner, checknames): the owners of host records, and the
   * host names and mailboxes in record data. named-checkzone warns and loads the record, and so do we;
   * named refuses such a primary zone, which the message says. BIND skips the records $GENERATE makes.
   */
  private checkNames(input: RecordInput, type: string, data: Rdata): void {
    const checks = CHECK_NAMES.get(type);
    if (checks === undefined) return;
    const named = 'named refuses the zone as a primary (check-names fail is its default), named-checkzone only warns';
    if (checks.owner && !this.ownerIsHostname(input)) {
      const at = input.ownerToken ?? input.head.typeToken;
      this.report(at.line, at.column, 'check-names', `${input.owner.toString()}: bad owner name (check-names): the owner of ${type === 'MX' ? 'an' : 'a'} ${type} record should be a host name (letters, digits and hyphens, RFC 952/1123); ${named}`);
      return;
    }
    const fields = checks.fields;
    for (let i = 0; i < fields.length; i++) {
      const [field, kind] = fields[i]!;
      const value = (data as unknown as Record<string, unknown>)[field];
      if (!(value instanceof Name)) continue;
      if (type === 'PTR' && !REVERSE_TREES.some((tree) => input.owner.isSubdomainOf(tree))) continue;
      if (kind === 'host' ? isBindHostname(value, false) : isBindMailbox(value)) continue;
      const origin = this.frame.origin!;
      const at = input.rdataTokens.find((t) => !t.quoted && Name.parse(t.text, origin).ok && Name.from(t.text, origin).equals(value)) ?? input.head.typeToken;
      const what = kind === 'host' ? 'a host name (letters, digits and hyphens, RFC 952/1123)' : 'a mailbox (any first label, then host-name labels)';
      this.reportAt(at, 'check-names', `${value.toString()}: bad name (check-names): the ${field} of ${type} should be ${what}; ${named}`);
      return;
    }
  }

  // The last owner and origin judged by ownerIsHostname: most owners are relative, or the one before.
  private hostOwner: Name | undefined;
  private hostOwnerOk = false;
  private hostOrigin: Name | undefined;
  private hostOriginOk = false;

  /**
   * isBindHostname(owner, wildcard) for a record, without walking the origin's labels again for every
   * relative owner of a big zone: a relative owner is its own labels and the origin's, judged once.
   */
  private ownerIsHostname(input: RecordInput): boolean {
    const owner = input.owner;
    if (owner === this.hostOwner) return this.hostOwnerOk;
    const origin = this.frame.origin!;
    const text = input.ownerToken?.text;
    let ok: boolean;
    if (text !== undefined && text !== '@' && text.charCodeAt(text.length - 1) !== 0x2e /* . */ && owner.labels.length > origin.labels.length) {
      if (origin !== this.hostOrigin) {
        this.hostOrigin = origin;
        this.hostOriginOk = isBindHostname(origin, false);
      }
      const own = isHostnameText(text);
      ok = own === undefined ? isBindHostname(owner, true) : this.hostOriginOk && own;
    } else ok = isBindHostname(owner, true);
    this.hostOwner = owner;
    this.hostOwnerOk = ok;
    return ok;
  }

  // The TTL of each type among the records of the current owner (lib/dns/master.c's rdatalists).
  private groupOwner: Name | undefined;
  private readonly groupTtls = new Map<string, number>();

  /**
   * BIND's "TTL set to prior TTL": a record of a type the current owner already has, with another TTL,
   * takes the first one's, and that becomes the last TTL written (what a following record with no TTL
   * of its own takes, RFC 1035 style). The record keeps the TTL written (rrset-ttl-mismatch judges it).
   */
  private keepPriorTtl(owner: Name, type: string, ttl: number): void {
    if (owner !== this.groupOwner && (this.groupOwner === undefined || !owner.equals(this.groupOwner))) {
      this.groupOwner = owner;
      this.groupTtls.clear();
    }
    const prior = this.groupTtls.get(type);
    if (prior === undefined) this.groupTtls.set(type, ttl);
    else if (prior !== ttl) this.ttl = prior;
  }

  /**
   * The record's TTL as lib/dns/master.c decides it: an explicit TTL; else $TTL; else, with no $TTL,
   * the SOA minimum when the SOA comes first without a TTL, or the last explicit TTL ("RFC 1035 TTL
   * semantics") when records before had one; a record with nothing to go by makes BIND reject the zone.
   */
  private resolveTtl(input: RecordInput, type: string, data: Rdata): number | undefined {
    const { head } = input;
    const at = head.ttlToken ?? input.ownerToken ?? head.typeToken;
    this.tookLastTtl = false;
    if (head.ttl !== undefined) {
      this.ttl = head.ttl;
      this.ttlKnown = true;
    } else if (!this.defaultTtlKnown) this.neededDefaultTtl = true;
    if (!this.ttlKnown && !this.defaultTtlKnown) {
      if (type !== 'SOA') {
        this.report(at.line, at.column, 'no-ttl', 'no TTL specified and no $TTL before this record: BIND rejects the zone; add "$TTL 3600" (or the TTL you want) at the top of the file');
        return undefined;
      }
      const minimum = (data as SoaData).minimum;
      this.ttl = minimum > MAX_TTL ? 0 : minimum;
      this.defaultTtl = this.ttl;
      this.defaultTtlKnown = true;
      this.report(at.line, at.column, 'ttl-from-soa-minimum', `no $TTL: BIND uses the SOA minimum (${this.ttl}) as the TTL of every record without one; add "$TTL ${this.ttl}" at the top of the file`);
      return this.ttl;
    }
    if (head.ttl !== undefined) return head.ttl;
    if (this.defaultTtlKnown) {
      this.ttl = this.defaultTtl;
      return this.ttl;
    }
    if (this.warn1035) {
      this.warn1035 = false;
      this.report(at.line, at.column, 'ttl-from-last-record', `no $TTL: BIND gives records without a TTL the last TTL written before each (here ${this.ttl}), RFC 1035 style; write their TTLs, or a $TTL at the top if they all had one value`);
    }
    this.tookLastTtl = true;
    return this.ttl;
  }

  /** The SOA belongs at the zone's apex, once (lib/dns/master.c, zone load). */
  private checkSoa(input: RecordInput, data: Rdata): void {
    const at = input.ownerToken ?? input.head.typeToken;
    const apex = this.zoneOrigin!;
    if (!input.owner.equals(apex)) {
      this.report(at.line, at.column, 'soa-not-at-apex', `SOA record not at top of zone: ${input.owner.toString()} is not the zone apex ${apex.toString()}; put the SOA at "@"`);
      return;
    }
    const key = dataKey('SOA', data);
    if (this.soaCount > 0 && key !== this.soaKey) {
      this.report(at.line, at.column, 'second-soa', 'a second, different SOA record: a zone has exactly one (RFC 1035 §5.2); remove one of them');
    }
    if (this.soaCount === 0) this.soaKey = key;
    this.soaCount++;
  }

  // ----- directives

  /** The directives BIND reads, by name (lib/dns/master.c). */
  private readonly directives: Readonly<Record<string, (first: Token, args: readonly Token[]) => void>> = {
    $ORIGIN: (first, args) => this.originDirective(first, args),
    $TTL: (first, args) => this.ttlDirective(first, args),
    $INCLUDE: (first, args) => this.includeDirective(first, args),
    $GENERATE: (first, args) => this.generateDirective(first, args),
    // The dump time of a cache file: BIND checks it, and it has no effect on a zone.
    $DATE: (first, args) => this.dateDirective(first, args),
  };

  private directive(tokens: readonly Token[], first: Token): void {
    const handler = this.directives[first.text.toUpperCase()];
    if (handler) {
      handler(first, tokens.slice(1));
      return;
    }
    const known = Object.keys(this.directives).filter((name) => name !== '$DATE');
    this.reportAt(first, 'bad-directive', `unknown directive "${first.text}": the directives are ${known.slice(0, -1).join(', ')} and ${known.at(-1)}`);
  }

  private expectArgs(first: Token, args: readonly Token[], min: number, max: number, usage: string): boolean {
    if (args.length < min) {
      this.report(first.line, first.column + first.text.length, 'bad-directive', `${first.text} needs more: write ${usage}`);
      return false;
    }
    if (args.length > max) {
      this.reportAt(args[max]!, 'bad-directive', `extra text after ${first.text}: write ${usage}`);
      return false;
    }
    return true;
  }

  private originDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 1, '$ORIGIN example.com.')) return;
    if (args[0]!.quoted) {
      this.reportAt(args[0]!, 'bad-directive', '$ORIGIN takes a name without quotes: BIND refuses a quoted one; remove the quotes');
      return;
    }
    const base = this.frame.origin ?? this.zoneOrigin ?? originFromFileName(this.options.file) ?? Name.root;
    const name = this.parseName(args[0]!, base);
    if (!name) return;
    if (!this.zoneOrigin && !this.recordsSeen) this.zoneOrigin = name;
    this.frame.origin = name;
  }

  /** `$DATE YYYYMMDDHHMMSS` as BIND's dns_time64_fromtext reads it: 14 digits, a real date from 1970 on. */
  private dateDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 1, '$DATE YYYYMMDDHHMMSS')) return;
    const token = args[0]!;
    if (!token.quoted && isBindDate(token.text)) return;
    this.reportAt(token, 'bad-directive', `$DATE ${token.text}: BIND refuses it; write the time as YYYYMMDDHHMMSS (UTC, from 1970), or remove the line, which has no effect on a zone`);
  }

  private ttlDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 1, '$TTL 3600 (or with units, such as $TTL 1h)')) return;
    const token = args[0]!;
    if (token.quoted) {
      this.reportAt(token, 'bad-directive', '$TTL takes a number without quotes: BIND refuses a quoted one; remove the quotes');
      return;
    }
    const parsed = parseTtl(token.text);
    if (!parsed.ok) {
      this.reportAt(token, 'bad-ttl', parsed.error);
      return;
    }
    const value = this.limitTtl(parsed.value, token, '$TTL');
    this.ttl = value;
    this.defaultTtl = value;
    this.defaultTtlKnown = true;
    if (!this.neededDefaultTtl) this.hasTtlDirective = true;
  }

  private includeDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 2, '$INCLUDE file [origin]')) return;
    const fileToken = args[0]!;
    const next = args[1];
    if (fileToken.quoted && next && next.line === fileToken.line && next.column === fileToken.column + fileToken.text.length + 2) {
      // `$INCLUDE "f""f"`: BIND's reader wants a blank after the quoted file name ("unbalanced quotes").
      this.reportAt(next, 'bad-directive', `$INCLUDE: text right after the quoted file name: BIND refuses it ("unbalanced quotes"); put the whole file name in one pair of quotes`);
      return;
    }
    const origin = this.currentOrigin();
    let includeOrigin = origin;
    if (args[1]) {
      const parsed = this.parseName(args[1], origin);
      if (!parsed) return;
      includeOrigin = parsed;
    }
    if (this.frame.depth + 1 > this.maxDepth) {
      this.reportAt(fileToken, 'include-refused', `$INCLUDE nested more than ${this.maxDepth} deep: refused; flatten the includes`);
      return;
    }
    const found: IncludedFile | IncludeFailure = this.options.readInclude
      ? this.options.readInclude(latin1AsUtf8(fileToken.text), this.frame.file)
      : { error: 'not read: this zone was given as text with no way to read the files it includes (the library caller passes readInclude)' };
    if ('error' in found) {
      this.reportAt(fileToken, found.refused ? 'include-refused' : 'cannot-read', `$INCLUDE ${fileToken.text}: ${found.error}`);
      return;
    }
    const key = found.key ?? found.file;
    if (this.frame.chain.includes(key)) {
      this.reportAt(fileToken, 'include-refused', `$INCLUDE ${fileToken.text} would include a file that is already being read (an include loop): remove it`);
      return;
    }

    // BIND restores both the origin and the current owner after the included file (ARM, $INCLUDE).
    const saved = { frame: this.frame, lastOwner: this.lastOwner, lastOwnerDropped: this.lastOwnerDropped };
    this.frame = { file: found.file, origin: includeOrigin, depth: saved.frame.depth + 1, chain: [...saved.frame.chain, key] };
    this.files.push(found.file);
    const lexer = new Lexer(this.lexerSink);
    const error = feed(found.text, lexer);
    if (error !== undefined) {
      this.frame = saved.frame;
      this.reportAt(fileToken, 'cannot-read', `$INCLUDE ${fileToken.text}: ${error}`);
    } else {
      lexer.end();
      this.frame = saved.frame;
    }
    this.lastOwner = saved.lastOwner;
    this.lastOwnerDropped = saved.lastOwnerDropped;
  }

  private generateDirective(first: Token, args: readonly Token[]): void {
    const usage = '$GENERATE start-stop[/step] lhs [ttl] [class] type rhs';
    if (args.length < 4) {
      this.report(first.line, first.column + first.text.length, 'bad-generate', `$GENERATE needs more: write ${usage}`);
      return;
    }
    const rangeToken = args[0]!;
    const lhs = args[1]!;
    const range = parseGenerateRange(rangeToken.text);
    if (typeof range === 'string') {
      this.reportAt(rangeToken, 'bad-generate', `$GENERATE: ${range}`);
      return;
    }
    const head = this.readHead(args, 2, first);
    if (!head) return;
    const rhs = args[head.dataStart];
    if (!rhs) {
      this.report(head.typeToken.line, head.typeToken.column + head.typeToken.text.length, 'bad-generate', `$GENERATE has no right-hand side: write ${usage}`);
      return;
    }
    if (args.length > head.dataStart + 1) {
      this.reportAt(args[head.dataStart + 1]!, 'bad-generate', `extra text after the right-hand side of $GENERATE (quote it if it is all data): write ${usage}`);
      return;
    }
    const count = rangeCount(range);
    if (count > MAX_GENERATE_RECORDS) {
      this.reportAt(rangeToken, 'bad-generate', `$GENERATE range ${rangeToken.text} makes ${count} records; zonesmith expands at most ${MAX_GENERATE_RECORDS} per directive: split it`);
      return;
    }
    this.recordsSeen = true;
    const origin = this.currentOrigin();
    const position: SourcePosition = { file: this.frame.file, line: first.line, column: first.column };
    let warnedOutOfZone = false;
    for (let value = range.start; value <= range.stop; value += range.step) {
      const ownerText = expandTemplate(lhs.text, value);
      if ('error' in ownerText) {
        this.reportAt(lhs, 'bad-generate', `$GENERATE: ${ownerText.error}`);
        return;
      }
      const rhsText = expandTemplate(rhs.text, value);
      if ('error' in rhsText) {
        this.reportAt(rhs, 'bad-generate', `$GENERATE: ${rhsText.error}`);
        return;
      }
      const ownerToken: Token = { text: ownerText.text, quoted: false, line: lhs.line, column: lhs.column };
      const owner = this.parseName(ownerToken, origin);
      if (!owner) return;
      if (!owner.isSubdomainOf(this.zoneOrigin!)) {
        if (!warnedOutOfZone) {
          this.reportAt(lhs, 'out-of-zone-data', `ignoring out-of-zone data: ${owner.toString()} from $GENERATE is not in the zone ${this.zoneOrigin!.toString()} (BIND drops it)`);
        }
        warnedOutOfZone = true;
        continue;
      }
      // Generated data sits where the directive's right-hand side is written.
      const rdataTokens = tokenizeLine(rhsText.text).map((t) => ({ text: t.text, quoted: t.quoted, line: rhs.line, column: rhs.column }));
      // One report for a bad template, not one per value.
      if (!this.emitRecord({ ownerToken, owner, head, rdataTokens, position, generated: true, dropped: false })) return;
    }
  }
}

/** Cheap first look before the class table: every class name starts with C, H, I, N or A (any case). */
function mayBeClass(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return text.length >= 2 && (c === 0x63 || c === 0x68 || c === 0x69 || c === 0x6e || c === 0x61);
}

/** OPT and the 128-255 range (TKEY, TSIG, IXFR, AXFR, MAILB, MAILA, ANY): query-only (RFC 6895 §3.1). */
function isMetaType(code: number): boolean {
  return code === 41 || (code >= 128 && code <= 255);
}

/**
 * What BIND's check-names looks at, by type: whether the owner must be a host name (A, AAAA, A6, WKS,
 * MX; a wildcard first label allowed), and the names in the data that must be host names or mailboxes.
 */
const CHECK_NAMES: ReadonlyMap<string, { owner: boolean; fields: ReadonlyArray<readonly [string, 'host' | 'mailbox']> }> = new Map([
  ['A', { owner: true, fields: [] }],
  ['AAAA', { owner: true, fields: [] }],
  ['A6', { owner: true, fields: [] }],
  ['WKS', { owner: true, fields: [] }],
  ['MX', { owner: true, fields: [['exchange', 'host']] }],
  ['NS', { owner: false, fields: [['target', 'host']] }],
  ['SRV', { owner: false, fields: [['target', 'host']] }],
  ['RT', { owner: false, fields: [['host', 'host']] }],
  ['AFSDB', { owner: false, fields: [['hostname', 'host']] }],
  ['SOA', { owner: false, fields: [['mname', 'host'], ['rname', 'mailbox']] }],
  ['RP', { owner: false, fields: [['mbox', 'mailbox']] }],
  ['MINFO', { owner: false, fields: [['rmailbx', 'mailbox'], ['emailbx', 'mailbox']] }],
  ['PTR', { owner: false, fields: [['target', 'host']] }],
] as const);

/**
 * Whether a relative owner as written is host-name labels: letters, digits and inner hyphens,
 * dot-separated, a first label `*` allowed. One pass over the text, no labels cut; undefined when it
 * holds an escape (the labels say, then).
 */
function isHostnameText(text: string): boolean | undefined {
  if (text === '*') return true;
  let start = text.charCodeAt(0) === 0x2a /* * */ && text.charCodeAt(1) === 0x2e ? 2 : 0;
  for (let i = start; i <= text.length; i++) {
    const c = i === text.length ? 0x2e : text.charCodeAt(i);
    if (c === 0x5c /* \ */) return undefined;
    if (c === 0x2e) {
      if (i === start || text.charCodeAt(start) === 0x2d || text.charCodeAt(i - 1) === 0x2d) return false;
      start = i + 1;
    } else if (!((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2d)) return false;
  }
  return true;
}

/** A PTR's target is checked only in the reverse trees. */
const REVERSE_TREES = [Name.from('in-addr.arpa.'), Name.from('ip6.arpa.'), Name.from('ip6.int.')];

/** Types BIND refuses to load (RFC 973 replaced them with MX). */
const OBSOLETE_TYPES = new Set(['MD', 'MF']);

/** Base32hex without padding, of a length that decodes to whole octets (RFC 4648 §7). */
function isNsec3OwnerLabel(label: string | undefined): boolean {
  if (label === undefined || label.length === 0) return false;
  if (![0, 2, 4, 5, 7].includes(label.length % 8)) return false;
  let last = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x76))) return false;
    last = c <= 0x39 ? c - 0x30 : c - 0x61 + 10;
  }
  // The bits of the last digit beyond the last whole octet must be zero (BIND's base32hex decoder).
  const unused = [0, 0, 2, 0, 4, 1, 0, 3][label.length % 8]!;
  return (last & ((1 << unused) - 1)) === 0;
}


/** A Unicode space in an unquoted token: where it is, how many octets, which one. */
interface UnicodeSpace {
  token: Token;
  /** Octet offset in the token's text. */
  offset: number;
  length: number;
  line: number;
  column: number;
  what: string;
  /** It is the first thing on its line. */
  atLineStart: boolean;
}

function unicodeSpacesOf(entry: LexEntry): UnicodeSpace[] {
  const spaces: UnicodeSpace[] = [];
  for (const token of entry.tokens) {
    if (token.quoted) continue;
    const text = token.text;
    let continuations = 0; // columns count characters: a continuation octet has none of its own
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) continue;
      const length = c >= 0xc0 ? unicodeSpaceLength(text, i) : 0;
      if (length === 0) {
        if (c < 0xc0) continuations++;
        continue;
      }
      const column = token.column + i - continuations;
      spaces.push({ token, offset: i, length, line: token.line, column, what: describeUnicodeSpace(text, i), atLineStart: column === 1 });
      continuations += length - 1;
      i += length - 1;
    }
  }
  return spaces;
}

/** The entry as its author meant it: each Unicode space a blank (a byte-order mark at a line's start, nothing). */
function withoutUnicodeSpaces(entry: LexEntry, spaces: readonly UnicodeSpace[]): LexEntry {
  const tokens: Token[] = [];
  let leadingBlank = entry.leadingBlank;
  let k = 0;
  for (const token of entry.tokens) {
    let start = 0;
    const piece = (end: number) => {
      if (end > start) tokens.push({ text: token.text.slice(start, end), quoted: false, line: token.line, column: token.column + characters(token.text, start) });
    };
    while (k < spaces.length && spaces[k]!.token === token) {
      const space = spaces[k++]!;
      if (space.atLineStart && space.what !== 'U+FEFF' && token === entry.tokens[0]) leadingBlank = true;
      piece(space.offset);
      start = space.offset + space.length;
    }
    if (start === 0) tokens.push(token);
    else piece(token.text.length);
  }
  const repaired: LexEntry = { tokens, line: entry.line, leadingBlank, broken: false };
  if (entry.atEndOfFile) repaired.atEndOfFile = true;
  return repaired;
}

/** How many columns the first `end` octets of a token take: every octet but the continuation octets. */
function characters(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c >= 0xc0) n++;
  }
  return n;
}

/** A 14-digit YYYYMMDDHHMMSS time that BIND's dns_time64_fromtext takes (a leap second allowed). */
function isBindDate(text: string): boolean {
  if (!/^[0-9]{14}$/.test(text)) return false;
  const part = (from: number, to: number) => Number(text.slice(from, to));
  const [year, month, day, hour, minute, second] = [part(0, 4), part(4, 6), part(6, 8), part(8, 10), part(10, 12), part(12, 14)];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1970 && days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60;
}
