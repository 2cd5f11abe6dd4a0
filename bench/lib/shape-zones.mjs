/**
 * Zones of other shapes than the realistic one (zone-generator.mjs), for the lint-against-BIND target
 * (issue 12, target 1), and the small zones of the many-files target (target 3). Each generator is
 * deterministic (no clock, no randomness) and writes in pieces: a million records are never one string.
 *
 * - `distinct`: every owner distinct, A, AAAA, SRV and TXT in equal parts (the shape of issue 12).
 * - `dense`: many records per name: 200 names, each with A and AAAA runs, MX, TXT and SRV records.
 * BIND loads both cleanly (bench/run.mjs checks it before timing).
 */
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SHAPE_APEX = 'shape.example.';
export const SHAPES = ['distinct', 'dense'];
const PIECE = 10_000;
const HEAD = `$TTL 3600\n$ORIGIN ${SHAPE_APEX}\n@ IN SOA ns1 hostmaster 2026120201 14400 3600 1209600 3600\n@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n`;

const v4 = (i) => `198.51.${(i >>> 8) & 255}.${i & 255}`;
const v6 = (i) => `2001:db8:${((i >>> 16) & 0xffff).toString(16)}::${(i & 0xffff).toString(16)}`;

/** The line of record `i` of a shape (the head's records are not counted). */
function distinctLine(i) {
  switch (i % 4) {
    case 0:
      return `h${i} IN A ${v4(i)}\n`;
    case 1:
      return `h${i} IN AAAA ${v6(i)}\n`;
    case 2:
      return `_s${i}._tcp IN SRV 0 1 443 ns1\n`;
    default:
      return `t${i} IN TXT "v=spf1 ip4:${v4(i)} -all" "record ${i}"\n`;
  }
}

const DENSE_NAMES = 200;
function denseLine(i) {
  const name = `n${i % DENSE_NAMES}`;
  const k = Math.floor(i / DENSE_NAMES);
  switch (k % 5) {
    case 0:
      return `${name} IN A ${v4(k)}\n`;
    case 1:
      return `${name} IN AAAA ${v6(k)}\n`;
    case 2:
      return `${name} IN MX ${k % 65536} ns1\n`;
    case 3:
      return `${name} IN TXT "item ${k}"\n`;
    default:
      return `_x${k}._tcp.${name} IN SRV 0 1 ${k % 65536} ns1\n`;
  }
}

/** The text of a shape's zone, in pieces; `records` counts the records after the head's five. */
export function* shapeZoneChunks(shape, records) {
  const line = shape === 'distinct' ? distinctLine : shape === 'dense' ? denseLine : undefined;
  if (!line) throw new RangeError(`no zone shape ${shape}; shapes are ${SHAPES.join(', ')}`);
  yield HEAD;
  let piece = '';
  for (let i = 0; i < records; i++) {
    piece += line(i);
    if ((i + 1) % PIECE === 0) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

/** Writes a shape's zone to `file` through a temporary name (reused when the same size was written before). */
export function writeShapeZone(file, shape, records) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (const chunk of shapeZoneChunks(shape, records)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return file;
}

/** The text of small zone `i` of the many-files target: ten lines, one mail domain. */
export function smallZoneText(i) {
  const apex = `small${i}.example.`;
  return [
    '$TTL 3600',
    `$ORIGIN ${apex}`,
    '@ IN SOA ns1 hostmaster 2026120201 14400 3600 1209600 3600',
    '@ IN NS ns1',
    '@ IN NS ns2',
    `ns1 IN A ${v4(2 * i)}`,
    `ns2 IN A ${v4(2 * i + 1)}`,
    `@ IN A ${v4(i)}`,
    '@ IN MX 10 ns1',
    `www IN CNAME ${apex}`,
    '',
  ].join('\n');
}

/**
 * `files` small zones in DIR/zones/ and their records concatenated as one zone, DIR/all.zone (the
 * floor of target 3): the same record lines under one apex, each small zone a subdomain of it (its
 * SOA and NS left out: in one zone they would be a delegation). Returns the paths.
 */
export function writeManyZones(dir, files) {
  const zones = join(dir, 'zones');
  mkdirSync(zones, { recursive: true });
  const all = [`$TTL 3600\n$ORIGIN example.\n@ IN SOA ns1 hostmaster 2026120201 14400 3600 1209600 3600\n@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n`];
  for (let i = 0; i < files; i++) {
    const text = smallZoneText(i);
    writeFileSync(join(zones, `small${String(i).padStart(5, '0')}.example.zone`), text);
    all.push(text.split('\n').filter((line) => !/^(\$TTL|@ IN SOA|@ IN NS)/.test(line)).join('\n'));
  }
  const allZone = join(dir, 'all.zone');
  writeFileSync(allZone, all.join('\n'));
  return { zones, allZone, apex: 'example.' };
}
