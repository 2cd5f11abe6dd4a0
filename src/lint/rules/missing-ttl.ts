import type { TextEdit } from '../../diagnostics.js';
import type { ParsedRecord } from '../../zone/parser.js';
import type { ZoneProblem } from '../../zone/problem.js';
import { formatDuration } from '../../zone/ttl.js';
import type { Finding, LintContext, Rule } from '../rule.js';
import { problemFinding } from '../zone-problems.js';

/**
 * No `$TTL` while records have no TTL of their own. BIND then gives them one of two things
 * (lib/dns/master.c): the SOA minimum, when the SOA comes first without a TTL (RFC 2308 §4 made that
 * field the negative-caching TTL); or, when a TTL was written before them, the last TTL written
 * (RFC 1035 style), which may differ from record to record.
 *
 * The repair keeps every TTL BIND gives, exactly:
 * - SOA minimum: `$TTL <minimum>` on the first line gives every record what it had.
 * - last TTL written, one value for all of them: `$TTL <value>` on the first line.
 * - last TTL written, several values: no single `$TTL` can; each such record gets its TTL written
 *   before its type (`www IN 300 A ...` and `www 300 A ...` both read as BIND reads them), when all
 *   of them are in the zone file itself; otherwise no repair is offered.
 * A record BIND refuses for want of any TTL (`no-ttl`) is always reported, and then nothing is
 * repaired: which TTL it should have is a choice, not a certainty. The parser's own "no $TTL"
 * warnings are reported only when this rule's finding is not.
 */
export const missingTtl: Rule = {
  meta: {
    id: 'missing-ttl',
    severity: 'warning',
    description: 'No `$TTL` directive and records without a TTL: BIND falls back to the SOA minimum or the last TTL written',
    source: 'RFC 2308 §4; RFC 1035 §5.1; BIND "no TTL specified; using SOA MINTTL instead", "using RFC1035 TTL semantics"',
    fixable: true,
  },
  create(context) {
    const defaulted: ZoneProblem[] = [];
    let fromSoaMinimum = false;
    let anySeen = false;
    let refused = false;
    const inherited = new InheritedTtls(context.file);
    return {
      problem(problem) {
        if (problem.kind === 'no-ttl') {
          refused = true;
          context.report(problemFinding(problem));
          return;
        }
        defaulted.push(problem);
      },
      record(record) {
        if (record.ttlFromLastRecord) inherited.add(record);
        // Only a first record can take the SOA minimum: an SOA without a TTL, when no $TTL came before it.
        if (!anySeen) fromSoaMinimum = record.type === 'SOA' && !record.ttlExplicit;
        anySeen = true;
      },
      finish() {
        const { index } = context;
        // A record with no TTL at all: BIND rejects the zone, and said so above. What the other records
        // took is then not known from the records seen (the first one seen may have taken a $TTL that
        // came after the refused one), so only the parser's own words about it stand.
        if (refused || index.hasTtlDirective !== false || index.recordsWithoutTtl === 0 || !index.soa) {
          for (const problem of defaulted) context.report(problemFinding(problem));
          return;
        }
        if (!fromSoaMinimum && inherited.empty) {
          for (const problem of defaulted) context.report(problemFinding(problem));
          return;
        }
        context.report(fromSoaMinimum ? soaMinimumFinding(context, index.soa.ttl) : inherited.finding(context));
      },
    };
  },
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function ttlLine(ttl: number): TextEdit {
  return { line: 1, column: 1, endColumn: 1, text: `$TTL ${ttl}\n` };
}

function soaMinimumFinding(context: LintContext, ttl: number): Finding {
  const count = context.index.recordsWithoutTtl;
  return {
    where: { file: context.file, line: 1, column: 1 },
    message:
      `no $TTL directive: BIND uses the SOA minimum (${ttl}, ${formatDuration(ttl)}) for the ` +
      `${plural(count, 'record')} without a TTL, but since RFC 2308 §4 that field is the ` +
      `negative-caching TTL; add \`$TTL ${ttl}\` as the first line`,
    fix: [ttlLine(ttl)],
  };
}

/** The records that took the last TTL written: their TTLs, and where each one's TTL can be written. */
class InheritedTtls {
  private count = 0;
  /** Up to two distinct TTLs: one is all the repair needs to know, two say no `$TTL` can do. */
  private readonly values: number[] = [];
  private edits: TextEdit[] | undefined = [];
  private lastEdit: TextEdit | undefined;

  constructor(private readonly file: string) {}

  get empty(): boolean {
    return this.count === 0;
  }

  add(record: ParsedRecord): void {
    this.count++;
    if (!this.values.includes(record.ttl) && this.values.length < 2) this.values.push(record.ttl);
    if (!this.edits) return;
    const type = record.typeToken;
    // Only the zone file itself is rewritten; a record from elsewhere (an included file, a spec) cannot be.
    if (!type || record.position.file !== this.file) {
      this.edits = undefined;
      return;
    }
    // The records of one $GENERATE share its line: its TTL is written once.
    const last = this.lastEdit;
    if (last && last.line === type.line && last.column === type.column) return;
    this.lastEdit = { line: type.line, column: type.column, endColumn: type.column, text: `${record.ttl} ` };
    this.edits.push(this.lastEdit);
  }

  finding(context: LintContext): Finding {
    const where = { file: context.file, line: 1, column: 1 };
    const records = plural(this.count, 'record');
    const [first] = this.values;
    if (first !== undefined && this.values.length === 1) {
      return {
        where,
        message:
          `no $TTL directive: BIND gives the ${records} without a TTL the last TTL written before them ` +
          `(${first}, ${formatDuration(first)}), RFC 1035 style; add \`$TTL ${first}\` as the first line`,
        fix: [ttlLine(first)],
      };
    }
    const finding: Finding = {
      where,
      message:
        `no $TTL directive: BIND gives the ${records} without a TTL the last TTL written before each ` +
        `(RFC 1035 style), and those differ (${this.values.join(', ')}, ...): no single $TTL keeps them; ` +
        'write each record\'s TTL, then add a $TTL',
    };
    if (this.edits && this.edits.length > 0) finding.fix = this.edits;
    return finding;
  }
}
