/**
 * One command line for every command: `-` is standard input, an input that cannot be read or a
 * mistake in the options is one line on stderr and exit 2 (nothing on stdout), `lint DIR` reads a
 * folder's zone files, and `--output-file` writes the report atomically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { bufferIo } from '../src/io.js';
import { COMMANDS } from '../src/commands/index.js';
import { commandName } from '../src/commands/usage.js';
import { tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const SPEC = join(REPO_ROOT, 'test/fixtures/specs/minimal.yaml');
const ZONE = join(REPO_ROOT, 'test/fixtures/lint/defects/cname-clash.example.com.dns');
const FOLDER = join(REPO_ROOT, 'test/fixtures/lint/folder');

async function cli(argv: string[], stdin = '') {
  const io = bufferIo(stdin);
  const code = await main(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** Exit 2, exactly one line on stderr, nothing on stdout; returns the line. */
async function failsInOneLine(argv: string[], stdin = ''): Promise<string> {
  const r = await cli(argv, stdin);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^[^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(2);
  return r.stderr.trimEnd();
}

/** How each reading command is called with a given input. */
const READERS: [string, (input: string) => string[]][] = [
  ['lint', (input) => ['lint', input, '--origin', 'example.com']],
  ['records (zone file)', (input) => ['records', input.endsWith('.yaml') ? input.replace(/yaml$/, 'dns') : input]],
  ['records (spec)', (input) => ['records', input.endsWith('.yaml') ? input : `${input}.yaml`]],
  ['validate', (input) => ['validate', input]],
  ['generate', (input) => ['generate', input, '--stdout']],
];

describe('an input that cannot be read: one line, exit 2, for every command', () => {
  const dir = tempDir();
  // A symbolic link to itself cannot be opened by anyone (root too): a real unreadable file.
  const loop = join(dir, 'loop.yaml');
  symlinkSync(loop, loop);
  const loopZone = join(dir, 'loop.dns');
  symlinkSync(loopZone, loopZone);

  it.each(READERS)('%s: a missing file', async (_, argv) => {
    const missing = join(dir, 'absent.yaml');
    const args = argv(missing);
    const line = await failsInOneLine(args);
    expect(line).toBe(`zonesmith: cannot read ${args[1]}: no such file or directory`);
  });

  it.each(READERS)('%s: an unreadable file', async (_, argv) => {
    const args = argv(loop);
    expect(await failsInOneLine(args)).toBe(`zonesmith: cannot read ${args[1]}: too many levels of symbolic links`);
  });

  it.each(READERS.filter(([name]) => name !== 'lint' && name !== 'records (zone file)'))('%s: a folder where a file belongs', async (_, argv) => {
    const folder = join(dir, 'specs.yaml');
    mkdirSync(folder, { recursive: true });
    expect(await failsInOneLine(argv(folder))).toBe(`zonesmith: cannot read ${folder}: is a directory`);
  });

  it('records of a zone file: a folder where a file belongs', async () => {
    const folder = join(dir, 'zones.dns');
    mkdirSync(folder, { recursive: true });
    expect(await failsInOneLine(['records', folder])).toBe(`zonesmith: cannot read ${folder}: is a directory`);
  });

  it('lint: a folder without zone files', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'notes.txt'), 'not a zone\n');
    expect(await failsInOneLine(['lint', empty])).toBe(`zonesmith: ${empty} holds no zone files (*.dns, *.zone, db.*)`);
  });

  it('lint: an explicit --config that does not exist', async () => {
    const config = join(dir, 'absent-config.yaml');
    expect(await failsInOneLine(['lint', ZONE, '--config', config])).toBe(`zonesmith: cannot read ${config}: no such file or directory`);
  });

  it('generate: a --template that does not exist', async () => {
    const template = join(dir, 'absent.hbs');
    expect(await failsInOneLine(['generate', SPEC, '--stdout', '--template', template])).toBe(`zonesmith: cannot read ${template}: no such file or directory`);
  });

  it('records and generate: -o names a file instead of the folder generate writes to', async () => {
    expect(await failsInOneLine(['records', SPEC, '-o', ZONE])).toMatch(/^zonesmith: -o .* is not a folder: .*--output-file$/);
    expect(await failsInOneLine(['generate', SPEC, '-o', ZONE])).toBe(`zonesmith: -o ${ZONE} is not a folder: generate writes one <domain>.dns file per zone into it`);
    expect(await failsInOneLine(['generate', SPEC, '-o', ZONE, '--check'])).toMatch(/is not a folder/);
  });
});

describe('standard input', () => {
  const zoneText = readFileSync(ZONE, 'utf8');
  const specText = readFileSync(SPEC, 'utf8');

  it('lint - reads the zone with --origin and names it <stdin>', async () => {
    const r = await cli(['lint', '-', '--origin', 'example.com', '-f', 'json'], zoneText);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ file: '<stdin>', line: 5, rule: 'cname-and-other-data' })]);
  });

  it('--stdin-filename names standard input, and gives a zone its origin as a file name would', async () => {
    const r = await cli(['lint', '-', '--stdin-filename', 'zones/example.com.dns', '-f', 'json'], zoneText);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ file: 'zones/example.com.dns', rule: 'cname-and-other-data' });
    expect(JSON.parse(r.stdout)[0].message).toMatch(/^www\.example\.com\. has a CNAME/);
  });

  it('a zone on standard input without --origin is a usage error', async () => {
    expect(await failsInOneLine(['lint', '-'], zoneText)).toBe('zonesmith: a zone on standard input needs --origin (for example --origin example.com)');
    expect(await failsInOneLine(['records', '-'], zoneText)).toMatch(/^zonesmith: standard input is not a spec .* give --origin$/);
  });

  it('records - reads a zone with --origin, a spec without', async () => {
    const zone = await cli(['records', '-', '--origin', 'example.com', '-f', 'csv'], zoneText);
    expect(zone.code).toBe(0);
    // The notes of a CSV go to stderr, so the file stays importable.
    expect(zone.stderr).toMatch(/^\[1\] note \(\d rows\): The SOA and the apex NS records are left out/);
    expect(zone.stdout).toContain('example.com.,www,www.example.com.,CNAME');
    const spec = await cli(['records', '-', '-f', 'csv'], specText);
    expect(spec.code).toBe(0);
    expect(spec.stderr).not.toMatch(/error|warning/);
    expect(spec.stdout).toMatch(/^zone,name,fqdn,type/);
    expect(spec.stdout).toContain('example.org.');
  });

  it('validate - and generate - read a spec and name it <stdin>', async () => {
    const valid = await cli(['validate', '-'], specText);
    expect(valid.code).toBe(0);
    // Its one finding (no autodiscovery SRV) and the summary both name standard input.
    expect(valid.stdout).toMatch(/^<stdin>:4:5  warning  .*missing-autodiscovery-record\n/);
    expect(valid.stdout.endsWith('<stdin>: valid (1 zone, 10 records)\n')).toBe(true);
    const bad = await cli(['validate', '-', '-f', 'json'], readFileSync(join(REPO_ROOT, 'test/fixtures/specs/bad-schema.yaml'), 'utf8'));
    expect(bad.code).toBe(1);
    expect(new Set(JSON.parse(bad.stdout).map((d: { file: string }) => d.file))).toEqual(new Set(['<stdin>']));
    const generated = await cli(['generate', '-', '--stdout'], specText);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('Generated by zonesmith from <stdin>');
    expect(generated.stdout).toContain('$ORIGIN example.org.');
  });

  it('--stdin-filename without - is a usage error, not ignored', async () => {
    expect(await failsInOneLine(['validate', SPEC, '--stdin-filename', 'x.yaml'])).toBe('zonesmith: --stdin-filename names standard input; give - as the input to read it');
  });

  it('- can be read only once', async () => {
    const r = await cli(['lint', '-', '-', '--origin', 'example.com', '-f', 'json'], zoneText);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('zonesmith: - (standard input) can be read only once\n');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('options: one wording for every mistake', () => {
  it('--version is zonesmith\'s own', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    ['lint', ZONE],
    ['records', SPEC],
    ['validate', SPEC],
    ['generate', SPEC],
    ['init', 'example.com'],
  ])('%s: an unknown option gets the nearest one and the --help pointer', async (command, input) => {
    expect(await failsInOneLine([command, input, '--frce'])).toBe(
      command === 'init' || command === 'generate'
        ? `zonesmith: unknown option --frce (did you mean --force?); see \`zonesmith ${command} --help\``
        : `zonesmith: unknown option --frce; see \`zonesmith ${command} --help\``,
    );
  });

  it('the same words for the same typo in every command', async () => {
    const lines = await Promise.all(['lint', 'records', 'validate'].map((command) => failsInOneLine([command, SPEC, '--fromat', 'json'])));
    expect(lines).toEqual(['lint', 'records', 'validate'].map((command) => `zonesmith: unknown option --fromat (did you mean --format?); see \`zonesmith ${command} --help\``));
  });

  it('an unknown command gets the nearest one', async () => {
    // Every registered command is listed, in --help's order (the list grows as commands are added).
    const commands = COMMANDS.map(commandName);
    expect(commands.slice(0, 5)).toEqual(['generate', 'validate', 'records', 'init', 'lint']);
    expect(await failsInOneLine(['lnt', ZONE])).toBe(`zonesmith: unknown command "lnt" (did you mean lint?); the commands are ${commands.join(', ')}; see \`zonesmith --help\``);
  });

  it('other mistakes are one line too: a bad --origin, a missing argument', async () => {
    expect(await failsInOneLine(['lint', ZONE, '--origin', 'a..b'])).toMatch(/^zonesmith: --origin: /);
    expect(await failsInOneLine(['records', ZONE, '--origin', 'a..b'])).toMatch(/^zonesmith: --origin: /);
    expect(await failsInOneLine(['validate'])).toMatch(/^zonesmith: Not enough non-option arguments.*`zonesmith validate --help`$/);
  });

  it('records takes --origin for a zone file, as lint does', async () => {
    const r = await cli(['records', ZONE, '--origin', 'example.org', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('example.org.,www,www.example.org.,CNAME');
    expect(await failsInOneLine(['records', SPEC, '--origin', 'example.org'])).toMatch(/^zonesmith: --origin is for zone files/);
  });
});

describe('lint DIR', () => {
  it('lints the zone files in the folder (*.dns, *.zone, db.*), sorted, not the others and not sub-folders', async () => {
    const r = await cli(['lint', FOLDER, '-f', 'json']);
    expect(r.code).toBe(1);
    const files = [...new Set(JSON.parse(r.stdout).map((d: { file: string }) => d.file))];
    expect(files).toEqual(['db.example.org', 'example.com.zone', 'example.net.dns'].map((name) => join(FOLDER, name)));
  });

  it('decides each file\'s origin from its own name', async () => {
    const r = await cli(['lint', FOLDER, '-f', 'json']);
    const clashes = JSON.parse(r.stdout).filter((d: { rule: string }) => d.rule === 'cname-and-other-data').map((d: { message: string }) => d.message.split(' ')[0]);
    expect(clashes).toEqual(['www.example.org.', 'www.example.com.', 'www.example.net.']);
  });

  it('a zone file in the folder that cannot be read is said in one line; the others are still linted (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'example.com.dns'), readFileSync(ZONE, 'utf8'));
    symlinkSync(join(dir, 'loop.dns'), join(dir, 'loop.dns'));
    const r = await cli(['lint', dir, '-f', 'json']);
    expect(r.stderr).toBe(`zonesmith: cannot read ${join(dir, 'loop.dns')}: too many levels of symbolic links\n`);
    expect(JSON.parse(r.stdout).map((d: { file: string }) => d.file)).toEqual([join(dir, 'example.com.dns')]);
    expect(r.code).toBe(2);
  });

  it('says "in 3 files" in text', async () => {
    const r = await cli(['lint', FOLDER]);
    expect(r.stdout).toMatch(/in 3 files\n$/);
  });
});

describe('--output-file', () => {
  const dir = tempDir();

  it.each(['text', 'json', 'sarif', 'github'])('lint --format %s writes the report there, and nothing to stdout', async (format) => {
    const printed = await cli(['lint', ZONE, '--origin', 'example.com', '-f', format]);
    const file = join(dir, `report.${format}`);
    writeFileSync(file, 'the old report\n');
    const r = await cli(['lint', ZONE, '--origin', 'example.com', '-f', format, '--output-file', file]);
    expect(r).toMatchObject({ code: printed.code, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('records and validate write there too', async () => {
    const csv = join(dir, 'records.csv');
    const records = await cli(['records', SPEC, '-f', 'csv', '--output-file', csv]);
    expect(records).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(csv, 'utf8')).toBe((await cli(['records', SPEC, '-f', 'csv'])).stdout);
    const json = join(dir, 'problems.json');
    const validate = await cli(['validate', join(REPO_ROOT, 'test/fixtures/specs/bad-schema.yaml'), '-f', 'json', '--output-file', json]);
    expect(validate).toMatchObject({ code: 1, stdout: '' });
    const written = readFileSync(json, 'utf8');
    expect(JSON.parse(written).length).toBeGreaterThan(1);
    expect(written).toBe((await cli(['validate', join(REPO_ROOT, 'test/fixtures/specs/bad-schema.yaml'), '-f', 'json'])).stdout);
  });

  it('a folder that cannot take the file is one line, exit 2, and nothing is linted', async () => {
    const target = join(dir, 'no-such-folder', 'report.json');
    expect(await failsInOneLine(['lint', ZONE, '--origin', 'example.com', '--output-file', target])).toBe(`zonesmith: cannot write ${target}: no such file or directory`);
  });

  it('a run that stops on bad input leaves the old file alone', async () => {
    const file = join(dir, 'kept.json');
    writeFileSync(file, '[]\n');
    await failsInOneLine(['lint', join(dir, 'absent.dns'), '-f', 'json', '--output-file', file]);
    expect(readFileSync(file, 'utf8')).toBe('[]\n');
    expect(existsSync(file)).toBe(true);
  });
});

describe('at scale', () => {
  it('records prints a table of 200,000 rows (no argument spread overflows the stack), the SOA and apex NS left out', async () => {
    const lines = ['$TTL 3600', '@ IN SOA ns1.example.net. hostmaster.example.com. 1 14400 3600 1209600 3600', '@ IN NS ns1.example.net.'];
    for (let i = 0; i < 200_000; i++) lines.push(`h${i} IN A 192.0.2.1`);
    const r = await cli(['records', '-', '--origin', 'example.com'], lines.join('\n') + '\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The header, the rows, a blank line, the note about the SOA and NS (two lines), the final newline.
    expect(r.stdout.split('\n')).toHaveLength(1 + 200_000 + 1 + 2 + 1);
  });
});
