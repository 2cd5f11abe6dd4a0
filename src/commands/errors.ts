/**
 * How a command stops on a usage or I/O problem: it throws a CommandError, and the command line
 * prints its message as one line, `zonesmith: MESSAGE`, and exits 2. Anything else thrown is a bug.
 */

/** A problem with the command line or the files it names (exit 2), said in one line. */
export class CommandError extends Error {}

/** What the system calls that commands make fail with, in words (the C library's, lower case). */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in system',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EEXIST: 'file exists',
  EBUSY: 'device or resource busy',
  EAGAIN: 'resource temporarily unavailable',
};

/** The reason a file operation failed, in words ("no such file or directory"). */
export function systemReason(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (code && REASONS[code]) return REASONS[code];
  // Node writes "CODE: words, syscall 'path'"; the words are the part a reader needs.
  const words = typeof message === 'string' ? /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1] : undefined;
  return words ?? code ?? String(message ?? error);
}

/** True for the errors Node's file system functions throw (they carry a code and a syscall). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

export function cannotRead(path: string, error: unknown): CommandError {
  return new CommandError(`cannot read ${path}: ${systemReason(error)}`);
}

export function cannotWrite(path: string, error: unknown): CommandError {
  return new CommandError(`cannot write ${path}: ${systemReason(error)}`);
}
