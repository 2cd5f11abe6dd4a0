/**
 * The spec `init --from` writes, as YAML text: a header that says where it came from and what it
 * does not carry, then `version: 1` and the zones. Record entries and MX entries are one line each
 * (flow maps), as a person writes them.
 */
import { Document, isMap, isSeq, type Node } from 'yaml';
import type { AdoptedZone } from './adopt.js';

export function specText(zones: readonly AdoptedZone[], from: string): string {
  const doc = new Document({ version: 1, zones: zones.map((z) => z.zone) });
  const zonesNode = doc.get('zones') as Node;
  if (isSeq(zonesNode)) {
    zonesNode.items.forEach((zoneNode, i) => {
      if (!isMap(zoneNode)) return;
      for (const key of ['records', 'mx']) {
        const list = zoneNode.get(key, true);
        if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
      }
      const soa = zoneNode.get('soa', true);
      const serial = zones[i]!.originalSerial;
      if (isMap(soa) && serial !== undefined) {
        const pair = soa.items.find((p) => (p.key as { value?: unknown })?.value === 'serial');
        if (pair && pair.value && typeof pair.value === 'object') {
          (pair.value as Node).comment = ` the zone read had ${serial}; generate must write a higher one for secondaries to transfer (set a number here if needed)`;
        }
      }
      const nameservers = zoneNode.get('nameservers', true);
      if (isSeq(nameservers)) nameservers.flow = true;
    });
  }
  const notes = zones.flatMap((z) => z.notes.map((n) => `  - ${z.zone.domain as string}: ${n.rrset ? `${n.rrset}: ` : ''}${n.message}`));
  const header = [
    '# yaml-language-server: $schema=https://github.com/zonesmith/zonesmith/schemas/zonesmith.schema.json',
    `# Adopted from ${from} by zonesmith init --from: \`zonesmith generate\` writes the zone again.`,
    ...(notes.length > 0 ? ['# Not carried over (the spec does not hold these as they are):', ...notes.map((n) => `#${n}`)] : ['# Every record is carried over.']),
  ];
  doc.commentBefore = header.map((l) => l.slice(1)).join('\n');
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: true });
}
