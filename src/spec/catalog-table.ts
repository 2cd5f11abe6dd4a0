/**
 * The service catalog as a Markdown table, for the README and the examples' docs: written from
 * src/services/catalog.ts so the documentation cannot drift from what the generator publishes.
 */
import { PROFILE_IDS, PROTOCOLS } from '../services/catalog.js';

export function catalogTable(): string {
  const header = ['protocol', ...PROFILE_IDS.map((id) => `\`${id}\` label`), 'default port', 'source'];
  const rows = PROTOCOLS.map((p) => [
    `\`${p.id}\`${p.davPath ? ' (path)' : ''}`,
    ...PROFILE_IDS.map((id) => (p.labels[id] ? `\`${p.labels[id]}\`` : '(none)')),
    String(p.defaultPort),
    p.source,
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n';
}

/** Replaces the text between `<!-- catalog:start -->` and `<!-- catalog:end -->` with the table. */
export function withCatalogTable(markdown: string): string {
  const start = '<!-- catalog:start -->';
  const end = '<!-- catalog:end -->';
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) return markdown;
  return `${markdown.slice(0, from + start.length)}\n${catalogTable()}${markdown.slice(to)}`;
}
