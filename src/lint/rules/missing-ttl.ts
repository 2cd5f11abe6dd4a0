import type { ZoneProblem } from '../../zone/problem.js';
import { formatDuration } from '../../zone/ttl.js';
import type { Rule } from '../rule.js';
import { problemFinding } from '../zone-problems.js';

/**
 * No `$TTL` while records have no TTL of their own: BIND warns and uses the SOA minimum for them,
 * which RFC 2308 §4 redefined as the negative-caching TTL. The repair keeps today's meaning exactly:
 * `$TTL <SOA minimum>` on the first line. The parser's own "no $TTL" warnings say the same, so they
 * are reported only when this rule's finding is not; a record BIND refuses for want of any TTL
 * (`no-ttl`) is always reported.
 */
export const missingTtl: Rule = {
  meta: {
    id: 'missing-ttl',
    severity: 'warning',
    description: 'No `$TTL` directive and records without a TTL: BIND falls back to the SOA minimum',
    source: 'RFC 2308 §4; BIND "no TTL specified; using SOA MINTTL instead"',
    fixable: true,
  },
  create(context) {
    const defaulted: ZoneProblem[] = [];
    return {
      problem(problem) {
        if (problem.kind === 'no-ttl') context.report(problemFinding(problem));
        else defaulted.push(problem);
      },
      finish() {
        const { index } = context;
        if (index.hasTtlDirective !== false || index.recordsWithoutTtl === 0 || !index.soa) {
          for (const problem of defaulted) context.report(problemFinding(problem));
          return;
        }
        const minimum = index.soa.data.minimum;
        const count = index.recordsWithoutTtl;
        context.report({
          where: { file: context.file, line: 1, column: 1 },
          message:
            `no $TTL directive: BIND uses the SOA minimum (${minimum}, ${formatDuration(minimum)}) for the ` +
            `${count} record${count === 1 ? '' : 's'} without a TTL, but since RFC 2308 §4 that field is the ` +
            `negative-caching TTL; add \`$TTL ${minimum}\` as the first line`,
          fix: [{ line: 1, column: 1, endColumn: 1, text: `$TTL ${minimum}\n` }],
        });
      },
    };
  },
};
