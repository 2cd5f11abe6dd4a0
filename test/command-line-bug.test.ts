/**
 * An exception no command expected is a bug: one line naming the version, the command and its input,
 * exit 2, never a stack trace. The exception is forced by replacing the records command's provider look-up with one
 * that throws (the module boundary the command calls through), so no test hook lives in the product.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { REPO_ROOT } from './helpers/shared.js';

vi.mock('../src/generate/console-rows.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/generate/console-rows.js')>()),
  findConsoleProvider: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'owner')\n    at findConsoleProvider (console-rows.ts:1:1)");
  },
}));

describe('an internal error', () => {
  it('is one bug-report line with the version, the command and the input, exit 2', async () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const spec = join(REPO_ROOT, 'test/fixtures/specs/minimal.yaml');
    const io = bufferIo();
    const code = await main(['records', spec], io);
    expect(code).toBe(2);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toMatch(/^[^\n]+\n$/);
    expect(io.stderr()).toContain(`zonesmith ${version}: internal error while listing the records of ${spec}: Cannot read properties of undefined (reading 'owner')`);
    expect(io.stderr()).toMatch(/please report this/);
    expect(io.stderr()).not.toMatch(/at findConsoleProvider|console-rows\.ts:/);
  });

  it('names standard input as such', async () => {
    const io = bufferIo(readFileSync(join(REPO_ROOT, 'test/fixtures/lint/defects/cname-clash.example.com.dns'), 'utf8'));
    expect(await main(['records', '-', '--origin', 'example.com'], io)).toBe(2);
    expect(io.stderr()).toMatch(/^zonesmith [^:]+: internal error while listing the records of standard input: /);
  });
});
