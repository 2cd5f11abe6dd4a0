/**
 * Resolved zones -> zone file texts, with each SOA serial settled (serial.ts) against the text of the
 * file already there, when the caller has one. Text in, text out: write.ts adds the disk.
 */
import type { ResolvedZone } from '../spec/resolve.js';
import type { SoaData } from '../zone/record.js';
import { defaultTemplate, renderZone, type CompiledTemplate } from './render.js';
import { readSerial, settleSerial, type SerialOutcome } from './serial.js';

export interface RenderZonesOptions {
  /** The layout; templates/zone.hbs when absent. */
  template?: CompiledTemplate;
  /** Name of the spec for the header comment (`hosting.yaml`). */
  specFile: string;
  /** The date `serial: auto` counts from (YYYYMMDDnn); now when absent. */
  date?: Date;
  /** The current text of a zone's file (by file name, `example.com.dns`), if there is one: its serial is kept or raised. */
  existing?: (fileName: string) => string | undefined;
}

export interface RenderedZone {
  /** The zone as the spec names it (`example.com`). */
  domain: string;
  /** The file it is written to (`example.com.dns`). */
  fileName: string;
  /** The zone file text. */
  text: string;
  /** How the SOA serial was settled. */
  serial: SerialOutcome;
  /** The text `existing` gave for this file. */
  existing?: string;
}

export function zoneFileName(domain: string): string {
  return `${domain}.dns`;
}

/** Renders every zone, serials settled against `existing`. */
export function renderZones(zones: readonly ResolvedZone[], options: RenderZonesOptions): RenderedZone[] {
  const template = options.template ?? defaultTemplate();
  const date = options.date ?? new Date();
  return zones.map((resolved) => {
    const fileName = zoneFileName(resolved.domain);
    const existing = options.existing?.(fileName);
    const render = (serial: number) => {
      const records = resolved.zone.records.map((r) => (r.type === 'SOA' ? { ...r, data: { ...(r.data as SoaData), serial } } : r));
      return renderZone({ ...resolved.zone, records }, template, options.specFile, fileName, resolved.profiles);
    };
    const current = existing === undefined ? undefined : { text: existing, serial: readSerial(existing, resolved.zone.origin, fileName) };
    const { text, outcome } = settleSerial(resolved.serial, render, current, date);
    const rendered: RenderedZone = { domain: resolved.domain, fileName, text, serial: outcome };
    if (existing !== undefined) rendered.existing = existing;
    return rendered;
  });
}
