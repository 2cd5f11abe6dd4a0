/** Options that more than one command declares, and the decisions they share. */
import { binaryFromText } from '../zone/bytes.js';
import { Name } from '../zone/name.js';
import { CommandError } from './errors.js';
import type { Input } from './inputs.js';

/** The input of the commands that read a spec or one zone file (records, verify, explain). */
export const SPEC_OR_ZONE_INPUT = {
  type: 'string',
  describe: 'A spec (.yaml, .yml, .json) or a zone file; - reads standard input (a spec, or a zone with --origin)',
  demandOption: true,
} as const;

export const ZONE_OPTION = { alias: 'z', type: 'string', array: true, describe: 'Only these zones of the spec (repeatable)' } as const;

export const ORIGIN_OPTION = {
  type: 'string',
  describe: 'Zone origin (default: a leading $ORIGIN, else the file name); required for a zone on standard input',
} as const;

export const STDIN_FILENAME_OPTION = {
  type: 'string',
  describe: 'The file name standard input (-) stands for: used in messages, and for a zone its origin as for a file',
} as const;

export const OUTPUT_FILE_OPTION = {
  type: 'string',
  describe: 'Write the report to this file (atomically) instead of standard output',
} as const;

export interface OriginArgs {
  origin?: string;
  stdinFilename?: string;
}

/** `--origin` as a name; a CommandError when it is not one. */
export function parseOrigin(text: string): Name {
  const origin = Name.parse(binaryFromText(text.endsWith('.') ? text : `${text}.`));
  if (!origin.ok) throw new CommandError(`--origin: ${origin.error}`);
  return origin.name;
}

/**
 * The origin a zone input is read with, the same for every command that reads zone files: `--origin`
 * when given; otherwise undefined, and the parser takes a leading $ORIGIN, else the file name. Standard
 * input has no file name (unless --stdin-filename gives one), so a zone there needs `--origin`.
 */
export function zoneOrigin(args: OriginArgs, input: Input): Name | undefined {
  if (args.origin !== undefined) return parseOrigin(args.origin);
  if (input.stdin && args.stdinFilename === undefined) {
    throw new CommandError('a zone on standard input needs --origin (for example --origin example.com)');
  }
  return undefined;
}

/** lint and records read zone files the same way: `$INCLUDE` stays in the zone file's folder tree unless this. */
export const ALLOW_INCLUDE_OUTSIDE_OPTION = { type: 'boolean', default: false, describe: 'Follow $INCLUDE outside the zone file folder' } as const;

/** `--sarif-root DIR`, for every command that writes SARIF (lint, validate, generate). */
export const SARIF_ROOT_OPTION = {
  type: 'string',
  describe: 'Folder SARIF file URIs are relative to (%SRCROOT%; default: the working directory)',
} as const;

/** The options `validate` and `generate` share with `lint`. */
export const SPEC_REPORT_OPTIONS = {
  'max-warnings': { type: 'number', describe: 'Exit 1 when there are more warnings than this' },
  config: { alias: 'c', type: 'string', describe: "Lint config (default: the spec's lint: key, else the nearest .zonesmith.yaml)" },
  'sarif-root': SARIF_ROOT_OPTION,
} as const;
