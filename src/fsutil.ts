/**
 * Atomic writes: the new content goes to a temporary file in the same folder (same file system),
 * is flushed, and replaces the target with one rename, so a reader sees the old file or the new
 * one and never half of either.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A file written piece by piece (a report of any size) that appears at `path` only on commit.
 * Opening fails at once when the folder cannot take the file, before any work is done for it.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;

  /** `mode`: the new file's permission bits, exactly (the umask does not apply); 0o644 when not given. */
  constructor(readonly path: string, mode?: number) {
    this.temp = temporaryPath(path);
    try {
      this.fd = openSync(this.temp, 'wx', mode ?? 0o644);
      if (mode !== undefined) fchmodSync(this.fd, mode);
    } catch (error) {
      this.abandon();
      throw this.aboutTarget(error);
    }
  }

  /**
   * Gives the new file an owner and group, as far as the process may: only root may give a file to
   * another user, and a user only to a group of their own; what is not allowed is left as it is.
   */
  keepOwner(uid: number, gid: number): void {
    if (this.fd === undefined) return;
    for (const [u, g] of [[uid, gid], [-1, gid]] as const) {
      try {
        fchownSync(this.fd, u, g);
        return;
      } catch (error) {
        // EINVAL: an id this user namespace does not map (a container); as little allowed as EPERM.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'EINVAL') throw this.aboutTarget(error);
      }
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

/**
 * Replaces an existing file's content atomically and keeps what an administrator set on it: its
 * permission bits and (as far as the process may) its owner and group. `stats` are the file's own
 * (taken before its content was read). The caller gives the real path: a symbolic link is fixed in
 * its target, and stays a link.
 */
export function replaceFileAtomic(realPath: string, content: Uint8Array, stats: Stats): void {
  const file = new AtomicFile(realPath, stats.mode & 0o7777);
  try {
    file.keepOwner(stats.uid, stats.gid);
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.write(content);
  file.commit();
}

/**
 * Temporary files are named `.<target>.zonesmith-<pid>-<8 hex>.tmp`: hidden, named after the file they
 * become, and recognisable as zonesmith's, so that a later run can tell its own leftovers from
 * anything a user keeps in the folder.
 */
const TEMPORARY_NAME = /^\..+\.zonesmith-([0-9]+)-[0-9a-f]{8}\.tmp$/;
/** A temporary file this old is left over even if its process id is alive again (ids are reused). */
const STALE_AFTER_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/**
 * A fresh temporary name beside `path`. The first time in a process that a folder gets one, the
 * temporary files a killed run left there are removed first (see removeStaleTemporaries).
 */
function temporaryPath(path: string): string {
  const dir = dirname(path);
  if (!swept.has(dir)) {
    swept.add(dir);
    removeStaleTemporaries(dir);
  }
  return join(dir, `.${basename(path)}.zonesmith-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Removes from `dir` the temporary files of zonesmith runs that ended without committing or
 * abandoning them (killed): zonesmith's naming only, regular files only (never a link or a folder),
 * and only when the process that made one is gone or the file is an hour old. Best effort: a
 * folder that cannot be listed, or a file that cannot be removed, is left as it is. Returns the
 * names removed.
 */
export function removeStaleTemporaries(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isFile() || (processAlive(Number(pid)) && now - stat.mtimeMs < STALE_AFTER_MS)) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      /* gone meanwhile, or not ours to remove: left as it is */
    }
  }
  return removed;
}

/** Whether a process with this id runs (one of another user counts: it cannot be signalled, but it is there). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
