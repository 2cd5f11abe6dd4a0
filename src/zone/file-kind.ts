/**
 * A file's kind in words, apart from the reader (read-file.ts) so that the command line's input checks
 * can use it without loading the zone parser: `zonesmith --help` and `--version` stay light.
 */

/** What `fs.Stats` tells of a file's kind (spelled out, so the published types need no Node types). */
export interface FileKind {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}

/** What a file that is not a regular one (nor a folder) is, in words; undefined for a regular file or a folder. */
export function notRegularKind(stat: FileKind): string | undefined {
  if (stat.isFile() || stat.isDirectory()) return undefined;
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
