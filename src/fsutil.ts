/**
 * Atomic writes: the new content goes to a temporary file in the same folder (same file system),
 * is flushed, and replaces the target with one rename, so a reader sees the old file or the new
 * one and never half of either.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A file written piece by piece (a report of any size) that appears at `path` only on commit.
 * Opening fails at once when the folder cannot take the file, before any work is done for it.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o644);
    } catch (error) {
      throw this.aboutTarget(error);
    }
  }

  /** The temporary name is an implementation detail: an error names the file the caller asked for. */
  private aboutTarget(error: unknown): unknown {
    if (error instanceof Error && 'path' in error) (error as NodeJS.ErrnoException).path = this.path;
    return error;
  }

  write(content: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already committed or abandoned`);
    try {
      writeSync(this.fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    } catch (error) {
      this.abandon();
      throw this.aboutTarget(error);
    }
  }

  /** Flushes and renames the temporary file onto the target. */
  commit(): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already committed or abandoned`);
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temp, this.path);
    } catch (error) {
      this.abandon();
      throw this.aboutTarget(error);
    }
  }

  /** Removes the temporary file; the target is left as it was. */
  abandon(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      /* the temporary file is already gone (renamed or removed) */
    }
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const file = new AtomicFile(path);
  file.write(content);
  file.commit();
}
