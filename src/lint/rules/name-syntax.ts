import { latin1AsUtf8 } from '../../zone/bytes.js';
import { domainToAscii } from '../../zone/idna.js';
import { hasNonAsciiOctets, isHostnameLabel, Name } from '../../zone/name.js';
import type { ParsedRecord } from '../../zone/parser.js';
import type { Token } from '../../zone/token.js';
import { recordWhere, tokenWhere, type Rule } from '../rule.js';
import { targetToken } from '../zone-index.js';

/** The name as Unicode text (labels are UTF-8 octets), for IDNA conversion. */
function unicodeText(name: Name): string {
  return name.labels.map(latin1AsUtf8).join('.');
}

/** What is wrong with a host name's labels (letters, digits, hyphens; RFC 952/1123), if anything. */
function hostnameProblem(name: Name): string | undefined {
  // A loop without copies: this runs for every A/AAAA owner and every target of a big zone.
  let bad: string | undefined;
  for (let i = name.labels[0] === '*' ? 1 : 0; i < name.labels.length && bad === undefined; i++) {
    if (!isHostnameLabel(name.labels[i]!)) bad = name.labels[i];
  }
  if (bad === undefined) return undefined;
  const shown = Name.fromLabels([bad], false).toString();
  if (bad.startsWith('_')) return `the label "${shown}" starts with an underscore, which host names may not hold`;
  if (bad.startsWith('-') || bad.endsWith('-')) return `the label "${shown}" starts or ends with a hyphen`;
  return `the label "${shown}" holds characters other than letters, digits and hyphens`;
}

/**
 * The types whose target must be a host name: an MX exchange, an NS name server and an SRV target
 * are looked up for addresses (RFC 2181 §10.3, RFC 2782). A CNAME, DNAME or PTR may point at any
 * name, underscores and all: DKIM keys delegated by CNAME (`selector1._domainkey` ->
 * `selector1-example-com._domainkey.contoso.onmicrosoft.com.`, as Microsoft 365 instructs) are names, not hosts.
 */
const HOST_TARGET_TYPES = new Set(['MX', 'NS', 'SRV']);

/**
 * Label and name lengths are the parser's (a name that breaks them does not load): it reports the
 * zone problem `name-too-long`, which comes here as an error (zone-problems.ts). This rule adds
 * what loads but breaks clients: non-ASCII octets where an A-label belongs (RFC 5890 §2.3.2.1), and
 * host-name syntax for names that are hosts (A/AAAA owners, MX/NS/SRV targets; not CNAME targets): in a
 * zone file as BIND's check-names has it (the zone problem `check-names`), in a spec here.
 */
export const nameSyntax: Rule = {
  meta: {
    id: 'name-syntax',
    severity: 'warning',
    description: 'A label or name too long, a host name with characters other than letters, digits and hyphens, or a raw non-ASCII name',
    source: 'RFC 1035 §2.3.1, §2.3.4, RFC 1123 §2.1, RFC 5890 §2.3.2.1, RFC 5891 §4.4',
    fixable: false,
  },
  create(context) {
    const reported = new Set<string>();
    // The place is worked out only for a finding: almost every name is fine.
    const check = (name: Name, record: ParsedRecord, token: Token | undefined, isHost: boolean) => {
      if (reported.has(name.key)) return;
      let message: string | undefined;
      if (hasNonAsciiOctets(name)) {
        const unicode = unicodeText(name);
        const aLabel = domainToAscii(unicode);
        message = aLabel
          ? `${unicode} is written in raw UTF-8; zone files hold the A-label form: write \`${aLabel}${name.isAbsolute ? '.' : ''}\` (RFC 5890 §2.3.2.1, RFC 5891 §4.4)`
          : `${name} holds non-ASCII octets that are not a valid internationalised name; use its A-label (xn--) form (RFC 5891 §4.4)`;
      } else if (isHost && !record.typeToken) {
        // A zone file's host names are judged by the parser's check-names, as BIND judges them (the
        // zone problem comes to this rule); a record from a spec has no parser behind it.
        const problem = hostnameProblem(name);
        if (problem) message = `host name ${name}: ${problem} (RFC 1035 §2.3.1, RFC 1123 §2.1, RFC 1912 §2.1)`;
      }
      if (!message) return;
      reported.add(name.key);
      context.report({ where: token ? tokenWhere(record, token) : recordWhere(record), message });
    };
    return {
      record(record) {
        check(record.owner, record, undefined, record.type === 'A' || record.type === 'AAAA');
        const token = targetToken(record);
        const target = (record.data as { exchange?: unknown; target?: unknown }).exchange ?? (record.data as { target?: unknown }).target;
        // A record from a spec has no tokens; its target is checked all the same, at the record's place.
        if (target instanceof Name && !target.isRoot) check(target, record, token, HOST_TARGET_TYPES.has(record.type));
      },
    };
  },
};
