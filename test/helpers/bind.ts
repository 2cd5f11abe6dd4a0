/**
 * BIND's own verdict on a zone: `named-checkzone -i local -M fail -S fail` (MX/SRV to a CNAME fatal,
 * in-zone integrity checked, nothing resolved over the network). Tests that need it call
 * `bindAvailable()`: under CI=true a missing binary is a failure; elsewhere the test is skipped with a
 * visible message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The binary to run: NAMED_CHECKZONE when set (a test of this helper points it elsewhere). */
const binary = () => process.env.NAMED_CHECKZONE ?? 'named-checkzone';

export interface BindVerdict {
  /** Exit code of named-checkzone (0: the zone loads). */
  code: number;
  /** Every output line, stdout then stderr. */
  lines: string[];
  /** Lines other than "zone ...: loaded serial N" and "OK": warnings and errors. */
  problems: string[];
}

const probed = new Map<string, boolean>();

/**
 * True when named-checkzone runs. When it does not: under CI a missing binary throws (the test
 * fails); elsewhere this prints why and returns false, and the caller skips its test.
 */
export function bindAvailable(): boolean {
  const name = binary();
  let available = probed.get(name);
  if (available === undefined) {
    available = spawnSync(name, ['-v'], { encoding: 'utf8' }).status === 0;
    probed.set(name, available);
  }
  if (!available) {
    const message = `${name} not found (Debian: apt-get install bind9-utils)`;
    if (process.env.CI && process.env.CI !== 'false') throw new Error(`${message}; the BIND checks are required under CI`);
    console.warn(`SKIPPED: BIND checks: ${message}`);
  }
  return available;
}

const LOADED = /^zone \S+: loaded serial [0-9]+$/;

export function checkZoneFile(origin: string, file: string): BindVerdict {
  const run = spawnSync(binary(), ['-i', 'local', '-M', 'fail', '-S', 'fail', origin, file], { encoding: 'utf8' });
  const lines = `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '');
  return { code: run.status ?? -1, lines, problems: lines.filter((l) => !LOADED.test(l) && l !== 'OK') };
}

export function checkZoneText(origin: string, text: string): BindVerdict {
  const dir = mkdtempSync(join(tmpdir(), 'zonesmith-bind-'));
  try {
    const file = join(dir, 'zone.dns');
    writeFileSync(file, text);
    return checkZoneFile(origin, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BindDump {
  /** Exit code of named-compilezone (0: the zone loads). */
  code: number;
  /** The zone as BIND holds it, one record per line, names absolute. */
  dump: string;
  /** What BIND said on stderr (the reason when it refuses). */
  messages: string;
}

/**
 * BIND's dump of a zone file, made as the corpus's `canonical/` files were: `named-compilezone -k warn
 * -i local -s full`, run in the file's folder (relative $INCLUDEs are read from there, as in the corpus).
 */
export function compileZone(origin: string, file: string): BindDump {
  const run = spawnSync(
    process.env.NAMED_COMPILEZONE ?? 'named-compilezone',
    ['-q', '-k', 'warn', '-i', 'local', '-s', 'full', '-o', '-', origin, basename(file)],
    { cwd: dirname(file), encoding: 'utf8' },
  );
  return { code: run.status ?? -1, dump: run.stdout ?? '', messages: run.stderr ?? '' };
}
