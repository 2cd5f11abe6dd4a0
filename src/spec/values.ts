/**
 * Record values from a spec, made safe for a zone file. TXT text becomes character-strings of at most
 * 255 octets (RFC 1035 §3.3; RFC 7208 §3.3 joins them again); the formatter escapes quotes and
 * backslashes. Record data in presentation form must stay on its one line: no line breaks, no
 * comment, no parentheses outside quotes, so a value can never add a line, a record or a comment.
 */

export const MAX_CHARACTER_STRING = 255;

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
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  let current: number[] = [];
  for (const char of text) {
    const bytes = encoder.encode(char);
    if (current.length + bytes.length > MAX_CHARACTER_STRING) {
      pieces.push(Uint8Array.from(current));
      current = [];
    }
    current.push(...bytes);
  }
  if (current.length > 0 || pieces.length === 0) pieces.push(Uint8Array.from(current));
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
