/**
 * BIND's own verdict on a zone: `named-checkzone -i local -M fail -S fail` (MX/SRV to a CNAME fatal,
 * in-zone integrity checked, nothing resolved over the network). Tests that need it call
 * `bindAvailable()`: under CI=true a missing binary is a failure; elsewhere the test is skipped with a
 * visible message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NAMED_CHECKZONE = process.env.NAMED_CHECKZONE ?? 'named-checkzone';

export interface BindVerdict {
  /** Exit code of named-checkzone (0: the zone loads). */
  code: number;
  /** Every output line, stdout then stderr. */
  lines: string[];
  /** Lines other than "zone ...: loaded serial N" and "OK": warnings and errors. */
  problems: string[];
}

let available: boolean | undefined;

/** True when named-checkzone runs; under CI=true a missing binary throws instead. */
export function bindAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync(NAMED_CHECKZONE, ['-v'], { encoding: 'utf8' });
    available = probe.status === 0;
  }
  if (!available) {
    const message = `${NAMED_CHECKZONE} not found (Debian: apt-get install bind9-utils)`;
    if (process.env.CI === 'true') throw new Error(`${message}; the BIND checks are required under CI`);
    console.warn(`SKIPPED: BIND checks: ${message}`);
  }
  return available;
}

const LOADED = /^zone \S+: loaded serial [0-9]+$/;

export function checkZoneFile(origin: string, file: string): BindVerdict {
  const run = spawnSync(NAMED_CHECKZONE, ['-i', 'local', '-M', 'fail', '-S', 'fail', origin, file], { encoding: 'utf8' });
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
