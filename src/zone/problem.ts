/**
 * What the zone layer finds wrong with a zone, by kind. The lexer, the parser and the zone-level
 * checks (zone-checks.ts) report a `ZoneProblem`: a kind named after the problem, the severity BIND
 * gives it, a place and a message that says what to do. Which lint rule judges a kind is the lint
 * layer's business (src/lint/zone-problems.ts); this layer knows no rule id.
 */
import type { Severity, SourcePosition, TextEdit } from '../diagnostics.js';
import type { Name } from './name.js';

/**
 * Every kind with its severity: `error` where BIND refuses the zone, `warning` where BIND loads it
 * with a warning (and changes or drops what was written).
 */
export const ZONE_PROBLEM_SEVERITY = {
  // The lexer: text that cannot be split into fields.
  /** An unclosed quote or parenthesis, a stray ")", an entry too long to be a record. */
  'unreadable-text': 'error',
  /** U+00A0 and other Unicode spaces where blanks belong: BIND reads them as text and refuses the entry. */
  'unicode-space': 'error',
  /** A Unicode space that BIND loads as part of a name or text (`www\194\160`): likely a paste, but it loads. */
  'unicode-space-kept': 'warning',

  // The parser: one entry at a time.
  /** The zone file or an included file cannot be read. */
  'cannot-read': 'error',
  /** Neither --origin, a leading $ORIGIN nor the file name tells the origin. */
  'no-origin': 'error',
  /** A line starting with a blank before any owner was written. */
  'no-owner': 'error',
  /** A name with a bad escape, an empty label or `@` without an origin. */
  'bad-name': 'error',
  /** A label above 63 octets or a name above 255 (RFC 1035 §2.3.4). */
  'name-too-long': 'error',
  /** A TTL that is not a number or a duration. */
  'bad-ttl': 'error',
  /** A TTL above 2^31-1: BIND loads it as 0 (RFC 2181 §8). */
  'ttl-above-max': 'warning',
  /** An owner outside the zone: BIND drops the record. */
  'out-of-zone-data': 'warning',
  /** A record with no type after its owner, TTL and class. */
  'no-type': 'error',
  /** A class other than the zone's (IN). */
  'wrong-class': 'error',
  /** A type BIND does not know by that name. */
  'unknown-type': 'error',
  /** A type that exists only in queries and transfers (OPT, ANY, AXFR...). */
  'meta-type': 'error',
  /** MD or MF, replaced by MX (RFC 973). */
  'obsolete-type': 'error',
  /** Record data that cannot be read for its type. */
  'bad-rdata': 'error',
  /**
   * BIND's check-names: an owner of A, AAAA, A6, WKS or MX that is no host name, or a host name or
   * mailbox in MX, NS, SRV, RT, AFSDB, SOA, RP, MINFO (or a reverse PTR) that is none. named-checkzone
   * warns (its default is `-k warn`) and loads the record; named refuses such a primary zone.
   */
  'check-names': 'warning',
  /** An NSEC3 owner whose first label is no base32hex hash (RFC 5155 §3). */
  'bad-nsec3-owner': 'error',
  /** A record with no TTL of its own, no $TTL and no earlier TTL: BIND refuses the zone. */
  'no-ttl': 'error',
  /** No $TTL: BIND takes the SOA minimum as the default TTL. */
  'ttl-from-soa-minimum': 'warning',
  /** No $TTL: BIND gives records without a TTL the last TTL written (RFC 1035 style). */
  'ttl-from-last-record': 'warning',
  /** The zone has no SOA record. */
  'no-soa': 'error',
  /** An SOA record whose owner is not the zone's apex. */
  'soa-not-at-apex': 'error',
  /** A second SOA record with other data. */
  'second-soa': 'error',
  /** An unknown directive, or a directive with missing or extra arguments. */
  'bad-directive': 'error',
  /** An $INCLUDE that is refused: outside the zone's folder, a loop, too deep, not a file. */
  'include-refused': 'error',
  /** A $GENERATE with a bad range or template, or one that makes too many records. */
  'bad-generate': 'error',

  // The zone-level checks (zone-checks.ts): records seen together.
  /** A CNAME beside data of a type that may not stand beside it (RFC 1034 §3.6.2, RFC 2181 §10.1). */
  'cname-beside-data': 'error',
  /** A second CNAME with other data at the same name (RFC 2181 §10.1). */
  'second-cname': 'error',
  /** A second DNAME with other data at the same name (RFC 6672 §2.4). */
  'second-dname': 'error',
  /** A DS record at the zone's apex: DS belongs in the parent (RFC 4034 §5). */
  'apex-ds': 'error',
  /** No NS record at the zone's apex. */
  'apex-without-ns': 'error',
  /** An NS record owned by a wildcard name (RFC 4592 §4.2). */
  'wildcard-ns-owner': 'error',
  /** An in-zone target of the apex NS that is an alias (RFC 2181 §10.3). */
  'apex-ns-target-alias': 'error',
  /** An in-zone target of the apex NS below a DNAME. */
  'apex-ns-target-below-dname': 'error',
  /** An in-zone target of the apex NS with no A or AAAA record. */
  'apex-ns-target-no-address': 'error',
  /** A CDS or CDNSKEY that matches no DNSKEY of the zone (RFC 7344 §4.1). */
  'cds-matches-no-dnskey': 'error',
  /** A "delete" CDS or CDNSKEY (algorithm 0) beside others of its type (RFC 8078 §4). */
  'cds-delete-not-alone': 'error',
} as const satisfies Record<string, Severity>;

export type ZoneProblemKind = keyof typeof ZONE_PROBLEM_SEVERITY;

export const ZONE_PROBLEM_KINDS = Object.keys(ZONE_PROBLEM_SEVERITY) as readonly ZoneProblemKind[];

export interface ZoneProblem extends SourcePosition {
  kind: ZoneProblemKind;
  severity: Severity;
  message: string;
  /** Last column (exclusive) of the offending text on `line`, when known. */
  endColumn?: number;
  /** The name the problem is about (the CNAME owner, the NS target...), for the zone-level checks. */
  subject?: Name;
  /** A certain repair, when the reader knows one (Unicode spaces). */
  fix?: TextEdit[];
}

/** A problem of `kind` at `where`, with the kind's severity. */
export function zoneProblem(kind: ZoneProblemKind, where: SourcePosition, message: string, subject?: Name): ZoneProblem {
  const problem: ZoneProblem = { file: where.file, line: where.line, column: where.column, kind, severity: ZONE_PROBLEM_SEVERITY[kind], message };
  if (subject) problem.subject = subject;
  return problem;
}
