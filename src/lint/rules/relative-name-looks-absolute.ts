import { Name } from '../../zone/name.js';
import type { ParsedRecord } from '../../zone/parser.js';
import type { Token } from '../../zone/token.js';
import { tokenWhere, type Rule, type Where } from '../rule.js';

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

/** Relative (no trailing dot, not `@`, not quoted) and with more than one label. */
function isRelativeMultiLabel(token: Token): boolean {
  const text = token.text;
  return !token.quoted && text !== '@' && text.includes('.') && !endsWithUnescapedDot(text);
}

/** The labels of a token's text as written (lower case), or undefined when it is not a name. */
function writtenLabels(text: string): string[] | undefined {
  // Without escapes or non-ASCII (which the parser turns into other octets) the labels are the text
  // between the dots: most names are read here without building a Name (this runs for most records).
  if (!ESCAPE_OR_NON_ASCII.test(text)) return text.toLowerCase().split('.');
  const parsed = Name.parse(text);
  return parsed.ok ? parsed.name.labels.map((label) => label.toLowerCase()) : undefined;
}

/**
 * An owner written as the zone's own name spelled out without its dot (`www.example.com` inside
 * `example.com.`): nothing else. Owners such as `imap.mail`, `_25._tcp.mail`, `api.dev` and
 * `www.blog` are what zones hold below their apex, whatever their last label looks like.
 */
function ownerRepeatsOrigin(token: Token, origin: Name): boolean {
  if (!isRelativeMultiLabel(token) || origin.isRoot) return false;
  const labels = writtenLabels(token.text);
  const zone = origin.labels.map((label) => label.toLowerCase());
  if (!labels || labels.length < zone.length) return false;
  const tail = labels.slice(labels.length - zone.length);
  return tail.every((label, i) => label === zone[i]);
}

/** A target whose last written label ends real domains (or the zone's own top label): a candidate, to be judged once the zone is read. */
function targetLooksAbsolute(token: Token, origin: Name): boolean {
  if (!isRelativeMultiLabel(token)) return false;
  const text = token.text;
  const zoneTop = origin.labels[origin.labels.length - 1]?.toLowerCase();
  const labels = writtenLabels(text);
  if (!labels || labels.length < 2) return false;
  const last = labels[labels.length - 1]!;
  return TLD_LIKE.has(last) || last === zoneTop;
}

/** A target kept until `finish`: the zone may give its expanded name data later in the file. */
interface Candidate {
  where: Where;
  text: string;
  expanded: Name;
  what: string;
}

/**
 * At most this many targets wait for the end of the zone; beyond it (a zone where every target lost
 * its dot), a target is judged against the names read so far, so memory stays bounded.
 */
const MAX_CANDIDATES = 50_000;

function message(what: string, text: string, becomes: Name): string | undefined {
  const meant = Name.parse(text + '.');
  if (!meant.ok) return undefined;
  return (
    `${what} \`${text}\` has no trailing dot, so it is relative and means ${becomes}; ` +
    `write \`${meant.name}\` if you mean the host outside the zone (RFC 1035 §5.1)`
  );
}

/**
 * Owners and targets are judged apart. An owner fires only when it spells out the zone's own name
 * (`www.example.com` inside `example.com.`). A target (NS, MX, SRV, CNAME, DNAME, PTR data, SOA
 * names) fires when its written name ends like a real domain and its expanded name has no data in
 * the zone: `mail.example.com` in an MX of `example.com.` means `mail.example.com.example.com.`,
 * which nothing defines, while `www.blog` pointing at a name the zone holds is what was meant.
 */
export const relativeNameLooksAbsolute: Rule = {
  meta: {
    id: 'relative-name-looks-absolute',
    severity: 'warning',
    description:
      'An owner that spells out the zone name without a trailing dot, or a target without one that ends like a domain outside the zone and names nothing in it, so the origin is appended to it',
    source: 'RFC 1035 §5.1, RFC 1912 §3.2',
    fixable: false,
  },
  create(context) {
    const candidates: Candidate[] = [];
    const judge = (candidate: Candidate) => {
      if (context.index.entry(candidate.expanded)) return;
      const text = message(candidate.what, candidate.text, candidate.expanded);
      if (text) context.report({ where: candidate.where, message: text });
    };
    return {
      record(record) {
        const owner = record.ownerToken;
        if (owner && ownerRepeatsOrigin(owner, record.origin)) {
          const meant = Name.parse(owner.text + '.');
          if (meant.ok) {
            const relative = meant.name.relativeTo(record.origin);
            context.report({
              where: tokenWhere(record, owner),
              message:
                `the owner \`${owner.text}\` has no trailing dot, so it is relative and means ${record.owner}; ` +
                `write \`${relative}\` or \`${meant.name}\` (RFC 1035 §5.1)`,
            });
          }
        }
        for (const i of NAME_TOKENS[record.type] ?? []) {
          const token = record.rdataTokens[i];
          if (!token || !targetLooksAbsolute(token, record.origin)) continue;
          const becomes = Name.parse(token.text, record.origin);
          if (!becomes.ok) continue;
          const candidate = { where: tokenWhere(record, token), text: token.text, expanded: becomes.name, what: `the ${record.type} name` };
          if (candidates.length < MAX_CANDIDATES) candidates.push(candidate);
          else judge(candidate);
        }
      },
      finish() {
        for (const candidate of candidates) judge(candidate);
      },
    };
  },
};
