/**
 * The master-file parser: BIND's reading of a zone file (RFC 1035 §5, RFC 2308 §4, BIND's $GENERATE),
 * streamed record by record. Owned by the parser work; this header fixes the interface.
 */
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import type { Name } from './name.js';
import type { ResourceRecord } from './record.js';
import type { Token } from './token.js';

export interface ParsedRecord extends ResourceRecord {
  /** Where the record's line starts: its owner token, or its first token when the owner is blank. */
  position: SourcePosition;
  /** The owner as written; absent when the owner was blank and inherited. */
  ownerToken?: Token;
  typeToken: Token;
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
