import { TYPES_BESIDE_CNAME } from '../../zone/record.js';
import { lineRef, type Rule } from '../rule.js';
import { ProblemsBySubject } from '../zone-problems.js';

/**
 * BIND's own check finds these (src/zone/zone-checks.ts: `cname-beside-data`, `second-cname`, with
 * the types of TYPES_BESIDE_CNAME allowed beside a CNAME); this rule words them once per name, at
 * the CNAME, listing the other records with their lines.
 */
export const cnameAndOtherData: Rule = {
  meta: {
    id: 'cname-and-other-data',
    severity: 'error',
    description: 'A CNAME beside other data, more than one CNAME at a name, or a CNAME at the apex: BIND refuses the zone',
    source: 'RFC 1034 §3.6.2, RFC 2181 §10.1, RFC 1912 §2.4; BIND lib/dns/rbtdb.c (CNAME and other data)',
    fixable: false,
  },
  create(context) {
    const beside = new ProblemsBySubject();
    const repeated = new ProblemsBySubject();
    return {
      problem(problem) {
        (problem.kind === 'second-cname' ? repeated : beside).add(problem);
      },
      finish() {
        const apex = context.apex;
        for (const owner of beside.subjects()) {
          const entry = context.index.entry(owner);
          const cname = entry?.type('CNAME');
          const others = entry?.types.filter((t) => !TYPES_BESIDE_CNAME.has(t.type)) ?? [];
          if (!entry || !cname || others.length === 0) continue;
          beside.take(owner);
          if (entry.key === apex.key) {
            context.report({
              where: cname,
              message:
                `CNAME at the zone apex ${apex}: the apex holds the SOA and NS records, so it cannot be an alias ` +
                `(RFC 1034 §3.6.2, RFC 1912 §2.4) and BIND refuses the zone; give the apex its own A/AAAA records instead`,
            });
            continue;
          }
          const listed = others.map((t) => `${t.type} (${lineRef(t, context.file)})`).join(', ');
          context.report({
            where: cname,
            message:
              `${entry.name} has a CNAME and also ${listed}: a name with a CNAME has no other data ` +
              `(RFC 1034 §3.6.2); BIND refuses the zone. Keep either the CNAME or the other records`,
          });
        }
        for (const owner of repeated.subjects()) {
          const cname = context.index.entry(owner)?.type('CNAME');
          if (!cname) continue;
          repeated.take(owner);
          context.report({
            where: cname,
            message: `${owner} has ${cname.count} CNAME records; an alias has exactly one (RFC 2181 §10.1) and BIND refuses the zone; keep one`,
          });
        }
        beside.reportRest(context);
        repeated.reportRest(context);
      },
    };
  },
};
