/**
 * A zone where every record draws a finding: an internal zone of private addresses (RFC 1918), the
 * case that once crashed `zonesmith lint`. SOA, two NS, then `records` A records in 10.0.0.0/8, each at
 * its own name; the NS hosts are two of them. Each A record is one `private-address` warning and
 * nothing else is found, so a lint of it reports exactly `records` findings. BIND loads it cleanly.
 * Written in pieces: the text of a million records is never held whole.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const FINDINGS_APEX = 'findings.example.';
/** The rule every A record of the zone draws. */
export const FINDINGS_RULE = 'private-address';
/** Lines before the first A record: $TTL, $ORIGIN, SOA, two NS. */
export const FINDINGS_HEAD_LINES = 5;
const MAX_RECORDS = 1 << 24;
const PIECE = 10_000;

function address(i) {
  return `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

/** The zone's text, in pieces of a few hundred KiB. `records` >= 2 (the two name servers). */
export function* findingsZoneChunks(records) {
  if (!Number.isSafeInteger(records) || records < 2 || records >= MAX_RECORDS) {
    throw new RangeError(`a findings zone has 2 to ${MAX_RECORDS - 1} A records, not ${records}`);
  }
  yield `$TTL 3600\n$ORIGIN ${FINDINGS_APEX}\n@ IN SOA ns1 hostmaster 2026120201 14400 3600 1209600 3600\n@ IN NS ns1\n@ IN NS ns2\n`;
  let piece = `ns1 IN A ${address(1)}\nns2 IN A ${address(2)}\n`;
  for (let i = 3; i <= records; i++) {
    piece += `host-${i} IN A ${address(i)}\n`;
    if (i % PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

/** Writes the zone to `file` (through a temporary name, so a half-written file is never left). */
export function writeFindingsZone(file, records) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (const chunk of findingsZoneChunks(records)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return file;
}
