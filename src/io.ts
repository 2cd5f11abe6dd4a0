/**
 * Where commands write. The CLI passes the process's streams; tests pass buffers. Commands never
 * touch process.stdout or process.exit themselves, so they can be run in-process.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colour and progress bars only when the stream is a terminal (and NO_COLOR is unset). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input as text, for `-` file arguments. */
  readStdin(): Promise<string>;
}

export function processIo(): Io {
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    // A reader that stopped early (`| head`) closed the pipe: the rest is not wanted, and that is no crash.
    // The command still runs to its end, so the exit code is the one it would have had.
    if (error.code === 'EPIPE') return;
    process.stderr.write(`zonesmith: cannot write to standard output: ${error.code ?? error.message}\n`);
    process.exitCode = EXIT.usage;
  });
  return {
    out: (text) => void (stdoutClosed || process.stdout.write(text)),
    err: (text) => void process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    stderrIsTTY: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
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
    readStdin: async () => stdin,
    stdout: () => out,
    stderr: () => err,
  };
}

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
