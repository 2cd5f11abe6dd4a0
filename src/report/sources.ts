/**
 * The source lines a text report quotes. After parsing, only the lines that carry a diagnostic are
 * read again, streaming and stopping at the last one needed, so a big zone is not held in memory.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export type SourceLines = Map<string, Map<number, string>>;

const BLOCK = 64 * 1024;
/** A quoted line is cut here: enough to show the place, bounded for absurd inputs. */
export const MAX_QUOTED_CHARS = 400;

/** Picks the wanted lines out of a stream of text chunks. */
class LinePicker {
  readonly found = new Map<number, string>();
  private line = 1;
  private current = '';
  private readonly last: number;

  constructor(private readonly wanted: ReadonlySet<number>) {
    this.last = Math.max(0, ...wanted);
  }

  get done(): boolean {
    return this.line > this.last;
  }

  push(chunk: string): void {
    let start = 0;
    for (let i = chunk.indexOf('\n'); i !== -1 && !this.done; i = chunk.indexOf('\n', start)) {
      this.keep(chunk.slice(start, i));
      this.line++;
      this.current = '';
      start = i + 1;
    }
    if (!this.done) this.keep(chunk.slice(start));
  }

  /** Appends to the current line only while it is wanted and short enough to quote. */
  private keep(piece: string): void {
    if (!this.wanted.has(this.line) || this.current.length > MAX_QUOTED_CHARS) return;
    this.current += piece;
    this.found.set(this.line, this.current.replace(/\r$/, '').slice(0, MAX_QUOTED_CHARS));
  }
}

export function pickLines(text: string, wanted: ReadonlySet<number>): Map<number, string> {
  const picker = new LinePicker(wanted);
  picker.push(text);
  return picker.found;
}

/** Reads the wanted lines of a file; a file that cannot be read gives no lines (the report still prints). */
export function readLines(file: string, wanted: ReadonlySet<number>): Map<number, string> {
  const picker = new LinePicker(wanted);
  if (wanted.size === 0) return picker.found;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(BLOCK);
    const decoder = new StringDecoder('utf8');
    while (!picker.done) {
      const n = readSync(fd, buffer, 0, BLOCK, null);
      if (n === 0) break;
      picker.push(decoder.write(buffer.subarray(0, n)));
    }
  } catch {
    /* unreadable now: the diagnostics are printed without their source lines */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return picker.found;
}
