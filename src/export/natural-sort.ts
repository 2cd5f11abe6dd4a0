/**
 * octoDNS's YAML provider refuses a zone file whose mapping keys are out of order ("keys out of
 * order: expected ... got ..."): by default it compares them with natsort's `natsort_keygen()`
 * (octodns/yaml.py, NaturalSortEnforcingLoader). That key splits a string into runs of text and
 * runs of digits compared as numbers, and a string that starts with a digit gets an empty text run
 * in front, so `1` sorts before `*` and `a9` before `a10`. Text runs compare as Python compares
 * strings: by code point.
 */

type Part = string | number;

function naturalKey(text: string): Part[] {
  const parts: Part[] = [];
  const re = /[0-9]+/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last || parts.length === 0) parts.push(text.slice(last, m.index));
    parts.push(Number(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function compareCodePoints(a: string, b: string): number {
  // JavaScript compares UTF-16 code units; for the ASCII of DNS names that is Python's order.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNatural(a: string, b: string): number {
  const ka = naturalKey(a);
  const kb = naturalKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    const d = typeof x === 'number' && typeof y === 'number' ? x - y : compareCodePoints(String(x), String(y));
    if (d !== 0) return d;
  }
  return ka.length - kb.length;
}
