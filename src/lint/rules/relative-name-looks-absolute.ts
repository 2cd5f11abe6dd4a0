import { Name } from '../../zone/name.js';
import type { ParsedRecord } from '../../zone/parser.js';
import type { Token } from '../../zone/token.js';
import { tokenWhere, type Rule } from '../rule.js';

/**
 * Labels that end real domains. A relative name that ends in one of them (or in the zone's own
 * top-level label) was almost surely meant as an absolute name and lost its trailing dot (RFC 1912 §3.2).
 * A short list on purpose: a false alarm on `host.lab` would cost more than a miss on a rare TLD.
 */
const TLD_LIKE = new Set(
  (
    'com net org edu gov mil int info biz name pro mobi aero coop arpa io co me tv app dev cloud online site ' +
    'xyz tech shop store blog email mail eu asia ' +
    'ar at au be bg br ca ch cl cn cz de dk ee es fi fr gr hk hr hu id ie il in is it jp kr lt lu lv mx my ' +
    'nl no nz ph pl pt ro rs ru se sg si sk th tr tw ua uk us vn za'
  ).split(' '),
);

/** Data tokens that hold names, per type. */
const NAME_TOKENS: Record<string, readonly number[]> = {
  NS: [0],
  CNAME: [0],
  DNAME: [0],
  PTR: [0],
  MX: [1],
  SRV: [3],
  SOA: [0, 1],
};

const ESCAPE_OR_NON_ASCII = /[\\\u0080-\uffff]/;

function endsWithUnescapedDot(text: string): boolean {
  if (!text.endsWith('.')) return false;
  let backslashes = 0;
  for (let i = text.length - 2; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function looksAbsolute(token: Token, origin: Name): boolean {
  const text = token.text;
  if (token.quoted || text === '@' || !text.includes('.') || endsWithUnescapedDot(text)) return false;
  const zoneTop = origin.labels[origin.labels.length - 1]?.toLowerCase();
  // Without escapes or non-ASCII (which the parser turns into other octets) the last label is the text
  // after the last dot: most names are turned down here, before a Name is parsed (this runs for most
  // records of a big zone).
  if (!ESCAPE_OR_NON_ASCII.test(text)) {
    const last = text.slice(text.lastIndexOf('.') + 1).toLowerCase();
    if (!TLD_LIKE.has(last) && last !== zoneTop) return false;
  }
  const parsed = Name.parse(text);
  if (!parsed.ok || parsed.name.labels.length < 2) return false;
  const last = parsed.name.labels[parsed.name.labels.length - 1]!.toLowerCase();
  return TLD_LIKE.has(last) || last === zoneTop;
}

export const relativeNameLooksAbsolute: Rule = {
  meta: {
    id: 'relative-name-looks-absolute',
    severity: 'warning',
    description: 'A name without a trailing dot that ends like a domain outside the zone, so the origin is appended to it',
    source: 'RFC 1035 §5.1, RFC 1912 §3.2',
    fixable: false,
  },
  create(context) {
    const check = (record: ParsedRecord, token: Token, what: string) => {
      if (!looksAbsolute(token, record.origin)) return;
      const meant = Name.parse(token.text.endsWith('.') ? token.text : token.text + '.');
      const becomes = Name.parse(token.text, record.origin);
      if (!meant.ok || !becomes.ok) return;
      context.report({
        where: tokenWhere(record, token),
        message:
          `${what} \`${token.text}\` has no trailing dot, so it is relative and means ${becomes.name}; ` +
          `write \`${meant.name}\` if you mean the host outside the zone (RFC 1035 §5.1)`,
      });
    };
    return {
      record(record) {
        if (record.ownerToken) check(record, record.ownerToken, 'the owner');
        for (const i of NAME_TOKENS[record.type] ?? []) {
          const token = record.rdataTokens[i];
          if (token) check(record, token, `the ${record.type} name`);
        }
      },
    };
  },
};
