/**
 * BIND's `$GENERATE range lhs [ttl] [class] type rhs` (BIND ARM, "The $GENERATE Directive";
 * lib/dns/master.c genname()): `$` is the iterator, `${offset[,width[,base]]}` formats it
 * (base d, o, x, X, or n/N for reversed nibbles as in ip6.arpa), `$$` is a literal `$`, and a
 * backslash keeps the next character as it is.
 */

export interface GenerateRange {
  start: number;
  stop: number;
  step: number;
}

/** At most this many records from one directive: beyond it the time and memory would be unbounded. */
export const MAX_GENERATE_RECORDS = 65536;
/** BIND formats one iterator into a 128-byte buffer; a longer expansion is an error there too. */
const MAX_EXPANSION = 127;
/** BIND's largest start, stop and step (lib/dns/master.c: a value above INT_MAX is an invalid range). */
const MAX_RANGE_VALUE = 2147483647;

function parseUnsigned(text: string): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  const value = Number(text);
  return value <= MAX_RANGE_VALUE ? value : undefined;
}

/** Leading decimal digits of `text` from `at`: their value (undefined when none or above the bound) and where they end. */
function digitsAt(text: string, at: number): { value: number | undefined; end: number } {
  let end = at;
  while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
  return { value: end > at ? parseUnsigned(text.slice(at, end).replace(/^0+(?=.)/, '')) : undefined, end };
}

/**
 * `start-stop` or `start-stop/step`, read as BIND reads it (sscanf "%u-%u%1[/]%u": text after the
 * numbers is ignored, so `1-21A` is 1-21); an error message when it is not one.
 */
export function parseGenerateRange(text: string): GenerateRange | string {
  const valid = `write start-stop or start-stop/step with start <= stop <= ${MAX_RANGE_VALUE} and step >= 1 (e.g. 1-100 or 0-254/2)`;
  const first = digitsAt(text, 0);
  const second = text.charCodeAt(first.end) === 0x2d /* - */ ? digitsAt(text, first.end + 1) : undefined;
  const third = second && text.charCodeAt(second.end) === 0x2f /* / */ ? digitsAt(text, second.end + 1) : undefined;
  const start = first.value;
  const stop = second?.value;
  const step = third ? third.value : 1;
  if (start === undefined || stop === undefined || step === undefined || step === 0 || start > stop) {
    return `invalid range "${text}": ${valid}`;
  }
  return { start, stop, step };
}

/** How many values the range yields. */
export function rangeCount(range: GenerateRange): number {
  return Math.floor((range.stop - range.start) / range.step) + 1;
}

const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/** BIND's nibbles(): hex digits least significant first, dot-separated; width counts digits and dots. */
function nibbles(value: number, width: number, upper: boolean): string {
  const digits = upper ? HEX_UPPER : HEX_LOWER;
  let out = '';
  let v = value >>> 0;
  let w = width;
  do {
    out += digits[v & 0x0f];
    v = v >>> 4;
    if (w > 0) w--;
    if (w > 0 || v !== 0) {
      out += '.';
      if (w > 0) w--;
    }
  } while ((v !== 0 || w > 0) && out.length <= MAX_EXPANSION);
  return out;
}

function formatIterator(value: number, width: number, base: string): string {
  switch (base) {
    case 'n':
    case 'N':
      return nibbles(value, width, base === 'N');
    case 'o':
      return formatPadded(value, 8, width, false);
    case 'x':
      return formatPadded(value, 16, width, false);
    case 'X':
      return formatPadded(value, 16, width, true);
    default:
      return formatPadded(value, 10, width, false);
  }
}

function formatPadded(value: number, radix: number, width: number, upper: boolean): string {
  // C's %x/%o print negative ints as their unsigned 32-bit form.
  const v = radix === 10 ? value : value >>> 0;
  let text = Math.abs(v).toString(radix);
  if (upper) text = text.toUpperCase();
  const sign = v < 0 ? '-' : '';
  const pad = width - sign.length - text.length;
  return sign + (pad > 0 ? '0'.repeat(Math.min(pad, MAX_EXPANSION + 1)) : '') + text;
}

/** Reads `{offset[,width[,base]]}` at `at` (the `{`); returns the parts and the index after `}`. */
function readModifier(template: string, at: number): { offset: number; width: number; base: string; next: number } | string {
  const close = template.indexOf('}', at);
  if (close < 0) return `"\${" without a closing "}" in "${template}"`;
  const parts = template.slice(at + 1, close).split(',');
  const bad = `bad modifier "${template.slice(at - 1, close + 1)}": write \${offset}, \${offset,width} or \${offset,width,base} with base one of d o x X n N`;
  if (parts.length > 3) return bad;
  const offsetText = parts[0]!.trim();
  const offsetDigits = offsetText.startsWith('-') || offsetText.startsWith('+') ? offsetText.slice(1) : offsetText;
  const offsetValue = parseUnsigned(offsetDigits);
  if (offsetValue === undefined || offsetValue > 2147483647) return bad;
  const offset = offsetText.startsWith('-') ? -offsetValue : offsetValue;
  let width = 0;
  if (parts.length >= 2) {
    const w = parseUnsigned(parts[1]!.trim());
    if (w === undefined) return bad;
    width = w;
  }
  let base = 'd';
  if (parts.length === 3) {
    base = parts[2]!.trim();
    if (!['d', 'o', 'x', 'X', 'n', 'N'].includes(base)) return bad;
  }
  if (width > MAX_EXPANSION) return `width ${width} in "${template.slice(at - 1, close + 1)}" is too wide (at most ${MAX_EXPANSION})`;
  return { offset, width, base, next: close + 1 };
}

/** Substitutes the iterator into a $GENERATE template; an error message for a bad modifier. */
export function expandTemplate(template: string, value: number): { text: string } | { error: string } {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '\\') {
      // Kept with the next character: what it escapes is decided when the text is read as a name or data.
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (template[i + 1] === '{') {
      const modifier = readModifier(template, i + 1);
      if (typeof modifier === 'string') return { error: modifier };
      out += formatIterator(value + modifier.offset, modifier.width, modifier.base);
      i = modifier.next;
    } else {
      out += String(value);
      i++;
    }
  }
  return { text: out };
}
