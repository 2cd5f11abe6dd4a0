/**
 * Record values from a spec, read and made safe for a zone file. TXT text becomes character-strings of at most
 * 255 octets (RFC 1035 §3.3; RFC 7208 §3.3 joins them again); the formatter escapes quotes and
 * backslashes. Record data in presentation form must stay on its one line: no line breaks, no
 * comment, no parentheses outside quotes, so a value can never add a line, a record or a comment.
 */
import { binaryFromText } from '../zone/bytes.js';
import { utf8Length } from '../zone/bytes.js';
import { tokenizeLine } from '../zone/lexer.js';
import { Name } from '../zone/name.js';
import { parseRdata } from '../zone/rdata.js';
import type { Rdata, RdataValue } from '../zone/record.js';

export const MAX_CHARACTER_STRING = 255;

/** A value's data, or every reason it has none: on a list entry (`index`) or on the record's type. */
export type ValueResult = { data: Rdata } | { problems: { message: string; index?: number; onType?: boolean }[] };

/** First control character (C0 or DEL) in the text, if any. */
export function controlCharacter(text: string): { index: number; code: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return { index: i, code };
  }
  return undefined;
}

function describeControl(code: number): string {
  if (code === 0x0a || code === 0x0d) return 'a line break';
  if (code === 0x09) return 'a tab';
  return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a TXT text cannot go into a zone, or undefined. */
export function txtTextProblem(text: string): string | undefined {
  const control = controlCharacter(text);
  if (!control) return undefined;
  return `the text contains ${describeControl(control.code)} at character ${control.index + 1}; TXT text is one line (give several strings as a list)`;
}

/**
 * Splits text into character-strings of at most 255 octets of UTF-8, never inside a character,
 * so each piece is readable on its own. An empty text is one empty string.
 */
export function splitCharacterStrings(text: string): Uint8Array[] {
  // Encoded once and cut at character starts (a UTF-8 continuation byte is 10xxxxxx): every TXT of a
  // 10,000-zone spec goes through here, and an encoder call per character was a tenth of `validate`.
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  let start = 0;
  while (bytes.length - start > MAX_CHARACTER_STRING) {
    let end = start + MAX_CHARACTER_STRING;
    while ((bytes[end]! & 0xc0) === 0x80) end--;
    pieces.push(bytes.slice(start, end));
    start = end;
  }
  if (start < bytes.length || pieces.length === 0) pieces.push(bytes.slice(start));
  return pieces;
}

/** Why record data in presentation form is unsafe on one zone-file line, or undefined. */
export function rdataTextProblem(text: string): string | undefined {
  const control = controlCharacter(text);
  if (control && control.code !== 0x09) {
    return `the value contains ${describeControl(control.code)}; record data must be one line`;
  }
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      if (i === text.length - 1) return 'the value ends with a lone backslash';
      i++; // the escaped character is data
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') return `";" at character ${i + 1} would start a comment: quote the text that contains it`;
    else if (!quoted && (c === '(' || c === ')')) return `"${c}" at character ${i + 1} would group lines: quote the text that contains it`;
  }
  if (quoted) return 'the value has an unclosed quote';
  return undefined;
}

/** TXT/SPF: the text itself, or a list of character-strings the user has cut themselves. */
export function readTxtValue(value: string | readonly string[]): ValueResult {
  const list = typeof value !== 'string';
  const texts = list ? value : [value];
  const strings: Uint8Array[] = [];
  const problems: { message: string; index?: number }[] = [];
  texts.forEach((text, i) => {
    const index = list ? { index: i } : {};
    const problem = txtTextProblem(text);
    const pieces = problem ? [] : splitCharacterStrings(text);
    if (problem) problems.push({ message: problem, ...index });
    else if (list && pieces.length > 1) {
      problems.push({
        message: `this string is ${utf8Length(text)} octets; one character-string holds at most ${MAX_CHARACTER_STRING} (RFC 1035 §3.3): split it, or give the text as one value and zonesmith splits it`,
        ...index,
      });
    } else for (const piece of pieces) strings.push(piece);
  });
  return problems.length > 0 ? { problems } : { data: { strings } };
}

/** An origin no real zone has, used to tell names written relative from names written absolute. */
const SENTINEL = Name.from('zonesmith-relative.invalid.');

/**
 * Record data in presentation form, read by the one rdata reader. Names inside follow the spec
 * rule: the data is read against a sentinel origin, so names written without a trailing dot can be
 * told apart afterwards; those with a dot become absolute, those without one join the zone.
 */
export function readPresentationValue(type: string, value: unknown, origin: Name): ValueResult {
  if (typeof value !== 'string') {
    return { problems: [{ message: `a list of strings is for TXT/SPF; ${type} data is one string as in a zone file` }] };
  }
  const unsafe = rdataTextProblem(value);
  if (unsafe) return { problems: [{ message: unsafe }] };
  const tokens = tokenizeLine(binaryFromText(value)).map((t) => (t.text === '@' && !t.quoted ? { ...t, text: SENTINEL.toString() } : t));
  const result = parseRdata(type, tokens, SENTINEL);
  if (!result.data) {
    const onType = result.problems.some((p) => /unknown (RR )?type/i.test(p.message));
    return { problems: result.problems.map((p) => ({ message: p.token ? `${p.message} (at "${p.token.text}")` : p.message, onType })) };
  }
  const problems: { message: string }[] = [];
  const data = mapNames(result.data, (name) => {
    const fixed = fromSentinel(name, origin);
    const tooLong = fixed.lengthProblem();
    if (tooLong) problems.push({ message: `${fixed.toString()}: ${tooLong}` });
    return fixed;
  });
  return problems.length > 0 ? { problems } : { data };
}

function fromSentinel(name: Name, origin: Name): Name {
  if (!name.isSubdomainOf(SENTINEL)) return name;
  const written = name.labels.slice(0, name.labels.length - SENTINEL.labels.length);
  if (written.length > 1) return Name.fromLabels(written, true);
  return Name.fromLabels(written, false).concat(origin);
}

function mapNames(data: Rdata, fix: (name: Name) => Name): Rdata {
  const mapValue = (value: RdataValue): RdataValue =>
    value instanceof Name ? fix(value) : Array.isArray(value) ? value.map(mapValue) : value;
  const out: Record<string, RdataValue> = {};
  for (const [key, value] of Object.entries(data)) out[key] = mapValue(value);
  return out;
}
