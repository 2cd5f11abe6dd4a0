/**
 * TTLs and SOA timers as BIND reads them (lib/dns/ttl.c): a plain decimal number of seconds, or
 * number+unit groups (w d h m s, any case) such as `1h30m`. A bare number after a unit (`1h30`)
 * is an error, and the total must fit in 32 bits. RFC 1035 knows only the plain number.
 */

export const MAX_TTL = 2147483647; // RFC 2181 §8
export const MAX_UINT32 = 4294967295;

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

export type TtlResult = { ok: true; value: number; usedUnits: boolean } | { ok: false; error: string };

export function parseTtl(text: string): TtlResult {
  if (text.length === 0) return { ok: false, error: 'empty TTL' };
  let total = 0;
  let digits = '';
  let usedUnits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c >= '0' && c <= '9') {
      digits += c;
      continue;
    }
    const unit = UNIT_SECONDS[c.toLowerCase()];
    if (unit === undefined || digits.length === 0) {
      return { ok: false, error: `"${text}" is not a TTL: use seconds (3600) or units such as 1h30m (w, d, h, m, s)` };
    }
    total += Number(digits) * unit;
    digits = '';
    usedUnits = true;
    if (total > MAX_UINT32) return { ok: false, error: `TTL "${text}" does not fit in 32 bits` };
  }
  if (digits.length > 0) {
    if (usedUnits) return { ok: false, error: `"${text}" ends in a bare number after a unit: write the unit (e.g. 1h30m, not 1h30)` };
    if (digits.length > 10 || Number(digits) > MAX_UINT32) return { ok: false, error: `TTL "${text}" does not fit in 32 bits` };
    total = Number(digits);
  }
  return { ok: true, value: total, usedUnits };
}

/** A TTL for people: 3600 -> "1h", 5400 -> "1h30m", 0 -> "0s". Used in comments and messages. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let rest = seconds;
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
