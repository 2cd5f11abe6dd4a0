/**
 * Domain names as values (RFC 1034 §3.1, RFC 1035 §2.3.4 and §5.1).
 *
 * A label is stored as its raw octets in a "binary string" (one char per octet, 0..255), so `\.`
 * inside a label, `\DDD` escapes and any octet all survive a round trip. Presentation text is read
 * as a binary string too (the lexer's tokens are): a character 0x80-0xFF is that octet. A character
 * above 0xFF cannot be an octet; it is taken as its UTF-8 octets (text from a program). Comparison is
 * case-insensitive for ASCII letters only, as DNS requires. No I/O and no formatting policy here.
 */

import { latin1String } from './bytes.js';

export const MAX_LABEL_OCTETS = 63;
export const MAX_NAME_OCTETS = 255;

/**
 * Why a name could not be read: `too-long` breaks a length limit of RFC 1035 §2.3.4 (a label above
 * 63 octets or a name above 255), `no-origin` is `@` with no origin, `malformed` is anything else.
 */
export type NameErrorReason = 'too-long' | 'no-origin' | 'malformed';

export type NameResult = { ok: true; name: Name } | { ok: false; error: string; reason: NameErrorReason };

const CODE_BACKSLASH = 0x5c;
const CODE_DOT = 0x2e;

/** Octets that must be escaped in presentation form (BIND's dns_name_totext does the same). */
function needsBackslash(code: number): boolean {
  return (
    code === 0x22 || // "
    code === 0x28 || // (
    code === 0x29 || // )
    code === 0x2e || // .
    code === 0x3b || // ;
    code === 0x5c || // \
    code === 0x40 || // @
    code === 0x24 //   $
  );
}

function escapeLabel(label: string): string {
  let plain = true;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || needsBackslash(c)) {
      plain = false;
      break;
    }
  }
  if (plain) return label;
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) out += '\\' + String(c).padStart(3, '0');
    else if (needsBackslash(c)) out += '\\' + label[i];
    else out += label[i];
  }
  return out;
}

function toLowerAscii(s: string): string {
  // String.prototype.toLowerCase would also fold octets 0xC0..0xDE (Latin-1 letters); DNS folds A-Z only.
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** Appends the UTF-8 octets of a code point to `out` as a binary string. */
function utf8Octets(codePoint: number): string {
  return latin1String(new TextEncoder().encode(String.fromCodePoint(codePoint)));
}

/**
 * Splits presentation text into raw labels. Returns an error string for bad escapes and empty labels;
 * length limits are checked by the caller once the name is complete.
 */
function splitLabels(text: string): { labels: string[]; absolute: boolean } | string {
  if (text === '.') return { labels: [], absolute: true };
  if (text.length === 0) return 'empty name';
  const labels: string[] = [];
  let current = '';
  let currentHasContent = false;
  let absolute = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CODE_BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next)) return `name "${text}" ends with a lone backslash`;
      if (next >= 0x30 && next <= 0x39) {
        const digits = text.slice(i + 1, i + 4);
        if (!/^[0-9]{3}$/.test(digits)) return `bad escape in "${text}": \\DDD needs exactly three digits`;
        const value = Number(digits);
        if (value > 255) return `bad escape in "${text}": \\${digits} is above 255`;
        current += String.fromCharCode(value);
        i += 3;
      } else {
        const cp = text.codePointAt(i + 1)!;
        current += cp > 0xff ? utf8Octets(cp) : String.fromCharCode(cp);
        i += cp > 0xffff ? 2 : 1;
      }
      currentHasContent = true;
      continue;
    }
    if (c === CODE_DOT) {
      if (!currentHasContent) return `empty label in "${text}"`;
      labels.push(current);
      current = '';
      currentHasContent = false;
      if (i === text.length - 1) absolute = true;
      continue;
    }
    if (c > 0xff) {
      const cp = text.codePointAt(i)!;
      current += utf8Octets(cp);
      if (cp > 0xffff) i++;
    } else {
      current += text[i];
    }
    currentHasContent = true;
  }
  if (currentHasContent) labels.push(current);
  return { labels, absolute };
}

/**
 * The common case, read without the general label loop: text of printable octets that need no
 * escape, with no empty label. Its presentation form is the text itself (absolute) or the text, a
 * dot and the origin's (relative): `toString` would join the same labels back into the same bytes,
 * so that form is kept instead of being rebuilt for every owner and target of a big zone. It is
 * made by a join, a new flat string, and the labels are sliced from it, not from `text`: a token's
 * text is a slice of a whole chunk of the file, which a kept name must not hold on to. Anything
 * else (escapes, odd octets, limits broken) returns undefined and takes the general path, which
 * reports it.
 */
function plainName(text: string, origin: Name | null | undefined): { ok: true; name: Name } | undefined {
  const length = text.length;
  if (length === 0 || length > MAX_NAME_OCTETS) return undefined;
  const absolute = text.charCodeAt(length - 1) === CODE_DOT;
  // The root origin (text ".") and a relative origin with no labels would not join as `text.origin`.
  const joinOrigin = !absolute && origin ? origin : undefined;
  if (joinOrigin && joinOrigin.labels.length === 0) return undefined;
  const full = absolute ? [text.slice(0, -1), ''].join('.') : joinOrigin ? [text, joinOrigin.toString()].join('.') : [text, ''].join('');
  const own = absolute ? length - 1 : length;
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i <= own; i++) {
    const c = i === own ? CODE_DOT : full.charCodeAt(i);
    if (c === CODE_DOT) {
      if (i === start || i - start > MAX_LABEL_OCTETS) return undefined;
      labels.push(full.slice(start, i));
      start = i + 1;
    } else if (c <= 0x20 || c >= 0x7f || needsBackslash(c)) return undefined;
  }
  if (joinOrigin) for (const label of joinOrigin.labels) labels.push(label);
  const name = Name.withText(labels, absolute || (joinOrigin?.isAbsolute ?? false), full);
  if (name.wireLength > MAX_NAME_OCTETS) return undefined;
  return { ok: true, name };
}

export class Name {
  private cachedText: string | undefined;
  private cachedKey: string | undefined;

  private constructor(
    /** Raw label octets, most specific first; the root label is implied for absolute names. */
    readonly labels: readonly string[],
    readonly isAbsolute: boolean,
  ) {}

  static readonly root = new Name([], true);

  /** A name whose presentation form is already known to be `text` (see plainName). */
  static withText(labels: readonly string[], absolute: boolean, text: string): Name {
    const name = new Name(labels, absolute);
    name.cachedText = text;
    return name;
  }

  /** Builds a name from raw label octets; no limits are checked. */
  static fromLabels(labels: readonly string[], absolute: boolean): Name {
    return new Name(labels, absolute);
  }

  /**
   * Reads a name in presentation form. `@` is the origin; a name without a trailing dot is made
   * absolute against `origin` when one is given, and stays relative when it is not.
   */
  static parse(text: string, origin?: Name | null): NameResult {
    if (text === '@') {
      if (!origin) return { ok: false, error: '"@" used where no origin is known', reason: 'no-origin' };
      return { ok: true, name: origin };
    }
    const plain = plainName(text, origin);
    if (plain) return plain;
    const split = splitLabels(text);
    if (typeof split === 'string') return { ok: false, error: split, reason: 'malformed' };
    let name = new Name(split.labels, split.absolute);
    if (!name.isAbsolute && origin) name = name.concat(origin);
    const problem = name.lengthProblem();
    if (problem) return { ok: false, error: `${problem}: ${text}`, reason: 'too-long' };
    return { ok: true, name };
  }

  /** For trusted, literal names in code and tests; throws on bad input. */
  static from(text: string, origin?: Name | null): Name {
    const result = Name.parse(text, origin);
    if (!result.ok) throw new Error(result.error);
    return result.name;
  }

  /** "label too long" / "name too long" per RFC 1035 §2.3.4, or undefined when within limits. */
  lengthProblem(): string | undefined {
    for (const label of this.labels) {
      if (label.length > MAX_LABEL_OCTETS)
        return `label of ${label.length} octets is longer than ${MAX_LABEL_OCTETS}`;
    }
    if (this.wireLength > MAX_NAME_OCTETS)
      return `name of ${this.wireLength} octets is longer than ${MAX_NAME_OCTETS}`;
    return undefined;
  }

  /** Length in wire format (each label plus its length octet, plus the root octet when absolute). */
  get wireLength(): number {
    let n = this.isAbsolute ? 1 : 0;
    for (const label of this.labels) n += label.length + 1;
    return n;
  }

  get isRoot(): boolean {
    return this.isAbsolute && this.labels.length === 0;
  }

  get firstLabel(): string | undefined {
    return this.labels[0];
  }

  /** Case-insensitive identity: equal names have equal keys. */
  get key(): string {
    if (this.cachedKey === undefined) this.cachedKey = toLowerAscii(this.toString());
    return this.cachedKey;
  }

  equals(other: Name): boolean {
    return this.isAbsolute === other.isAbsolute && this.key === other.key;
  }

  /** True when this name is `other` or below it. */
  isSubdomainOf(other: Name): boolean {
    if (other.labels.length > this.labels.length) return false;
    if (other.isAbsolute !== this.isAbsolute) return false;
    const offset = this.labels.length - other.labels.length;
    for (let i = 0; i < other.labels.length; i++) {
      if (toLowerAscii(this.labels[offset + i]!) !== toLowerAscii(other.labels[i]!)) return false;
    }
    return true;
  }

  /** Appends `origin` to a relative name; an absolute name is returned unchanged. */
  concat(origin: Name): Name {
    if (this.isAbsolute) return this;
    return new Name([...this.labels, ...origin.labels], origin.isAbsolute);
  }

  /** A name one label longer: `label.this`. `label` is raw octets. */
  prepend(label: string): Name {
    return new Name([label, ...this.labels], this.isAbsolute);
  }

  /** The name without its first label; the root's parent is the root. */
  parent(): Name {
    if (this.labels.length === 0) return this;
    return new Name(this.labels.slice(1), this.isAbsolute);
  }

  /** Presentation form; absolute names end in a dot, the root is ".". */
  toString(): string {
    if (this.cachedText === undefined) {
      if (this.labels.length === 0) this.cachedText = this.isAbsolute ? '.' : '';
      else {
        // One join, so the text (and the key, often the same string) is one flat string: `body + '.'`
        // would make a two-part string that costs more to hash and to keep in an index of a million names.
        const parts = this.labels.map(escapeLabel);
        if (this.isAbsolute) parts.push('');
        this.cachedText = parts.join('.');
      }
    }
    return this.cachedText;
  }

  /**
   * The shortest correct way to write this name in a zone whose origin is `origin`:
   * `@` for the origin itself, the relative part for names below it, the absolute form otherwise.
   */
  relativeTo(origin: Name): string {
    if (!this.isAbsolute) return this.toString();
    if (this.equals(origin)) return '@';
    if (this.isSubdomainOf(origin)) {
      return this.labels.slice(0, this.labels.length - origin.labels.length).map(escapeLabel).join('.');
    }
    return this.toString();
  }

  /** The labels as text a person reads (escapes applied), for messages. */
  get labelTexts(): string[] {
    return this.labels.map(escapeLabel);
  }
}

/** RFC 952/1123 host-name label: letters, digits, hyphens, no hyphen at either end. */
export function isHostnameLabel(label: string): boolean {
  if (label.length === 0 || label.length > MAX_LABEL_OCTETS) return false;
  if (label.charCodeAt(0) === 0x2d || label.charCodeAt(label.length - 1) === 0x2d) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const ok =
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
    if (!ok) return false;
  }
  return true;
}

/** True when any label holds an octet above 0x7F (raw UTF-8 rather than an A-label). */
export function hasNonAsciiOctets(name: Name): boolean {
  // A loop, not a regex per label: the linter asks this of every owner and target of a big zone.
  for (const label of name.labels) {
    for (let i = 0; i < label.length; i++) if (label.charCodeAt(i) >= 0x80) return true;
  }
  return false;
}

/**
 * BIND's dns_name_ishostname: every label letters, digits and hyphens, no hyphen at either end (RFC
 * 952/1123); with `wildcard`, a first label `*` is allowed. The root is a host name.
 */
export function isBindHostname(name: Name, wildcard: boolean): boolean {
  const labels = name.labels;
  for (let i = wildcard && labels[0] === '*' ? 1 : 0; i < labels.length; i++) if (!isHostnameLabel(labels[i]!)) return false;
  return true;
}

/**
 * BIND's dns_name_ismailbox (an RFC 822 mailbox as a name, such as an SOA RNAME): the first label any
 * printable ASCII (the local part), the others host-name labels.
 */
export function isBindMailbox(name: Name): boolean {
  const [local, ...rest] = name.labels;
  if (local === undefined) return true;
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return rest.every(isHostnameLabel);
}
