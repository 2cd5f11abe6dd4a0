/**
 * The master-file parser: BIND's reading of a zone file (RFC 1035 §5, RFC 2308 §4, BIND's $GENERATE),
 * streamed record by record. The lexer (lexer.ts) hands over entries; this module resolves owners
 * (blank = previous owner, kept across $ORIGIN, carried into and restored after $INCLUDE), TTL and
 * class in either order, the TTL rules of lib/dns/master.c, the directives, and the zone-load refusals
 * that one record shows (SOA place, class, out-of-zone data, meta and obsolete types). Record data is
 * read by rdata.ts. Its own state does not grow with the file: one entry at a time, one frame per
 * nested $INCLUDE. Problems go to the sink as diagnostics; nothing is thrown.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Diagnostic, Severity, SourcePosition, TextEdit } from '../diagnostics.js';
import { expandTemplate, MAX_GENERATE_RECORDS, parseGenerateRange, rangeCount } from './generate-directive.js';
import { Lexer, tokenizeLine, type LexEntry, type LexerSink, type LexProblem } from './lexer.js';
import { Name } from './name.js';
import { originFromFileName } from './origin.js';
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
  /** The $ORIGIN in effect for this record. */
  origin: Name;
  /** Came from $GENERATE (position is the directive's). */
  generated?: boolean;
  /** A record from a spec: where some data fields were written (an SOA's `expire`), by field name. */
  fieldPositions?: Readonly<Record<string, SourcePosition & { endColumn?: number }>>;
}

export interface ZoneReadOptions {
  /** Path of the zone file: for messages, $INCLUDE resolution and the origin from the file name. */
  file: string;
  /** `--origin`; else a leading $ORIGIN; else the file name (see originFromFileName). */
  origin?: Name;
  /** Follow $INCLUDE outside the folder tree of `file` (default false). */
  allowIncludeOutside?: boolean;
  /** How deep $INCLUDE may nest (default 8). */
  maxIncludeDepth?: number;
}

export interface ZoneSink {
  record(record: ParsedRecord): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface ZoneReadSummary {
  /** The origin the zone was read with (absolute). */
  origin: Name;
  /** A $TTL directive was present before the first record that needed a default TTL. */
  hasTtlDirective: boolean;
  /** Every file read, the zone file first, then included files. */
  files: string[];
  recordCount: number;
}

/** How deep $INCLUDE may nest when the caller does not say. */
export const DEFAULT_MAX_INCLUDE_DEPTH = 8;
const READ_BLOCK = 64 * 1024;
/** The class every zone zonesmith reads is loaded in (named-checkzone's default). */
const ZONE_CLASS = 'IN';

/** Reads a zone file in 64 KiB blocks, so a big zone never lives in memory whole. */
export function readZoneFile(options: ZoneReadOptions, sink: ZoneSink): ZoneReadSummary {
  const reader = new ZoneReader(options, sink);
  reader.readTop((lexer) => readFileInto(options.file, lexer));
  return reader.finish();
}

/** The same reading over text already in memory (stdin, tests); `options.file` names it in messages. */
export function readZoneText(text: string, options: ZoneReadOptions, sink: ZoneSink): ZoneReadSummary {
  const reader = new ZoneReader(options, sink);
  reader.readTop((lexer) => {
    lexer.write(text);
    return undefined;
  });
  return reader.finish();
}

/** Streams a file through a lexer; returns an error message when the file cannot be read. */
function readFileInto(path: string, lexer: Lexer): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return ioMessage(error);
  }
  try {
    const block = Buffer.allocUnsafe(READ_BLOCK);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, block, 0, READ_BLOCK, null);
      if (n === 0) break;
      lexer.write(decoder.write(block.subarray(0, n)));
    }
    const rest = decoder.end();
    if (rest.length > 0) lexer.write(rest);
    return undefined;
  } catch (error) {
    return ioMessage(error);
  } finally {
    closeSync(fd);
  }
}

function ioMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'not a file (a folder)';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}

/** One file being read: its name in messages, its $ORIGIN, and the chain of includes that led to it. */
interface Frame {
  file: string;
  origin: Name | null;
  depth: number;
  /** Real paths of the files being read, outermost first (to catch include loops). */
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
  /** The folder tree $INCLUDE may reach (real path), when it is limited. */
  private includeRoot: string | undefined;

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

  private soaCount = 0;
  private soaKey: string | undefined;
  private firstRecordPosition: SourcePosition | undefined;
  private recordCount = 0;

  private readonly lexerSink: LexerSink = {
    entry: (entry) => this.entry(entry),
    emptyLine: () => {
      this.pendingBreak = true;
    },
    problem: (problem) => this.lexProblem(problem),
  };

  constructor(
    private readonly options: ZoneReadOptions,
    private readonly sink: ZoneSink,
  ) {
    this.maxDepth = options.maxIncludeDepth ?? DEFAULT_MAX_INCLUDE_DEPTH;
    this.zoneOrigin = options.origin ?? null;
    this.frame = { file: options.file, origin: this.zoneOrigin, depth: 0, chain: [] };
  }

  readTop(feed: (lexer: Lexer) => string | undefined): void {
    this.files.push(this.options.file);
    try {
      this.frame.chain = [realpathSync(this.options.file)];
    } catch {
      this.frame.chain = [this.options.file];
    }
    const lexer = new Lexer(this.lexerSink);
    const error = feed(lexer);
    if (error !== undefined) {
      this.report(1, 1, 'error', 'syntax', `cannot read ${this.options.file}: ${error}`);
      return;
    }
    lexer.end();
  }

  finish(): ZoneReadSummary {
    const origin = this.ensureZoneOrigin();
    if (this.soaCount === 0) {
      const at = this.firstRecordPosition ?? { file: this.options.file, line: 1, column: 1 };
      this.sink.diagnostic({
        ...at,
        severity: 'error',
        rule: 'syntax',
        message: `the zone has no SOA record: BIND refuses it; start the zone with "@ IN SOA primary-ns. hostmaster. ( serial refresh retry expire minimum )" at ${origin.toString()}`,
      });
    }
    return { origin, hasTtlDirective: this.hasTtlDirective, files: this.files, recordCount: this.recordCount };
  }

  // ----- diagnostics

  private report(line: number, column: number, severity: Severity, rule: string, message: string, endColumn?: number, fix?: TextEdit[]): void {
    const diagnostic: Diagnostic = { file: this.frame.file, line, column, severity, rule, message };
    if (endColumn !== undefined) diagnostic.endColumn = endColumn;
    if (fix) diagnostic.fix = fix;
    this.sink.diagnostic(diagnostic);
  }

  private reportAt(token: Token, severity: Severity, rule: string, message: string): void {
    this.report(token.line, token.column, severity, rule, message, token.quoted ? undefined : token.column + token.text.length);
  }

  private lexProblem(problem: LexProblem): void {
    this.report(problem.line, problem.column, 'error', problem.rule, problem.message, problem.endColumn, problem.fix);
  }

  // ----- origins

  /** The zone's origin: --origin, else a $ORIGIN before the first record, else the file name. */
  private ensureZoneOrigin(): Name {
    if (this.zoneOrigin) return this.zoneOrigin;
    const fromName = originFromFileName(this.options.file);
    if (!fromName) {
      this.report(1, 1, 'error', 'syntax', `cannot tell the zone's origin from the file name "${this.options.file}": pass --origin or start the file with $ORIGIN`);
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
    const first = entry.tokens[0];
    if (!first) return;
    if (!entry.leadingBlank && !first.quoted && first.text.charCodeAt(0) === 0x24 /* $ */) {
      this.directive(entry.tokens, first);
      return;
    }
    this.recordEntry(entry);
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
        this.report(first.line, first.column, 'error', 'syntax', 'this line starts with a blank, so it takes the owner of the record before it, but there is none: write the owner name at the start of the line');
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
        this.reportAt(first, 'warning', 'syntax', `ignoring out-of-zone data: ${owner.toString()} is not in the zone ${this.zoneOrigin!.toString()} (BIND drops it); use a name ending in ${this.zoneOrigin!.toString()} or a relative name`);
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
    const rule = /longer than/.test(parsed.error) ? 'name-syntax' : 'syntax';
    this.reportAt(token, 'error', rule, `bad name "${token.text}": ${parsed.error}`);
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
        this.report(last.line, last.column + last.text.length, 'error', 'syntax', 'record has no type: write the type (A, MX, TXT, ...) and its data after the owner, TTL and class');
        return undefined;
      }
      const c = token.text.charCodeAt(0);
      if (!ttlToken && !token.quoted && c >= 0x30 && c <= 0x39) {
        const parsed = parseTtl(token.text);
        if (!parsed.ok) {
          this.reportAt(token, 'error', 'syntax', parsed.error);
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
    this.reportAt(token, 'warning', 'syntax', `${what} ${value} is above the maximum ${MAX_TTL} (RFC 2181 §8): BIND sets it to 0; write at most ${MAX_TTL}`);
    return 0;
  }

  /** Class, type, data and TTL of one record; hands it to the sink when they are all good. */
  private emitRecord(input: RecordInput): boolean {
    const { head } = input;
    let recordClass = ZONE_CLASS;
    if (head.classToken) {
      recordClass = normalizeClass(head.classToken.text)!;
      if (recordClass !== ZONE_CLASS) {
        this.reportAt(head.classToken, 'error', 'syntax', `class '${recordClass}' != zone class '${ZONE_CLASS}': BIND refuses the zone; write IN or leave the class out`);
        return false;
      }
    }
    const typeToken = head.typeToken;
    const code = typeToken.quoted ? undefined : typeCodeOf(typeToken.text);
    if (code === undefined) {
      this.reportAt(typeToken, 'error', 'syntax', `unknown RR type "${typeToken.text}": write a type such as A, AAAA, MX, TXT, SRV or TYPEnnn (RFC 3597)`);
      return false;
    }
    const type = typeMnemonic(code);
    if (isMetaType(code)) {
      this.reportAt(typeToken, 'error', 'syntax', `type '${type}': invalid use of a meta type: ${type} exists only in queries and transfers, not in a zone`);
      return false;
    }
    if (OBSOLETE_TYPES.has(type)) {
      this.reportAt(typeToken, 'error', 'syntax', `type '${type}': obsolete (RFC 973): BIND refuses it; use MX instead`);
      return false;
    }
    const origin = this.frame.origin!;
    let data: Rdata;
    try {
      const result = parseRdata(type, input.rdataTokens, origin);
      if (!result.data) {
        for (const problem of result.problems) {
          const at = problem.token ?? typeToken;
          this.reportAt(at, 'error', 'syntax', `${type} data: ${problem.message}`);
        }
        if (result.problems.length === 0) this.reportAt(typeToken, 'error', 'syntax', `${type} data could not be read`);
        return false;
      }
      data = result.data;
    } catch (error) {
      this.reportAt(typeToken, 'error', 'syntax', `${type} data could not be read (internal error: ${(error as Error).message})`);
      return false;
    }

    if (input.dropped) return true;
    if (type === 'NSEC3' && !isNsec3OwnerLabel(input.owner.firstLabel)) {
      const at = input.ownerToken ?? typeToken;
      this.report(at.line, at.column, 'error', 'syntax', `${input.owner.toString()}: bad owner name (check-names): an NSEC3 owner's first label is a base32hex hash without padding (RFC 5155 §3)`);
      return false;
    }
    const ttl = this.resolveTtl(input, type, data);
    if (ttl === undefined) return false;
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
    if (this.previousType !== undefined) record.previousType = this.previousType;
    if (input.generated) record.generated = true;
    this.pendingBreak = false;
    this.previousType = type;
    this.recordCount++;
    this.sink.record(record);
    return true;
  }

  /**
   * The record's TTL as lib/dns/master.c decides it: an explicit TTL; else $TTL; else, with no $TTL,
   * the SOA minimum when the SOA comes first without a TTL, or the last explicit TTL ("RFC 1035 TTL
   * semantics") when records before had one; a record with nothing to go by makes BIND reject the zone.
   */
  private resolveTtl(input: RecordInput, type: string, data: Rdata): number | undefined {
    const { head } = input;
    const at = head.ttlToken ?? input.ownerToken ?? head.typeToken;
    if (head.ttl !== undefined) {
      this.ttl = head.ttl;
      this.ttlKnown = true;
    } else if (!this.defaultTtlKnown) this.neededDefaultTtl = true;
    if (!this.ttlKnown && !this.defaultTtlKnown) {
      if (type !== 'SOA') {
        this.report(at.line, at.column, 'error', 'missing-ttl', 'no TTL specified and no $TTL before this record: BIND rejects the zone; add "$TTL 3600" (or the TTL you want) at the top of the file');
        return undefined;
      }
      const minimum = (data as SoaData).minimum;
      this.ttl = minimum > MAX_TTL ? 0 : minimum;
      this.defaultTtl = this.ttl;
      this.defaultTtlKnown = true;
      this.report(at.line, at.column, 'warning', 'missing-ttl', `no $TTL: BIND uses the SOA minimum (${this.ttl}) as the TTL of every record without one; add "$TTL ${this.ttl}" at the top of the file`);
      return this.ttl;
    }
    if (head.ttl !== undefined) return head.ttl;
    if (this.defaultTtlKnown) {
      this.ttl = this.defaultTtl;
      return this.ttl;
    }
    if (this.warn1035) {
      this.warn1035 = false;
      this.report(at.line, at.column, 'warning', 'missing-ttl', `no $TTL: BIND gives records without a TTL the last TTL written (${this.ttl}), RFC 1035 style; add "$TTL ${this.ttl}" at the top of the file`);
    }
    return this.ttl;
  }

  /** The SOA belongs at the zone's apex, once (lib/dns/master.c, zone load). */
  private checkSoa(input: RecordInput, data: Rdata): void {
    const at = input.ownerToken ?? input.head.typeToken;
    const apex = this.zoneOrigin!;
    if (!input.owner.equals(apex)) {
      this.report(at.line, at.column, 'error', 'syntax', `SOA record not at top of zone: ${input.owner.toString()} is not the zone apex ${apex.toString()}; put the SOA at "@"`);
      return;
    }
    const key = dataKey('SOA', data);
    if (this.soaCount > 0 && key !== this.soaKey) {
      this.report(at.line, at.column, 'error', 'syntax', 'a second, different SOA record: a zone has exactly one (RFC 1035 §5.2); remove one of them');
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
    // The dump time of a cache file: BIND reads it, and it has no effect on a zone.
    $DATE: () => {},
  };

  private directive(tokens: readonly Token[], first: Token): void {
    const handler = this.directives[first.text.toUpperCase()];
    if (handler) {
      handler(first, tokens.slice(1));
      return;
    }
    const known = Object.keys(this.directives).filter((name) => name !== '$DATE');
    this.reportAt(first, 'error', 'syntax', `unknown directive "${first.text}": the directives are ${known.slice(0, -1).join(', ')} and ${known.at(-1)}`);
  }

  private expectArgs(first: Token, args: readonly Token[], min: number, max: number, usage: string): boolean {
    if (args.length < min) {
      this.report(first.line, first.column + first.text.length, 'error', 'syntax', `${first.text} needs more: write ${usage}`);
      return false;
    }
    if (args.length > max) {
      this.reportAt(args[max]!, 'error', 'syntax', `extra text after ${first.text}: write ${usage}`);
      return false;
    }
    return true;
  }

  private originDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 1, '$ORIGIN example.com.')) return;
    const base = this.frame.origin ?? this.zoneOrigin ?? originFromFileName(this.options.file) ?? Name.root;
    const name = this.parseName(args[0]!, base);
    if (!name) return;
    if (!this.zoneOrigin && !this.recordsSeen) this.zoneOrigin = name;
    this.frame.origin = name;
  }

  private ttlDirective(first: Token, args: readonly Token[]): void {
    if (!this.expectArgs(first, args, 1, 1, '$TTL 3600 (or with units, such as $TTL 1h)')) return;
    const token = args[0]!;
    const parsed = parseTtl(token.text);
    if (!parsed.ok) {
      this.reportAt(token, 'error', 'syntax', parsed.error);
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
    const origin = this.currentOrigin();
    let includeOrigin = origin;
    if (args[1]) {
      const parsed = this.parseName(args[1], origin);
      if (!parsed) return;
      includeOrigin = parsed;
    }
    const target = isAbsolute(fileToken.text) ? fileToken.text : join(dirname(this.frame.file), fileToken.text);
    if (this.frame.depth + 1 > this.maxDepth) {
      this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE nested more than ${this.maxDepth} deep: refused; flatten the includes`);
      return;
    }
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text}: ${ioMessage(error)} (looked for ${target}, relative to the including file)`);
      return;
    }
    if (!this.options.allowIncludeOutside) {
      const root = this.includeRootPath();
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        // Refused before it is opened: nothing of the other file reaches the output.
        this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text} is outside the folder of the zone file (${root}): refused; move it there or pass --allow-include-outside`);
        return;
      }
    }
    if (this.frame.chain.includes(real)) {
      this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text} would include a file that is already being read (an include loop): remove it`);
      return;
    }
    try {
      if (!statSync(real).isFile()) {
        this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text}: not a file`);
        return;
      }
    } catch (error) {
      this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text}: ${ioMessage(error)}`);
      return;
    }

    // BIND restores both the origin and the current owner after the included file (ARM, $INCLUDE).
    const saved = { frame: this.frame, lastOwner: this.lastOwner, lastOwnerDropped: this.lastOwnerDropped };
    this.frame = { file: target, origin: includeOrigin, depth: saved.frame.depth + 1, chain: [...saved.frame.chain, real] };
    this.files.push(target);
    const lexer = new Lexer(this.lexerSink);
    const error = readFileInto(real, lexer);
    if (error !== undefined) {
      this.frame = saved.frame;
      this.reportAt(fileToken, 'error', 'syntax', `$INCLUDE ${fileToken.text}: ${error}`);
    } else {
      lexer.end();
      this.frame = saved.frame;
    }
    this.lastOwner = saved.lastOwner;
    this.lastOwnerDropped = saved.lastOwnerDropped;
  }

  private includeRootPath(): string {
    if (this.includeRoot === undefined) {
      const dir = dirname(this.options.file);
      try {
        this.includeRoot = realpathSync(dir);
      } catch {
        this.includeRoot = dir;
      }
    }
    return this.includeRoot;
  }

  private generateDirective(first: Token, args: readonly Token[]): void {
    const usage = '$GENERATE start-stop[/step] lhs [ttl] [class] type rhs';
    if (args.length < 4) {
      this.report(first.line, first.column + first.text.length, 'error', 'syntax', `$GENERATE needs more: write ${usage}`);
      return;
    }
    const rangeToken = args[0]!;
    const lhs = args[1]!;
    const range = parseGenerateRange(rangeToken.text);
    if (typeof range === 'string') {
      this.reportAt(rangeToken, 'error', 'syntax', `$GENERATE: ${range}`);
      return;
    }
    const head = this.readHead(args, 2, first);
    if (!head) return;
    const rhs = args[head.dataStart];
    if (!rhs) {
      this.report(head.typeToken.line, head.typeToken.column + head.typeToken.text.length, 'error', 'syntax', `$GENERATE has no right-hand side: write ${usage}`);
      return;
    }
    if (args.length > head.dataStart + 1) {
      this.reportAt(args[head.dataStart + 1]!, 'error', 'syntax', `extra text after the right-hand side of $GENERATE (quote it if it is all data): write ${usage}`);
      return;
    }
    const count = rangeCount(range);
    if (count > MAX_GENERATE_RECORDS) {
      this.reportAt(rangeToken, 'error', 'syntax', `$GENERATE range ${rangeToken.text} makes ${count} records; zonesmith expands at most ${MAX_GENERATE_RECORDS} per directive: split it`);
      return;
    }
    this.recordsSeen = true;
    const origin = this.currentOrigin();
    const position: SourcePosition = { file: this.frame.file, line: first.line, column: first.column };
    let warnedOutOfZone = false;
    for (let value = range.start; value <= range.stop; value += range.step) {
      const ownerText = expandTemplate(lhs.text, value);
      if ('error' in ownerText) {
        this.reportAt(lhs, 'error', 'syntax', `$GENERATE: ${ownerText.error}`);
        return;
      }
      const rhsText = expandTemplate(rhs.text, value);
      if ('error' in rhsText) {
        this.reportAt(rhs, 'error', 'syntax', `$GENERATE: ${rhsText.error}`);
        return;
      }
      const ownerToken: Token = { text: ownerText.text, quoted: false, line: lhs.line, column: lhs.column };
      const owner = this.parseName(ownerToken, origin);
      if (!owner) return;
      if (!owner.isSubdomainOf(this.zoneOrigin!)) {
        if (!warnedOutOfZone) {
          this.reportAt(lhs, 'warning', 'syntax', `ignoring out-of-zone data: ${owner.toString()} from $GENERATE is not in the zone ${this.zoneOrigin!.toString()} (BIND drops it)`);
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

/** Types BIND refuses to load (RFC 973 replaced them with MX). */
const OBSOLETE_TYPES = new Set(['MD', 'MF']);

/** Base32hex without padding, of a length that decodes to whole octets (RFC 4648 §7). */
function isNsec3OwnerLabel(label: string | undefined): boolean {
  if (label === undefined || label.length === 0) return false;
  if (![0, 2, 4, 5, 7].includes(label.length % 8)) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x76))) return false;
  }
  return true;
}

