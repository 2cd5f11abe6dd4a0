/**
 * Bounded everywhere, and one clear line when something cannot be read (issue 8): spec loading is
 * linear in the spec's size, a spec of 200,000 records lists and generates, nesting too deep for the
 * YAML parser is one message, a device or a pipe named as a file is refused at once, `records` takes
 * the option its include message suggests, template errors name the template, and the temporary
 * files of a killed run are removed by the next one in that folder.
 *
 * The sizes are chosen so that a quadratic step would take minutes (150,000 keys: about 10^10 key
 * comparisons) while the linear one takes seconds; the timeouts are generous, nothing is timed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { AtomicFile, removeStaleTemporaries } from '../src/fsutil.js';
import { bufferIo, InputTooLarge, MAX_STDIN_BYTES, readAllBounded } from '../src/io.js';
import { lintFile, loadSpecFile } from '../src/node.js';
import { loadSpecText } from '../src/spec/load.js';
import { resolveSpec } from '../src/spec/resolve.js';
import { run, tempDir } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/shared.js';

const SCALE_TIMEOUT_MS = 5 * 60_000;
const SPEC = join(REPO_ROOT, 'test/fixtures/specs/minimal.yaml');

/** A public (not private, not documentation) address per index, so a spec of them draws no finding. */
function address(i: number): string {
  return `11.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

/** The head of a one-zone spec whose name servers are outside the zone; `hosts:` follows. */
const SPEC_HEAD = [
  'version: 1',
  'zones:',
  '  - domain: example.com',
  '    ttl: 1h',
  '    soa: {primary: ns1.example.net, contact: hostmaster@example.com}',
  '    nameservers: [ns1.example.net, ns2.example.net]',
].join('\n');

/** Exit 2, exactly one line on stderr; returns the line. */
async function failsInOneLine(...argv: string[]): Promise<string> {
  const r = await run(...argv);
  expect(r.stderr).toMatch(/^[^\n]+\n$/);
  expect(r.code).toBe(2);
  return r.stderr.trimEnd();
}

describe('spec loading is linear in the size of the spec', () => {
  const KEYS = 150_000;

  it('a JSON spec with 150,000 host keys loads, and each key is located where it is written', () => {
    const hosts: Record<string, string> = {};
    for (let i = 0; i < KEYS; i++) hosts[`h${i}`] = address(i);
    const spec = { version: 1, zones: [{ domain: 'example.com', soa: { primary: 'ns1.example.net', contact: 'hostmaster@example.com' }, nameservers: ['ns1.example.net', 'ns2.example.net'], hosts }] };
    // One key per line: line of h<i> = line of h0 + i.
    const text = JSON.stringify(spec, null, 1);
    const loaded = loadSpecText(text, 'big.json');
    expect(loaded.diagnostics).toEqual([]);
    const first = loaded.locate(['zones', 0, 'hosts', 'h0'], true);
    expect(text.split('\n')[first.line - 1]).toContain('"h0": "11.0.0.0"');
    // Every key looked up: a walk of the mapping per lookup would be quadratic.
    for (let i = 0; i < KEYS; i++) {
      const at = loaded.locate(['zones', 0, 'hosts', `h${i}`], true);
      if (at.line !== first.line + i) expect(at.line, `h${i}`).toBe(first.line + i);
    }
    const resolved = resolveSpec(loaded);
    expect(resolved.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(resolved.zones[0]!.zone.records.filter((r) => r.type === 'A')).toHaveLength(KEYS);
  }, SCALE_TIMEOUT_MS);

  it('a YAML flow mapping of 150,000 keys loads; a key written twice is still found, where it is', () => {
    const pairs: string[] = [];
    for (let i = 0; i < KEYS; i++) pairs.push(`h${i}: ${address(i)}`);
    pairs.push('h7: 11.255.255.255');
    const text = `${SPEC_HEAD}\n    hosts: {${pairs.join(', ')}}\n`;
    const loaded = loadSpecText(text, 'big.yaml');
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([`7:${text.split('\n')[6]!.lastIndexOf('h7:') + 1} Map keys must be unique`]);
  }, SCALE_TIMEOUT_MS);

  it('keys written twice are found in block and flow mappings at any depth, and nowhere else', () => {
    const text = `${SPEC_HEAD}\n    hosts:\n      www: 192.0.2.1\n      mail: 192.0.2.2\n      www: 192.0.2.3\n    records:\n      - {name: a, type: TXT, type: A, value: x}\n      - {name: a, type: TXT, value: "1: 1"}\n`;
    const loaded = loadSpecText(text, 'dup.yaml');
    const column = text.split('\n')[11]!.lastIndexOf('type:') + 1;
    expect(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['10:7 Map keys must be unique', `12:${column} Map keys must be unique`]);
    expect(loaded.data).toBeUndefined();
  });

  it.each([
    ['YAML flow lists', `version: 1\nzones: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['YAML block lists', `version: 1\nzones:\n${'- '.repeat(10_000)}x\n`],
    ['JSON objects', `{"version": 1, "zones": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`],
  ])('%s nested 10,000 deep: one clear line, not the engine\'s stack overflow', async (_, text) => {
    const loaded = loadSpecText(text, 'deep.yaml');
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]!.message).toBe('the spec nests lists and mappings too deeply to read; a spec needs only a few levels');
    const file = join(tempDir(), 'deep.yaml');
    writeFileSync(file, text);
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(/call stack/i);
    expect(r.stdout).toContain('too deeply to read');
  });
});

describe('a spec of 200,000 A records', () => {
  const RECORDS = 200_000;
  const dir = tempDir();
  const spec = join(dir, 'big.yaml');
  const lines = [SPEC_HEAD, '    hosts:'];
  for (let i = 0; i < RECORDS; i++) lines.push(`      h${i}: ${address(i)}`);
  writeFileSync(spec, lines.join('\n') + '\n');

  it('records lists every one (no stack overflow)', async () => {
    const r = await run('records', spec, '--format', 'csv', '-o', dir);
    // Only the note on the SOA and NS left out, on stderr (the CSV stays importable).
    expect(r.stderr).toMatch(/^\[1\] note \(3 rows\): The SOA and the apex NS records are left out/);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\r\n');
    expect(rows.filter((row) => row.split(',')[3] === 'A')).toHaveLength(RECORDS);
    expect(rows).toContain(`example.com.,h${RECORDS - 1},h${RECORDS - 1}.example.com.,A,3600,,,,${address(RECORDS - 1)},`);
  }, SCALE_TIMEOUT_MS);

  it('generate writes the zone with every one', async () => {
    const out = join(dir, 'zones');
    const r = await run('generate', spec, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zone = readFileSync(join(out, 'example.com.dns'), 'utf8');
    expect(zone.match(/\tA\t|\sA\s/g)).toHaveLength(RECORDS);
    expect(zone).toMatch(new RegExp(`\\nh${RECORDS - 1}\\s.*\\sA\\s+${address(RECORDS - 1).replace(/\./g, '\\.')}\\n`));
  }, SCALE_TIMEOUT_MS);
});

describe('a file that is not a regular file, or has no line structure', () => {
  const dir = tempDir();
  const fifo = join(dir, 'pipe.example.com.dns');
  execFileSync('mkfifo', [fifo]);
  const refusal = (path: string, kind: string) => `zonesmith: cannot read ${path}: not a regular file (${kind}); to read a stream, pipe it to standard input and give -`;

  it.each([
    ['lint', ['lint', '/dev/zero']],
    ['records', ['records', '/dev/zero', '--origin', 'example.com']],
    ['validate', ['validate', '/dev/zero']],
  ])('%s /dev/zero is refused at once', async (_, argv) => {
    expect(await failsInOneLine(...argv)).toBe(refusal('/dev/zero', 'a character device'));
  });

  it('a FIFO nobody writes to is refused at once by lint and records', async () => {
    expect(await failsInOneLine('lint', fifo)).toBe(refusal(fifo, 'a FIFO'));
    expect(await failsInOneLine('records', fifo)).toBe(refusal(fifo, 'a FIFO'));
  });

  it('generate --template /dev/zero is refused at once', async () => {
    expect(await failsInOneLine('generate', SPEC, '--stdout', '--template', '/dev/zero')).toBe(refusal('/dev/zero', 'a character device'));
  });

  it('the library reads only regular files too (a FIFO does not block it)', () => {
    const result = lintFile(fifo);
    expect(result.diagnostics[0]!.message).toBe(`cannot read ${fifo}: not a regular file (a FIFO)`);
    expect(loadSpecFile('/dev/zero').diagnostics.map((d) => d.message)).toEqual(['cannot read the spec: not a regular file']);
  });

  it('a FIFO where lint looks for its config (.zonesmith.yaml) is reported, not waited on', async () => {
    const folder = join(dir, 'with-fifo-config');
    mkdirSync(folder);
    execFileSync('mkfifo', [join(folder, '.zonesmith.yaml')]);
    const zone = join(folder, 'example.com.dns');
    writeFileSync(zone, '$TTL 1h\n@ IN SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1.example.net.\n@ IN NS ns2.example.net.\n');
    const r = await run('lint', zone);
    expect(r.stdout + r.stderr).toContain('cannot read the config file (not a regular file)');
  });

  it('a zone file of one 3 MiB line is read with a bound: one error for the record, then the rest of the verdict', async () => {
    const file = join(dir, 'oneline.example.com.dns');
    writeFileSync(file, 'a'.repeat(3 * 1024 * 1024));
    const r = await run('lint', file, '--format', 'json');
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as { message: string }[]).map((d) => d.message);
    expect(messages[0]).toBe('record is longer than 1048576 characters: check for a missing ")" or quote');
    expect(messages).toHaveLength(2); // and: the zone has no SOA record
  });
});

describe('messages', () => {
  it('records of a folder is one line, exit 2 (not "no SOA")', async () => {
    const dir = tempDir();
    expect(await failsInOneLine('records', dir)).toBe(`zonesmith: cannot read ${dir}: is a directory`);
  });

  it('records takes --allow-include-outside, which its include message suggests', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'zones'));
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'mail.inc'), 'mail IN A 192.0.2.25\n');
    const zone = join(dir, 'zones', 'example.com.dns');
    writeFileSync(zone, '$TTL 1h\n@ IN SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1.example.net.\n@ IN NS ns2.example.net.\n$INCLUDE ../shared/mail.inc\n');
    const refused = await run('records', zone, '--format', 'bind');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--allow-include-outside');
    const allowed = await run('records', zone, '--format', 'bind', '--allow-include-outside');
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('mail.example.com.\t3600\tIN\tA\t192.0.2.25\n');
  });

  it('a template that does not parse: one line naming the template file, exit 2', async () => {
    const template = join(tempDir(), 'broken-syntax.hbs');
    writeFileSync(template, '{{#each sections}}\n');
    expect(await failsInOneLine('generate', SPEC, '--stdout', '--template', template)).toMatch(new RegExp(`^zonesmith: template ${template.replace(/[.\\/]/g, '\\$&')}: Parse error on line 2`));
  });
});

describe('temporary files of a killed run', () => {
  /** A process id that is not running: a child's, after it has ended. */
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  const HOUR_AND_A_BIT_S = 61 * 60;

  it('are removed by the next run in that folder; anything else is left alone', async () => {
    const out = tempDir();
    const stale = `.example.org.dns.zonesmith-${deadPid}-0123abcd.tmp`;
    const aliveButOld = `.b.example.dns.zonesmith-${process.ppid}-89abcdef.tmp`;
    const aliveAndRecent = `.c.example.dns.zonesmith-${process.ppid}-01234567.tmp`;
    const ours = `.d.example.dns.zonesmith-${process.pid}-76543210.tmp`;
    for (const name of [stale, aliveButOld, aliveAndRecent, ours]) writeFileSync(join(out, name), 'half a zone');
    const old = Date.now() / 1000 - HOUR_AND_A_BIT_S;
    utimesSync(join(out, aliveButOld), old, old);
    // Not zonesmith's, or not a file: kept whatever their age.
    const userFiles = ['notes.tmp', `.example.org.dns.${deadPid}.tmp`, `example.org.dns.zonesmith-${deadPid}-0123abcd.tmp`, `.x.zonesmith-${deadPid}-0123abcd.tmp.bak`];
    for (const name of userFiles) writeFileSync(join(out, name), 'mine');
    const folder = `.e.zonesmith-${deadPid}-aaaaaaaa.tmp`;
    mkdirSync(join(out, folder));
    const link = `.f.zonesmith-${deadPid}-bbbbbbbb.tmp`;
    symlinkSync(join(out, 'notes.tmp'), join(out, link));

    const r = await run('generate', SPEC, '-o', out);
    expect(r.code, r.stderr).toBe(0);
    const left = readdirSync(out);
    expect(left).not.toContain(stale);
    expect(left).not.toContain(aliveButOld);
    for (const kept of [aliveAndRecent, ours, ...userFiles, folder, link]) expect(left).toContain(kept);
    expect(lstatSync(join(out, link)).isSymbolicLink()).toBe(true);
    expect(existsSync(join(out, 'example.org.dns'))).toBe(true);
  });

  it('removeStaleTemporaries says what it removed and passes over a folder it cannot list', () => {
    const dir = tempDir();
    const stale = `.z.dns.zonesmith-${deadPid}-cafef00d.tmp`;
    writeFileSync(join(dir, stale), '');
    expect(removeStaleTemporaries(dir)).toEqual([stale]);
    expect(removeStaleTemporaries(dir)).toEqual([]);
    expect(removeStaleTemporaries(join(dir, 'absent'))).toEqual([]);
  });

  it('a write in progress has a temporary name of that form, which the sweep of its own process leaves alone', () => {
    const dir = tempDir();
    const file = new AtomicFile(join(dir, 'report.txt'));
    file.write('half');
    const names = readdirSync(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^\\.report\\.txt\\.zonesmith-${process.pid}-[0-9a-f]{8}\\.tmp$`));
    expect(removeStaleTemporaries(dir)).toEqual([]);
    file.abandon();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('standard input is read with a bound', () => {
  /** Zeros without end, as `cat /dev/zero` gives them. */
  async function* endless(): AsyncGenerator<Uint8Array> {
    const block = new Uint8Array(64 * 1024);
    for (;;) yield block;
  }

  it('a stream past the bound is refused, not read until memory runs out', async () => {
    await expect(readAllBounded(endless(), 1024 * 1024)).rejects.toBeInstanceOf(InputTooLarge);
  });

  it('a stream within it is read whole', async () => {
    async function* two(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('a b');
      yield new TextEncoder().encode(' c\n');
    }
    expect(Buffer.from(await readAllBounded(two(), 6)).toString()).toBe('a b c\n');
  });

  it('the command says so in one line, exit 2', async () => {
    const io = bufferIo();
    io.readStdin = () => Promise.reject(new InputTooLarge(MAX_STDIN_BYTES));
    expect(await main(['lint', '-', '--origin', 'example.com'], io)).toBe(2);
    expect(io.stderr()).toBe('zonesmith: cannot read <stdin>: more than 256 MiB on standard input; name the file instead\n');
  });
});
