/**
 * The one table from the zone layer's problem kinds (src/zone/problem.ts) to the lint rules that
 * judge them. The engine hands each problem the parser or the zone-level checks report to its rule:
 * a rule with a `problem` handler words it itself (folding BIND's finding into its own, so a problem
 * is reported once), any other rule reports it as it is. The table is typed by kind, so a new kind
 * does not compile until a rule judges it; test/zone-problems.test.ts checks that each id is a rule.
 */
import type { Name } from '../zone/name.js';
import type { ZoneProblem, ZoneProblemKind } from '../zone/problem.js';
import type { Finding, LintContext } from './rule.js';

export const RULE_OF_PROBLEM: Readonly<Record<ZoneProblemKind, string>> = {
  'unreadable-text': 'syntax',
  'unicode-space': 'non-ascii-whitespace',
  'unicode-space-kept': 'non-ascii-whitespace',
  'cannot-read': 'syntax',
  'no-origin': 'syntax',
  'no-owner': 'syntax',
  'bad-name': 'syntax',
  'name-too-long': 'name-syntax',
  'bad-ttl': 'syntax',
  'ttl-above-max': 'syntax',
  'out-of-zone-data': 'syntax',
  'no-type': 'syntax',
  'wrong-class': 'syntax',
  'unknown-type': 'syntax',
  'meta-type': 'syntax',
  'obsolete-type': 'syntax',
  'bad-rdata': 'syntax',
  'bad-nsec3-owner': 'syntax',
  'check-names': 'name-syntax',
  'no-ttl': 'missing-ttl',
  'ttl-from-soa-minimum': 'missing-ttl',
  'ttl-from-last-record': 'missing-ttl',
  'no-soa': 'syntax',
  'soa-not-at-apex': 'syntax',
  'second-soa': 'syntax',
  'bad-directive': 'syntax',
  'include-refused': 'syntax',
  'bad-generate': 'syntax',
  'cname-beside-data': 'cname-and-other-data',
  'second-cname': 'cname-and-other-data',
  'second-dname': 'multiple-dname',
  'apex-ds': 'ds-at-apex',
  'apex-without-ns': 'apex-no-ns',
  'wildcard-ns-owner': 'ns-at-wildcard',
  'apex-ns-target-alias': 'ns-target-cname',
  'apex-ns-target-below-dname': 'ns-target-below-dname',
  'apex-ns-target-no-address': 'target-no-address',
  'cds-matches-no-dnskey': 'cds-no-dnskey',
  'cds-delete-not-alone': 'cds-delete-mixed',
};

/** A problem as a finding: its place, message, severity (the kind's) and repair. */
export function problemFinding(problem: ZoneProblem): Finding {
  const finding: Finding = {
    where: { file: problem.file, line: problem.line, column: problem.column },
    message: problem.message,
    severity: problem.severity,
  };
  if (problem.endColumn !== undefined) finding.where.endColumn = problem.endColumn;
  if (problem.fix) finding.fix = problem.fix;
  return finding;
}

/**
 * The zone problems a rule words itself, by the name they are about. The rule takes out those its
 * own findings say (one finding per problem); `reportRest` reports what is left as it is, so a
 * problem BIND refuses the zone for is never lost.
 */
export class ProblemsBySubject {
  private readonly bySubject = new Map<string, { subject: Name | undefined; problems: ZoneProblem[] }>();

  add(problem: ZoneProblem): void {
    const key = problem.subject?.key ?? '';
    const known = this.bySubject.get(key);
    if (known) known.problems.push(problem);
    else this.bySubject.set(key, { subject: problem.subject, problems: [problem] });
  }

  /** The names problems are about (a copy: taking while walking it is fine). */
  subjects(): Name[] {
    return [...this.bySubject.values()].flatMap(({ subject }) => (subject ? [subject] : []));
  }

  has(subject: Name): boolean {
    return this.bySubject.has(subject.key);
  }

  /** Takes out the problems about `subject`: the rule's own finding says them. */
  take(subject: Name): ZoneProblem[] {
    const known = this.bySubject.get(subject.key);
    this.bySubject.delete(subject.key);
    return known?.problems ?? [];
  }

  /** Reports, as they are, the problems no finding of the rule has taken. */
  reportRest(context: LintContext): void {
    for (const { problems } of this.bySubject.values()) for (const problem of problems) context.report(problemFinding(problem));
    this.bySubject.clear();
  }
}
