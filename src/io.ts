/**
 * Where commands write. The CLI passes the process's streams; tests pass buffers. Commands never
 * touch process.stdout or process.exit themselves, so they can be run in-process.
 */
import { writeSync } from 'node:fs';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colour and progress bars only when the stream is a terminal (and NO_COLOR is unset). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input as text, for `-` file arguments. */
  /** Standard input's bytes, whole (bounded: see readAllBounded). */
  readStdin(): Promise<Uint8Array>;
}

/** A moment to wait for a full pipe to be read (Atomics.wait is a synchronous sleep). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));
const PAUSE_MS = 1;

/**
 * Writes the whole text to a file descriptor before returning. `process.stdout.write` keeps in memory
 * whatever a full pipe does not take at once, and `lint` writes a million findings without returning to
 * the event loop: the queue would grow to the whole report. A full pipe (EAGAIN) is waited for and tried
 * again; once the reader has gone (EPIPE, as in `zonesmith lint big.dns | head`) the rest is dropped.
 */
export function blockingWriter(fd: number): (text: string) => void {
  let readerGone = false;
  return (text) => {
    let bytes = Buffer.from(text, 'utf8');
    while (bytes.length > 0 && !readerGone) {
      try {
        bytes = bytes.subarray(writeSync(fd, bytes));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') readerGone = true;
        else if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, PAUSE_MS);
        else throw error;
      }
    }
  };
}

export function processIo(): Io {
  // Writes go through blockingWriter; this catches what the stream itself reports (its own writes, if any).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stopped early (`| head`) closed the pipe: the rest is not wanted, and that is no crash.
    // The command still runs to its end, so the exit code is the one it would have had.
    if (error.code === 'EPIPE') return;
    process.stderr.write(`zonesmith: cannot write to standard output: ${error.code ?? error.message}\n`);
    process.exitCode = EXIT.usage;
  });
  return {
    out: blockingWriter(process.stdout.fd),
    err: (text) => void process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    stderrIsTTY: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    readStdin: () => readAllBounded(process.stdin as AsyncIterable<Buffer>, MAX_STDIN_BYTES),
  };
}

/** An Io that keeps everything, for tests. */
export function bufferIo(stdin = ''): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => Buffer.from(stdin, 'utf8'),
    stdout: () => out,
    stderr: () => err,
  };
}

/**
 * Standard input is read whole (the readers take it as one text), so it is bounded: `cat /dev/zero |
 * zonesmith lint -` stops here instead of when memory runs out. A file named on the command line is
 * streamed and has no such bound.
 */
export const MAX_STDIN_BYTES = 256 * 1024 * 1024;

/** A stream that went on past the bound a whole read allows. */
export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit / (1024 * 1024)} MiB`);
  }
}

/** A stream's bytes; past `limit` bytes it is left unread and InputTooLarge thrown. */
export async function readAllBounded(stream: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) throw new InputTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
