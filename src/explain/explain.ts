/**
 * `explain`: for one zone, walk each client's look-up sequence over what the zone answers. Takes the
 * model (records with where they were written), returns plain data (JSON as it stands); formatting is
 * format.ts. No file system, no console: the CLI and the browser page call the same function.
 */
import { PROFILE_IDS, PROTOCOLS, type ProfileId } from '../services/catalog.js';
import { MAX_NAME_OCTETS, Name } from '../zone/name.js';
import type { ParsedRecord } from '../zone/parser.js';
import type { ZoneProblem } from '../zone/problem.js';
import { ZoneChecks } from '../zone/zone-checks.js';
import { ZoneAnswers, ZoneRecords } from './answers.js';
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

/** Why BIND refuses the zone: the first problem of one kind, and how many of that kind there are. */
export interface Refusal {
  /** `file:line:column` of the first. */
  where: string;
  /** The problem's kind (ZONE_PROBLEM_KINDS), as `lint` reports it. */
  kind: string;
  message: string;
  count: number;
}

export interface Explanation {
  /** The zone's apex, absolute. */
  zone: string;
  /** The mail domain the clients start from, absolute. */
  domain: string;
  email: string;
  /** BIND loads the zone (no parse error, no zone-level refusal). */
  loads: boolean;
  /** Why BIND refuses it: the first problem of each kind, with their count, in file order. */
  refusals: Refusal[];
  /** The vendor hosting the domain's mail (by its apex MX) and how its own clients find it. */
  hosted?: HostedVendorView;
  clients: ExplainedClient[];
  /** Clients not explained by default: they need a server product the zone does not show (ask for them by id). */
  leftOut?: LeftOut[];
  /** The zone loads and every client explained sets itself up, or fails only where the mail vendor documents no record. */
  ok: boolean;
}

export interface LeftOut {
  id: string;
  name: string;
  why: string;
}

/** The SRV labels only this profile has (MDaemon's `_airsync._tcp`, `_pop._tcp`, `_smtp._tcp`), from the catalog. */
function ownLabels(profile: ProfileId): string[] {
  const labels: string[] = [];
  for (const protocol of PROTOCOLS) {
    const label = protocol.labels[profile];
    if (label && !PROFILE_IDS.some((other) => other !== profile && protocol.labels[other] === label)) labels.push(label);
  }
  return labels;
}

function ownLabelsPublished(answers: ZoneAnswers, domain: Name, profile: ProfileId): boolean {
  return ownLabels(profile).some((label) => answers.at(Name.from(label, domain), 'SRV').length > 0);
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
  const domain = options.email === undefined ? origin : emailDomain(options.email);
  if (!domain) return `"${options.email}" is not an e-mail address (user@example.com)`;
  if (!domain.isSubdomainOf(origin)) return `${options.email}: ${domain} is not in the zone ${origin}, so the zone cannot answer for it`;
  // The clients put labels in front of the domain (`_autodiscover._tcp.`, `imap.mail.`): leave them room in 255 octets.
  if (domain.wireLength > MAX_NAME_OCTETS - LOOKUP_PREFIX_OCTETS) return `${domain} is too long for the names clients look up below it (at most ${MAX_NAME_OCTETS - LOOKUP_PREFIX_OCTETS} octets)`;
  return undefined;
}

/** Room for the longest prefix a client table puts before the domain (`_autodiscover._tcp.` is 19 octets). */
const LOOKUP_PREFIX_OCTETS = 32;

function emailDomain(email: string): Name | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return undefined;
  const text = email.slice(at + 1).replace(/\.$/, '');
  const parsed = Name.parse(`${text}.`);
  return parsed.ok ? parsed.name : undefined;
}

/**
 * Reads a zone one record at a time, as it streams from the parser, keeping only what the walk needs
 * (ZoneRecords), BIND's zone-level checks and the first refusal of each kind; then explains it. A zone of
 * a million records needs the memory of its names, not of its records.
 */
export class ZoneExplainer {
  private readonly records = new ZoneRecords();
  private readonly checks = new ZoneChecks();
  private readonly refusals = new Map<string, Refusal>();

  /** A record as the parser or the spec resolver gives it. */
  add(record: ParsedRecord): void {
    this.checks.add(record);
    const position = record.position as ParsedRecord['position'] | undefined;
    this.records.add(record, position ? { file: position.file, line: position.line } : undefined);
  }

  /** A problem the reader found; its errors mean BIND refuses the zone. */
  problem(problem: ZoneProblem): void {
    if (problem.severity !== 'error') return;
    const seen = this.refusals.get(problem.kind);
    if (seen) seen.count++;
    else this.refusals.set(problem.kind, { where: `${problem.file}:${problem.line}:${problem.column}`, kind: problem.kind, message: problem.message, count: 1 });
  }

  /**
   * Walks the clients over the zone read so far.
   *
   * @throws TypeError when the options name an unknown client or an address outside the zone (see explainOptionsProblem).
   */
  explain(origin: Name, options: ExplainOptions = {}): Explanation {
    const problem = explainOptionsProblem(origin, options);
    if (problem) throw new TypeError(problem);
    for (const p of this.checks.finish(origin)) this.problem(p);
    const email = options.email ?? `user@${origin.toString().replace(/\.$/, '')}`;
    const domain = emailDomain(email)!;
    const answers = new ZoneAnswers(origin, this.records);
    const hosted = hostedMailFor(answers.at(origin, 'MX'));
    const context: WalkContext = { answers, domain, email, hosted };
    const asked = options.clients && options.clients.length > 0;
    const tables: ClientTable[] = asked ? options.clients!.map((id) => clientById(id)!) : [...CLIENTS];
    // A server product's own clients (MDaemon's) are explained by default only where the zone shows that product.
    const leftOut: LeftOut[] = [];
    if (!asked) {
      for (const table of tables) {
        if (!table.server) continue;
        const why = hosted.vendor
          ? `they are for ${table.server.name} servers; ${hosted.vendor.name} runs this domain's mail`
          : ownLabelsPublished(answers, domain, table.server.profile)
            ? undefined
            : `they are for ${table.server.name} servers, and the zone publishes none of its own SRV labels (${ownLabels(table.server.profile).join(', ')})`;
        if (why) leftOut.push({ id: table.id, name: table.name, why });
      }
    }
    const clients = tables
      .filter((table, i) => tables.indexOf(table) === i && !leftOut.some((l) => l.id === table.id))
      .map((table) => walkClient(context, table));
    const refusals = [...this.refusals.values()].sort(byPlace);
    const loads = refusals.length === 0;
    const explanation: Explanation = {
      zone: origin.toString(),
      domain: domain.toString(),
      email,
      loads,
      refusals,
      clients,
      ok: loads && clients.every((client) => client.setUp || onlyVendorGaps(client)),
    };
    if (hosted.vendor) explanation.hosted = hosted.vendor;
    if (leftOut.length > 0) explanation.leftOut = leftOut;
    return explanation;
  }
}

/** File order: by file name as given, then line, then column. */
function byPlace(a: Refusal, b: Refusal): number {
  const [fa, la, ca] = splitWhere(a.where);
  const [fb, lb, cb] = splitWhere(b.where);
  return fa === fb ? la - lb || ca - cb : fa < fb ? -1 : 1;
}

function splitWhere(where: string): [string, number, number] {
  const match = /^(.*):(\d+):(\d+)$/.exec(where);
  return match ? [match[1]!, Number(match[2]), Number(match[3])] : [where, 0, 0];
}

/**
 * Explains a zone held whole: per client, each step it takes, what the zone answers, where it ends up.
 *
 * @throws TypeError when the options name an unknown client or an address outside the zone (see explainOptionsProblem).
 */
export function explainRecords(input: ExplainInput, options: ExplainOptions = {}): Explanation {
  const explainer = new ZoneExplainer();
  for (const record of input.records) explainer.add(record);
  for (const problem of input.problems ?? []) explainer.problem(problem);
  return explainer.explain(input.origin, options);
}

/** A client that fails only where the domain's mail vendor documents nothing: the zone is as the vendor says. */
function onlyVendorGaps(client: ExplainedClient): boolean {
  return client.goals.every((goal) => goal.outcome !== 'fails' || goal.vendorGap === true) && !client.goals.some((g) => g.steps.some((s) => s.verdict === 'broken'));
}
