/**
 * The NAPTR regexp field (RFC 3403 §4.1): empty, or `delim ere delim replacement delim [i]`.
 * BIND refuses records whose regexp does not have this shape, whose ERE does not compile, or whose
 * replacement refers to a group the ERE does not have; this is the same check, one pass, no regex.
 */
import { latin1String } from '../bytes.js';
import type { DataCheck } from './codec.js';

/** The number of groups of a POSIX ERE, or a reason it is not one. Balanced (), [] closed, {m,n} sane. */
function ereGroups(ere: number[]): number | string {
  let groups = 0;
  let depth = 0;
  // True where a repetition operator may not stand: at the start, after "(" or "|", or after another one.
  let atomExpected = true;
  let afterBar = false;
  for (let i = 0; i < ere.length; i++) {
    const c = String.fromCharCode(ere[i]!);
    const barBefore = afterBar;
    afterBar = false;
    switch (c) {
      case '\\':
        if (++i >= ere.length) return 'the expression ends with a lone backslash';
        atomExpected = false;
        break;
      case '(':
        groups++;
        depth++;
        atomExpected = true;
        break;
      case ')':
        if (depth === 0) return 'a ")" without its "("';
        if (barBefore) return 'an empty alternative before ")"';
        depth--;
        atomExpected = false;
        break;
      case '|':
        if (atomExpected) return 'an empty alternative before "|"';
        atomExpected = true;
        afterBar = true;
        break;
      case '*':
      case '+':
      case '?':
        if (atomExpected) return `"${c}" follows nothing`;
        atomExpected = true;
        break;
      case '{': {
        if (atomExpected) return '"{" follows nothing';
        const close = ere.indexOf(0x7d, i);
        if (close < 0) return 'a "{" without its "}"';
        const [low, high, ...rest] = latin1String(Uint8Array.from(ere.slice(i + 1, close))).split(',');
        const isCount = (s: string | undefined): boolean => s !== undefined && /^[0-9]{1,3}$/.test(s);
        if (!(isCount(low) || low === '') || rest.length > 0 || (high !== undefined && high !== '' && (!isCount(high) || Number(high) < Number(low || 0)))) {
          return 'a bad {m,n} repetition';
        }
        i = close;
        atomExpected = true;
        break;
      }
      case '[': {
        let j = i + 1;
        if (ere[j] === 0x5e) j++; // ^
        if (ere[j] === 0x5d) j++; // a leading ] is a member
        while (j < ere.length && ere[j] !== 0x5d) {
          if (ere[j] === 0x5b && (ere[j + 1] === 0x3a || ere[j + 1] === 0x2e || ere[j + 1] === 0x3d)) {
            const end = ere.indexOf(ere[j + 1]!, j + 2);
            if (end < 0 || ere[end + 1] !== 0x5d) return 'an unclosed [: :] class';
            j = end + 2;
          } else j++;
        }
        if (j >= ere.length) return 'a "[" without its "]"';
        i = j;
        atomExpected = false;
        break;
      }
      default:
        atomExpected = false;
    }
  }
  if (afterBar) return 'an empty alternative at the end';
  return depth === 0 ? groups : 'a "(" without its ")"';
}

const DIGIT_0 = 0x30;

function regexpProblem(octets: Uint8Array): string | undefined {
  if (octets.length === 0) return undefined;
  const delim = octets[0]!;
  if ((delim >= DIGIT_0 && delim <= DIGIT_0 + 9) || delim === 0x5c || delim === 0x69 || delim === 0) {
    return `cannot use "${String.fromCharCode(delim)}" as its delimiter (digits, backslash and "i" cannot be)`;
  }
  const ere: number[] = [];
  const backReferences: number[] = [];
  let part = 0; // 0: ERE, 1: replacement, 2: flags
  for (let i = 1; i < octets.length; i++) {
    const c = octets[i]!;
    if (c === delim) {
      if (++part > 2) return 'has more than three delimiters';
      continue;
    }
    if (part === 2) {
      if (c !== 0x69) return `has flag "${String.fromCharCode(c)}" (only "i" is defined)`;
      continue;
    }
    if (c === 0x5c) {
      const next = octets[++i];
      if (next === undefined) return 'ends with a lone backslash';
      if (part === 1 && next >= DIGIT_0 && next <= DIGIT_0 + 9) backReferences.push(next - DIGIT_0);
      if (part === 0) ere.push(c, next);
      continue;
    }
    if (part === 0) ere.push(c);
  }
  if (part < 2) return 'needs the form delim regexp delim replacement delim, such as "!^.*$!sip:info@example.com!"';
  const groups = ereGroups(ere);
  if (typeof groups === 'string') return `is not a POSIX extended regular expression: ${groups}`;
  const bad = backReferences.find((n) => n === 0 || n > groups);
  if (bad !== undefined) return `refers to \\${bad}, but the expression has ${groups} group${groups === 1 ? '' : 's'}`;
  return undefined;
}

export const NAPTR_REGEXP_CHECK: DataCheck = (data) => {
  const message = regexpProblem(data['regexp'] as Uint8Array);
  return message === undefined ? undefined : { field: 'regexp', message };
};
