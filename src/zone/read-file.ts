/**
 * Zone files from disk, for the Node face (src/node.ts) and the command line: the file's bytes streamed
 * in 64 KiB blocks into the reader of parser.ts (which reads octets, not text), and the `ReadInclude` that finds the files
 * `$INCLUDE` names with the containment rules the command line promises: a path relative to the
 * including file, kept inside the folder tree of the zone file unless `allowIncludeOutside`.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { readZoneText, type ReadInclude, type ZoneReadOptions, type ZoneReadSummary, type ZoneSink } from './parser.js';

import { notRegularKind } from './file-kind.js';

export { notRegularKind, type FileKind } from './file-kind.js';

const READ_BLOCK = 64 * 1024;
const SMALL_BLOCK = 4 * 1024;

export interface ZoneFileReadOptions extends ZoneReadOptions {
  /** Follow $INCLUDE outside the folder tree of `file` (default false). */
  allowIncludeOutside?: boolean;
}

/** Reads a zone file and what it includes from disk, block by block. */
export function readZoneFile(options: ZoneFileReadOptions, sink: ZoneSink): ZoneReadSummary {
  const { allowIncludeOutside, ...read } = options;
  return readZoneText(fileChunks(options.file), { ...diskIncludes(options.file, allowIncludeOutside), ...read }, sink);
}

/**
 * The reader options that give a zone file on disk (or standard input, `-`, read in the working
 * folder) its includes: the file's real path as its key, and `$INCLUDE` read from disk.
 */
export function diskIncludes(file: string, allowIncludeOutside = false): { readInclude: ReadInclude; fileKey: string } {
  return { readInclude: diskIncludeReader(file, allowIncludeOutside), fileKey: realPathOr(file) };
}

/** Finds `$INCLUDE` files on disk, relative to the including file, inside the zone file's folder tree unless allowed out. */
export function diskIncludeReader(zoneFile: string, allowOutside: boolean): ReadInclude {
  let root: string | undefined;
  return (path, from) => {
    const target = isAbsolute(path) ? path : join(dirname(from), path);
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      return { error: `${ioMessage(error)} (looked for ${target}, relative to the including file)` };
    }
    if (!allowOutside) {
      root ??= realPathOr(dirname(zoneFile));
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        // Refused before it is opened: nothing of the other file reaches the output.
        return { refused: true, error: `outside the folder of the zone file (${root}): refused; move it there or pass --allow-include-outside` };
      }
    }
    try {
      if (!statSync(real).isFile()) return { refused: true, error: 'not a file' };
    } catch (error) {
      return { error: ioMessage(error) };
    }
    return { file: target, key: real, text: fileChunks(real) };
  };
}

/**
 * A file's bytes in blocks, opened on the first read; a failure is thrown with a short reason. Only a
 * regular file is read: a device or a pipe may never end (`/dev/zero`), and a zone has an end. Each
 * block is a view of one buffer that the next read overwrites: the reader takes it in before asking
 * for the next.
 */
export function* fileChunks(path: string): Generator<Uint8Array> {
  let fd: number;
  try {
    // Non-blocking only for the open: a FIFO without a writer would otherwise hold it forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new Error(ioMessage(error));
  }
  try {
    const stat = fstatSync(fd);
    const kind = notRegularKind(stat);
    if (kind) throw new Error(`not a regular file (${kind})`);
    // A small file gets a small block (one more byte than its size, so the read that finds the end
    // needs no second block; never tiny, for files that say size 0 and have more): `lint` of 2,000
    // ten-line zones zeroed 64 KiB for each.
    const block = new Uint8Array(Math.min(READ_BLOCK, Math.max(SMALL_BLOCK, stat.size + 1)));
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, block, 0, block.length, null);
      } catch (error) {
        throw new Error(ioMessage(error));
      }
      if (n === 0) break;
      yield block.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function realPathOr(path: string): string {
  try {
    // The system's realpath (one call), not Node's walk that lstat()s every folder on the way.
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The reason a file could not be read, in words. */
export function ioMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'not a file (a folder)';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
