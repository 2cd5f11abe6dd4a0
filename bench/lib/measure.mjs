/**
 * One timed run of a command under GNU time (`/usr/bin/time -f '%e %M %U %S'`: wall seconds, peak RSS
 * in KiB, user and system CPU seconds), with a hard timeout that kills the whole process group, so
 * the benchmark never hangs. CPU time is kept beside wall time because it suffers less when other
 * work shares the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
export const TIME_FORMAT = '%e %M %U %S';
/** Captured output is cut to its last this many characters: bounded memory whatever a tool prints. */
const CAPTURE_LIMIT = 64 * 1024;

export class MeasureError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = 'MeasureError';
    this.stderr = details.stderr ?? '';
    this.exitCode = details.exitCode;
  }
}

/**
 * GNU time's report: the format line is the last line; before it, time may add
 * "Command exited with non-zero status N" or "Command terminated by signal N".
 */
export function parseTimeReport(text) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = (lines.at(-1) ?? '').trim();
  const fields = last.split(' ');
  const numbers = fields.map(Number);
  if (fields.length !== 4 || !fields.every((field) => /^\d+(?:\.\d+)?$/.test(field))) {
    throw new MeasureError(`cannot read GNU time's report (want "WALL KIB USER SYS"): ${JSON.stringify(text.slice(-200))}`);
  }
  const [wallSeconds, peakKiB, userSeconds, systemSeconds] = numbers;
  return { wallSeconds, peakKiB, cpuSeconds: Math.round((userSeconds + systemSeconds) * 100) / 100 };
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function keepTail(text, added) {
  const joined = text + added;
  return joined.length > CAPTURE_LIMIT ? joined.slice(-CAPTURE_LIMIT) : joined;
}

/**
 * Runs `command args` under GNU time. Resolves with {wallSeconds, peakKiB, cpuSeconds, exitCode, stdout, stderr};
 * rejects with a MeasureError (carrying the command's stderr) when it exits with a status not in
 * `okExitCodes`, is killed by a signal, or outlives `timeoutMs`.
 * `captureStdout: false` sends stdout to /dev/null (a linter's report is not what is measured).
 */
export function runTimed({ command, args = [], cwd, timeoutMs, okExitCodes = [0], captureStdout = false }) {
  const scratch = mkdtempSync(join(tmpdir(), 'zonesmith-bench-'));
  const reportFile = join(scratch, 'time.txt');
  const shown = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', TIME_FORMAT, '-o', reportFile, command, ...args], {
      cwd,
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
      // Its own process group, so a timeout kills the command and not only GNU time.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (data) => (stdout = keepTail(stdout, data)));
    child.stderr.setEncoding('utf8').on('data', (data) => (stderr = keepTail(stderr, data)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    const finish = (error, result) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(result);
    };
    child.on('error', (error) => finish(new MeasureError(`cannot start ${GNU_TIME}: ${error.message}`)));
    child.on('close', (exitCode, signal) => {
      if (timedOut) {
        finish(new MeasureError(`timed out after ${timeoutMs / 1000} s: ${shown}`, { stderr }));
        return;
      }
      if (signal !== null || exitCode === null || !okExitCodes.includes(exitCode)) {
        const status = signal !== null ? `signal ${signal}` : `exit status ${exitCode}`;
        finish(new MeasureError(`failed (${status}): ${shown}`, { stderr, exitCode: exitCode ?? undefined }));
        return;
      }
      let report;
      try {
        report = parseTimeReport(readFileSync(reportFile, 'utf8'));
      } catch (error) {
        finish(error);
        return;
      }
      finish(undefined, { ...report, exitCode, stdout, stderr });
    });
  });
}
