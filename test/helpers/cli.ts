/** Runs the CLI in-process, as a user would, with buffered output. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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

const made: string[] = [];

/** A fresh folder under the system's temporary folder, removed when the test file is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-test-'));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
