import type { Diagnostic, TextEdit } from '../../diagnostics.js';
import type { Rule } from '../rule.js';

/**
 * Reported by the parser, which then reads the Unicode spaces as blanks. The repair is certain:
 * each reported run becomes as many ASCII spaces (the parser gives the run's columns).
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

/** The fix for a parser diagnostic of this rule: its own, or spaces over the reported columns. */
export function unicodeSpaceFix(diagnostic: Diagnostic): TextEdit[] | undefined {
  if (diagnostic.fix) return diagnostic.fix;
  if (diagnostic.endColumn === undefined || diagnostic.endColumn <= diagnostic.column) return undefined;
  return [
    {
      line: diagnostic.line,
      column: diagnostic.column,
      endColumn: diagnostic.endColumn,
      text: ' '.repeat(diagnostic.endColumn - diagnostic.column),
    },
  ];
}
