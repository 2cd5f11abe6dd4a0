/**
 * The source lines a streamed text report quotes. Diagnostics arrive mostly in line order within a
 * file (see src/lint/engine.ts), so each file is read forward once, keeping only a window of recent
 * lines; a line further back than the window starts the file over. Memory stays bounded whatever the
 * size of the zone or the number of findings.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const BLOCK = 64 * 1024;
/** A quoted line is cut here: enough to show the place, bounded for absurd inputs. */
export const MAX_QUOTED_CHARS = 400;
/** Lines kept behind the reading position: a multi-line record's findings come a little out of order. */
const WINDOW = 256;
/** Files kept open at once; a report over many files reopens one it comes back to. */
const OPEN_FILES = 4;

/** Text in pieces: a file read in blocks, or a string given whole (standard input). */
interface ChunkSource {
  next(): string | undefined;
  close(): void;
}

function fileChunks(file: string): ChunkSource {
  let fd: number | undefined;
  try {
    // Only a regular file is quoted: a FIFO or a device (a diagnostic about one) may block or never end.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) {
      closeSync(fd);
      fd = undefined;
    }
  } catch {
    /* unreadable now: the diagnostics are printed without their source lines */
  }
  const buffer = Buffer.allocUnsafe(BLOCK);
  const decoder = new StringDecoder('utf8');
  return {
    next() {
      if (fd === undefined) return undefined;
      try {
        const n = readSync(fd, buffer, 0, BLOCK, null);
        if (n > 0) return decoder.write(buffer.subarray(0, n));
      } catch {
        /* as above */
      }
      this.close();
      return undefined;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

function textChunks(text: string): ChunkSource {
  let done = false;
  return {
    next() {
      if (done) return undefined;
      done = true;
      return text;
    },
    close() {},
  };
}

/** Reads one file forward, line by line, remembering the last WINDOW lines (each cut to MAX_QUOTED_CHARS). */
class LineCursor {
  private source: ChunkSource;
  private chunk = '';
  private offset = 0;
  /** The number of the next line to be completed. */
  private line = 1;
  private readonly recent = new Map<number, string>();

  constructor(private readonly open: () => ChunkSource) {
    this.source = open();
  }

  get(wanted: number): string | undefined {
    if (this.recent.has(wanted)) return this.recent.get(wanted);
    if (wanted < this.line) this.restart();
    while (this.line <= wanted) {
      const text = this.nextLine();
      if (text === undefined) return undefined;
      this.remember(this.line++, text);
    }
    return this.recent.get(wanted);
  }

  close(): void {
    this.source.close();
  }

  private restart(): void {
    this.source.close();
    this.source = this.open();
    this.chunk = '';
    this.offset = 0;
    this.line = 1;
    this.recent.clear();
  }

  private remember(line: number, text: string): void {
    this.recent.set(line, text);
    if (this.recent.size > WINDOW) this.recent.delete(this.recent.keys().next().value!);
  }

  /** The next whole line (without its line break), cut to MAX_QUOTED_CHARS; undefined at the end. */
  private nextLine(): string | undefined {
    let text = '';
    let any = false;
    for (;;) {
      if (this.offset >= this.chunk.length) {
        const next = this.source.next();
        if (next === undefined) return any ? text : undefined;
        this.chunk = next;
        this.offset = 0;
      }
      any = true;
      const end = this.chunk.indexOf('\n', this.offset);
      const stop = end === -1 ? this.chunk.length : end;
      if (text.length <= MAX_QUOTED_CHARS) text += this.chunk.slice(this.offset, Math.min(stop, this.offset + MAX_QUOTED_CHARS + 1));
      this.offset = stop + (end === -1 ? 0 : 1);
      if (end !== -1) return text.replace(/\r$/, '').slice(0, MAX_QUOTED_CHARS);
    }
  }
}

/**
 * Quotes lines of the files a report names. Files are read from disk when first quoted; texts given
 * here (standard input, which cannot be read twice) are used instead. `close` releases the files.
 */
export class SourceQuoter {
  private readonly cursors = new Map<string, LineCursor>();

  constructor(private readonly texts: ReadonlyMap<string, string> = new Map()) {}

  readonly quote = (file: string, line: number): string | undefined => {
    let cursor = this.cursors.get(file);
    if (cursor) {
      // The most recently used file goes last, so the first is the one to close when too many are open.
      this.cursors.delete(file);
    } else {
      const text = this.texts.get(file);
      cursor = new LineCursor(() => (text !== undefined ? textChunks(text) : fileChunks(file)));
      if (this.cursors.size >= OPEN_FILES) {
        const [oldest, old] = this.cursors.entries().next().value!;
        old.close();
        this.cursors.delete(oldest);
      }
    }
    this.cursors.set(file, cursor);
    return cursor.get(line);
  };

  close(): void {
    for (const cursor of this.cursors.values()) cursor.close();
    this.cursors.clear();
  }
}
