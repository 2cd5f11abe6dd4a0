/**
 * The benchmark zone on disk: generated once per (records, seed, generator source), then reused
 * while its size and SHA-256 still match the sidecar written with it. Generation is not what is
 * measured, and a million records take a few seconds to write.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APEX, zoneChunks, zoneShape } from './zone-generator.mjs';

const GENERATOR_SOURCE = fileURLToPath(new URL('./zone-generator.mjs', import.meta.url));

/** The file name gives the origin (`bench.example.zone` -> `bench.example.`), as users name zones. */
export function zonePaths(outDir, records) {
  const dir = join(outDir, `records-${records}`);
  const file = join(dir, `${APEX.slice(0, -1)}.zone`);
  return { dir, file, meta: `${file}.meta.json` };
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function fileSha256(path) {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function readMeta(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The zone for (records, seed) under `outDir`: reused when the sidecar matches the request and the
 * current generator and the file still has the recorded size and hash; else written anew, atomically
 * (temporary file, then rename). Returns {file, bytes, sha256, counts, reused}.
 */
export function ensureZone({ outDir, records, seed }) {
  const shape = zoneShape({ records, seed });
  const generator = sha256(readFileSync(GENERATOR_SOURCE));
  const paths = zonePaths(outDir, shape.records);
  const meta = readMeta(paths.meta);
  if (
    meta &&
    meta.records === shape.records &&
    meta.seed === shape.seed &&
    meta.generator === generator &&
    existsSync(paths.file) &&
    statSync(paths.file).size === meta.bytes &&
    fileSha256(paths.file) === meta.sha256
  ) {
    return { file: paths.file, bytes: meta.bytes, sha256: meta.sha256, counts: meta.counts, reused: true };
  }

  mkdirSync(paths.dir, { recursive: true });
  const temporary = `${paths.file}.${process.pid}.tmp`;
  const hash = createHash('sha256');
  const counts = {};
  let bytes = 0;
  const fd = openSync(temporary, 'w');
  try {
    for (const chunk of zoneChunks(shape, counts)) {
      const buffer = Buffer.from(chunk, 'utf8');
      hash.update(buffer);
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
      bytes += buffer.length;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, paths.file);
  const written = { records: shape.records, seed: shape.seed, generator, bytes, sha256: hash.digest('hex'), counts };
  const metaTemporary = `${paths.meta}.${process.pid}.tmp`;
  const metaFd = openSync(metaTemporary, 'w');
  try {
    writeSync(metaFd, JSON.stringify(written, null, 2) + '\n');
  } finally {
    closeSync(metaFd);
  }
  renameSync(metaTemporary, paths.meta);
  return { file: paths.file, bytes, sha256: written.sha256, counts, reused: false };
}
