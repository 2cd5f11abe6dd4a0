import { declaredProfiles } from '../profiles.js';
import type { Rule } from '../rule.js';

/**
 * `generate` writes `; zonesmith: profiles mdaemon` into a zone's header so that `lint` judges the
 * zone as it was made; a hand-edited header that names no known profile would silently fall back
 * to detection from the zone, so it is said.
 */
export const profileAnnotation: Rule = {
  meta: {
    id: 'profile-annotation',
    severity: 'warning',
    description: 'A `; zonesmith: profiles` header comment that names an unknown profile or none: the zone is judged as if it had no such comment',
    source: 'zonesmith (templates/zone.hbs writes the comment; src/services/catalog.ts lists the profiles)',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const { problem } = declaredProfiles(context.annotations);
        if (!problem) return;
        const { position, text } = problem.annotation;
        context.report({
          where: position,
          message: `the header comment "zonesmith: ${text}" cannot be read: ${problem.message}; the zone is judged as if the comment were absent`,
        });
      },
    };
  },
};
