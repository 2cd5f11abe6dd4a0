import { lineRef, type Rule } from '../rule.js';

/** Types that may stand beside a CNAME (RFC 2181 §10.1, RFC 4035 §2.5: DNSSEC records). */
const ALLOWED_BESIDE_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'SIG', 'NXT', 'KEY']);

export const cnameAndOtherData: Rule = {
  meta: {
    id: 'cname-and-other-data',
    severity: 'error',
    description: 'A CNAME beside other data, more than one CNAME at a name, or a CNAME at the apex',
    source: 'RFC 1034 §3.6.2, RFC 2181 §10.1, RFC 1912 §2.4; BIND refuses the zone',
    fixable: false,
  },
  create(context) {
    return {
      finish() {
        const apex = context.apex;
        for (const entry of context.index.entriesWith('CNAME')) {
          const cname = entry.type('CNAME');
          if (!cname) continue;
          const others = entry.types.filter((t) => !ALLOWED_BESIDE_CNAME.has(t.type));
          const listed = others.map((t) => `${t.type} (${lineRef(t, context.file)})`).join(', ');
          if (entry.key === apex.key) {
            context.report({
              where: cname,
              message:
                `CNAME at the zone apex ${apex}: the apex holds the SOA and NS records, so it cannot be an alias ` +
                `(RFC 1034 §3.6.2, RFC 1912 §2.4); give the apex its own A/AAAA records instead`,
            });
          } else if (others.length > 0) {
            context.report({
              where: cname,
              message:
                `${entry.name} has a CNAME and also ${listed}: a name with a CNAME has no other data ` +
                `(RFC 1034 §3.6.2); BIND refuses the zone. Keep either the CNAME or the other records`,
            });
          }
          if (cname.count > 1) {
            context.report({
              where: cname,
              message: `${entry.name} has ${cname.count} CNAME records; an alias has exactly one (RFC 2181 §10.1)`,
            });
          }
        }
      },
    };
  },
};
