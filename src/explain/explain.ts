/**
 * `explain`: for one zone, walk each client's look-up sequence over what the zone answers. Takes the
 * model (records with where they were written), returns plain data (JSON as it stands); formatting is
 * format.ts. No file system, no console: the CLI and the browser page call the same function.
 */
import { Name } from '../zone/name.js';
import type { ParsedRecord } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import type { ResourceRecord } from '../zone/record.js';
import { ZoneChecks } from '../zone/zone-checks.js';
import { ZoneAnswers } from './answers.js';
import { CLIENT_IDS, CLIENTS, clientById, type ClientTable } from './clients.js';
import type { HostedVendorView } from './hosted.js';
import { hostedMailFor } from './vendors.js';
import { walkClient, type ExplainedClient, type WalkContext } from './walk.js';

export interface ExplainOptions {
  /** Client ids (CLIENT_IDS) to explain, in the order given; all when absent or empty. */
  clients?: readonly string[];
  /** The address the user types; default `user@<zone apex>`. Its domain must be in the zone. */
  email?: string;
}

export interface Refusal {
  /** `file:line:column`. */
  where: string;
  /** The problem's kind (ZONE_PROBLEM_KINDS), as `lint` reports it. */
  kind: string;
  message: string;
}

export interface Explanation {
  /** The zone's apex, absolute. */
  zone: string;
  /** The mail domain the clients start from, absolute. */
  domain: string;
  email: string;
  /** BIND loads the zone (no parse error, no zone-level refusal). */
  loads: boolean;
  /** Why BIND refuses it, in file order. */
  refusals: Refusal[];
  /** The vendor hosting the domain's mail (by its apex MX) and how its own clients find it. */
  hosted?: HostedVendorView;
  clients: ExplainedClient[];
  /** Clients not explained by default because they need a server product the domain's mail vendor does not run. */
  leftOut?: { id: string; name: string; server: string }[];
  /** The zone loads and every client explained sets itself up, or fails only where the mail vendor documents no record. */
  ok: boolean;
}

/** A zone as explain reads it: its apex and its records (each with where it was written, when known). */
export interface ExplainInput {
  origin: Name;
  records: readonly ParsedRecord[];
  /** What the reader found wrong; errors mean BIND refuses the zone. */
  problems?: readonly ZoneProblem[];
}

/** What is wrong with the options, in one sentence, or undefined. The CLI says it before reading anything heavy. */
export function explainOptionsProblem(origin: Name, options: ExplainOptions): string | undefined {
  for (const id of options.clients ?? []) {
    if (!clientById(id)) return `unknown client "${id}"; clients are ${CLIENT_IDS.join(', ')}`;
  }
  if (options.email === undefined) return undefined;
  const domain = emailDomain(options.email);
  if (!domain) return `"${options.email}" is not an e-mail address (user@example.com)`;
  if (!domain.isSubdomainOf(origin)) return `${options.email}: ${domain} is not in the zone ${origin}, so the zone cannot answer for it`;
  return undefined;
}

function emailDomain(email: string): Name | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return undefined;
  const text = email.slice(at + 1).replace(/\.$/, '');
  const parsed = Name.parse(`${text}.`);
  return parsed.ok ? parsed.name : undefined;
}

/**
 * Explains a zone: per client, each step it takes, what the zone answers, where it ends up.
 *
 * @throws TypeError when the options name an unknown client or an address outside the zone (see explainOptionsProblem).
 */
export function explainRecords(input: ExplainInput, options: ExplainOptions = {}): Explanation {
  const problem = explainOptionsProblem(input.origin, options);
  if (problem) throw new TypeError(problem);
  const email = options.email ?? `user@${input.origin.toString().replace(/\.$/, '')}`;
  const domain = emailDomain(email)!;
  const refusals = refusalsOf(input);
  const hosted = hostedMailFor(input.origin, input.records);
  const context: WalkContext = {
    answers: new ZoneAnswers(input.origin, input.records as readonly ResourceRecord[]),
    domain,
    email,
    hosted,
    whereOf: (record) => {
      const position = (record as Partial<ParsedRecord>).position;
      return position ? `${position.file}:${position.line}` : undefined;
    },
  };
  const asked = options.clients && options.clients.length > 0;
  const tables: ClientTable[] = asked ? options.clients!.map((id) => clientById(id)!) : [...CLIENTS];
  // A hosted vendor's domain has no MDaemon server behind it: its clients are explained only when asked for.
  const leftOut = !asked && hosted.vendor ? tables.filter((table) => table.server !== undefined) : [];
  const clients = tables
    .filter((table, i) => tables.indexOf(table) === i && !leftOut.includes(table))
    .map((table) => walkClient(context, table));
  const loads = refusals.length === 0;
  const explanation: Explanation = {
    zone: input.origin.toString(),
    domain: domain.toString(),
    email,
    loads,
    refusals,
    clients,
    ok: loads && clients.every((client) => client.setUp || onlyVendorGaps(client)),
  };
  if (hosted.vendor) explanation.hosted = hosted.vendor;
  if (leftOut.length > 0) explanation.leftOut = leftOut.map((table) => ({ id: table.id, name: table.name, server: table.server! }));
  return explanation;
}

/** A client that fails only where the domain's mail vendor documents nothing: the zone is as the vendor says. */
function onlyVendorGaps(client: ExplainedClient): boolean {
  return client.goals.every((goal) => goal.outcome !== 'fails' || goal.vendorGap === true) && !client.goals.some((g) => g.steps.some((s) => s.verdict === 'broken'));
}

/** The reader's errors and BIND's zone-level refusals (zone-checks.ts), in file order. */
function refusalsOf(input: ExplainInput): Refusal[] {
  const checks = new ZoneChecks();
  for (const record of input.records) checks.add(record);
  const problems = (input.problems ?? []).filter((p) => p.severity === 'error');
  for (const p of checks.finish(input.origin)) if (p.severity === 'error') problems.push(p);
  return problems
    .slice()
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => ({ where: `${p.file}:${p.line}:${p.column}`, kind: p.kind, message: p.message }));
}
