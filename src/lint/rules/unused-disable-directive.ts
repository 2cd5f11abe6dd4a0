import type { Rule } from '../rule.js';

/**
 * A `; zonesmith-disable...` comment that suppresses nothing, or names no rule: found by
 * src/lint/suppressions.ts, which reads the directives; this entry gives it an id, a severity and a
 * place in the config (`unused-disable-directive: off`) like every finding.
 */
export const unusedDisableDirective: Rule = {
  meta: {
    id: 'unused-disable-directive',
    severity: 'warning',
    description: 'A `; zonesmith-disable` comment that suppresses no finding, or names a rule that does not exist (or `syntax`, which cannot be suppressed)',
    source: 'src/lint/suppressions.ts: a zonesmith convention after ESLint\'s --report-unused-disable-directives (BIND reads the comments as comments)',
    fixable: false,
  },
  create: () => ({}),
};
