/** Runs the CLI in-process, as a user would, with buffered output. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { bufferIo } from '../../src/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(...argv: string[]): Promise<CliRun> {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'zonesmith-test-'));
}
