import type { Rule } from '../rule.js';

/**
 * Reported by the lexer (the zone problem `unicode-space`), which then reads the Unicode spaces as
 * blanks. The repair is certain and comes with the problem: each run becomes as many ASCII spaces.
 */
export const nonAsciiWhitespace: Rule = {
  meta: {
    id: 'non-ascii-whitespace',
    severity: 'error',
    description: 'U+00A0 and other Unicode spaces where the zone format wants blanks (as pasted from web pages)',
    source: 'RFC 1035 §5.1 (blanks are spaces and tabs); BIND refuses the zone',
    fixable: true,
  },
  create: () => ({}),
};
