/**
 * The export formats, as one library call: a zone's records in, file texts and notes out. No file
 * system here; the command (src/commands/export.run.ts) names and writes the files.
 */
import { exportDnscontrol } from './dnscontrol.js';
import { exportDnsZonefile } from './dns-zonefile.js';
import { IMPORT_TARGET_IDS, type ImportTargetId } from './import-targets.js';
import type { ExportFile, ExportNote, ExportZone } from './model.js';
import { exportOctodns } from './octodns.js';
import { exportZoneFile } from './zonefile.js';

export const EXPORT_FORMATS = ['zonefile', 'octodns', 'dnscontrol', 'dns-zonefile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { IMPORT_TARGET_IDS, type ImportTargetId };
export type { ExportFile, ExportNote, ExportZone };

export interface ExportOptions {
  to: ExportFormat;
  /** For `zonefile`: the provider whose importer the file is for. */
  for?: ImportTargetId;
  /** For `zonefile`: several files when one would pass the importer's limit. */
  split?: boolean;
}

export interface ExportedFile extends ExportFile {
  /** The file name the format calls for: `example.com.yaml`, `dnsconfig.js`, ... */
  name: string;
}

export interface ExportOutcome {
  files: ExportedFile[];
  notes: (ExportNote & { zone?: string })[];
}

const domainOf = (zone: ExportZone) => zone.origin.toString().replace(/\.$/, '');

export function exportZones(zones: readonly ExportZone[], options: ExportOptions): ExportOutcome {
  if (options.to === 'dnscontrol') {
    const result = exportDnscontrol(zones);
    return { files: result.files.map((f) => ({ ...f, name: 'dnsconfig.js' })), notes: result.notes };
  }
  const files: ExportedFile[] = [];
  const notes: ExportOutcome['notes'] = [];
  for (const zone of zones) {
    const domain = domainOf(zone);
    let result;
    let name: (suffix: string) => string;
    switch (options.to) {
      case 'zonefile': {
        if (!options.for) throw new TypeError(`--to zonefile needs --for, one of ${IMPORT_TARGET_IDS.join(', ')}`);
        const target = options.for;
        result = exportZoneFile(zone, target, { split: options.split ?? false });
        name = (suffix) => `${domain}.${target}${suffix}.zone`;
        break;
      }
      case 'octodns':
        result = exportOctodns(zone);
        name = () => `${domain}.yaml`;
        break;
      case 'dns-zonefile':
        result = exportDnsZonefile(zone);
        name = () => `${domain}.json`;
        break;
    }
    for (const f of result.files) files.push({ ...f, name: name(f.suffix) });
    for (const n of result.notes) notes.push({ ...n, zone: domain });
  }
  return { files, notes };
}
