/**
 * Documentation written from the sources of truth, so it cannot drift: the service catalog
 * (src/services/catalog.ts) and the spec reference (the schema's descriptions) as Markdown tables,
 * and the marker-delimited blocks of a Markdown file that hold them.
 */
import { PROFILE_IDS, PROTOCOLS } from '../services/catalog.js';
import { buildSpecSchema } from './schema.js';

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

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; anyOf?: Schema[] };

/** Every key of a spec with its description, as a Markdown table (`zones[].soa.serial`, ...). */
export function specReferenceTable(): string {
  const root = buildSpecSchema() as Schema & { $defs: Record<string, Schema> };
  const deref = (schema: Schema): Schema => (schema.$ref ? (root.$defs[schema.$ref.replace('#/$defs/', '')] ?? schema) : schema);
  /** The keys below a schema, looking through lists and the object branch of an anyOf. */
  const shape = (schema: Schema, list = false): { props: Record<string, Schema>; list: boolean } | undefined => {
    const s = deref(schema);
    if (s.properties) return { props: s.properties, list };
    if (s.items) return shape(s.items, true);
    for (const branch of s.anyOf ?? []) {
      const found = shape(branch, list);
      if (found) return found;
    }
    return undefined;
  };
  const rows: string[][] = [];
  const row = (key: string, description: string | undefined) => rows.push([`\`${key}\``, (description ?? '').replace(/\|/g, '\\|').replace(/</g, '&lt;')]);
  const walk = (schema: Schema, path: string) => {
    const found = shape(schema);
    if (!found) return;
    const prefix = path === '' ? '' : `${path}${found.list ? '[]' : ''}.`;
    for (const [key, child] of Object.entries(found.props)) {
      if (key === '$schema') continue;
      if (key === 'defaults') {
        row(key, `${child.description} Same keys as a zone, without \`domain\`.`);
        continue;
      }
      row(`${prefix}${key}`, child.description ?? deref(child).description);
      if (key === 'services') {
        // One row for all protocols (the catalog table lists them), then the keys of a service.
        const service = root.$defs.service!;
        row(`${prefix}services.<protocol>`, service.description);
        walk(service, `${prefix}services.<protocol>`);
      } else walk(child, `${prefix}${key}`);
    }
  };
  walk(root, '');
  return [['key', 'meaning'], ['---', '---'], ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n';
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` with `content`. */
export function withBlock(markdown: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) return markdown;
  return `${markdown.slice(0, from + start.length)}\n${content}${markdown.slice(to)}`;
}

/** A Markdown file with its generated blocks (`catalog`, `spec`) brought up to date. */
export function withGeneratedDocs(markdown: string): string {
  return withBlock(withBlock(markdown, 'catalog', catalogTable()), 'spec', specReferenceTable());
}
