/**
 * The one walker: takes a client's table (clients.ts) and the zone's answers (answers.ts) and says,
 * step by step, what the client asks, what the zone answers, and where the client ends up, or that it
 * fails and which record would fix it. Every client goes through the same code; what differs is data.
 */
import { protocolById, type Protocol } from '../services/catalog.js';
import { latin1String } from '../zone/bytes.js';
import { Name } from '../zone/name.js';
import { formatRdata } from '../zone/rdata.js';
import type { ResourceRecord, SrvData } from '../zone/record.js';
import { addressesOf, type AddressAnswer, type Answer, type KeptRecord, type ZoneAnswers } from './answers.js';
import type { Attempt, ClientGoal, ClientStep, ClientTable, ConnectStep, HttpStep, MxDomainStep, RelativeHost, Security, SrvStep } from './clients.js';
import type { HostedMail } from './hosted.js';

/** A record as the walk shows it: its zone-file line and, when known, where it was written. */
export interface ShownRecord {
  text: string;
  /** `file:line` of the zone file (or spec) that wrote it. */
  where?: string;
}

/**
 * What one step comes to:
 * - `lands`: the zone alone decides where the client goes (an SRV target with an address, or a host a
 *   hosted-mail vendor runs);
 * - `maybe`: the host has an address, and the client goes there if the server answers (HTTP, a guess);
 * - `not-offered`: the zone says the service is not offered (SRV target `.`);
 * - `nothing`: nothing here, the client moves on;
 * - `broken`: a record is there but leads nowhere (a target without an address, port 0, a CNAME loop);
 * - `unknown`: the answer lies outside the zone (or below a delegation) and the zone cannot tell;
 * - `elsewhere`: the step does not consult DNS for this domain at all;
 * - `skipped`: the client skips the step for this domain.
 */
export type Verdict = 'lands' | 'maybe' | 'not-offered' | 'nothing' | 'broken' | 'unknown' | 'elsewhere' | 'skipped';

export interface Endpoint {
  host: string;
  /** Ports in the order the client tries them, each with how it secures the connection; empty when the server decides. */
  attempts: Attempt[];
  url?: string;
  /** The host's addresses as the zone gives them; empty when it lies outside the zone. */
  addresses: string[];
  /** The host lies outside this zone (or below a delegation): its address is not checked. */
  outside?: boolean;
  /** Who runs it, when the hosted-mail data knows the host. */
  operator?: string;
  /** The SRV priority it came with (for choosing among several). */
  priority?: number;
}

export interface ExplainedStep {
  /** What the client asks, in one line (`SRV _imaps._tcp.example.com.`, `GET https://...`). */
  asks: string;
  /** Who asks, when not the client itself. */
  by?: string;
  /** What the zone answers: the records that matter. */
  answers: ShownRecord[];
  verdict: Verdict;
  /** The answer in words. */
  says: string;
  endpoint?: Endpoint;
  /** Records to add or change (zone-file lines) so that this step works. */
  fix?: string[];
  note?: string;
}

export type Outcome = 'found' | 'maybe' | 'not-offered' | 'unknown' | 'fails';

export interface ExplainedGoal {
  id: string;
  title: string;
  steps: ExplainedStep[];
  outcome: Outcome;
  /** Where the client ends up (for `found` and `maybe`). */
  endsUp?: Endpoint;
  /** Other places it may end up: hosts asked before the landing that win if their server answers, or later maybes. */
  alternatives: Endpoint[];
  says: string;
  /** Records that would make the client find a server, when it fails or a step is broken. */
  fix: string[];
  /** When it fails on a hosted-mail domain: the vendor's servers for it, to set the client up by hand. */
  byHand?: string[];
  /** It fails because the domain's mail vendor documents no record for it: the zone is as the vendor says. */
  vendorGap?: boolean;
  note?: string;
}

export interface ExplainedClient {
  id: string;
  name: string;
  sources: string[];
  note?: string;
  goals: ExplainedGoal[];
  /** What the domain's hosted-mail vendor says this client does, when its instructions name it. */
  vendorSays?: string;
  /** The client finds what it needs (every goal of one of its `needs` sets is not `fails`, and nothing on the way is broken). */
  setUp: boolean;
  says: string;
}

export interface WalkContext {
  answers: ZoneAnswers;
  /** The mail domain (the part of the address after `@`). */
  domain: Name;
  email: string;
  /** Hosted-mail vendor facts, when known. */
  hosted: HostedMail;
}

const SECURITY_WORDS: Record<Security, string> = {
  'implicit-tls': 'TLS',
  starttls: 'STARTTLS',
  https: 'HTTPS',
  http: 'plain HTTP',
};

/** `993 (TLS), then 143 (STARTTLS)`. */
export function attemptsText(attempts: readonly Attempt[]): string {
  return attempts.map((a) => `${a.port} (${SECURITY_WORDS[a.security]})`).join(', then ');
}

/** `https://adsc.example.com/...` or `adsc.example.com. port 993 (TLS)`: an endpoint in a few words. */
export function endpointText(endpoint: Endpoint): string {
  const where = endpoint.url ?? (endpoint.attempts.length > 0 ? `${endpoint.host} port ${attemptsText(endpoint.attempts)}` : `${endpoint.host} (port from the server)`);
  return endpoint.operator ? `${where}, ${endpoint.operator}` : where;
}

function show(record: KeptRecord): ShownRecord {
  const shown: ShownRecord = { text: `${record.owner.toString()} ${record.type} ${formatRdata(record.type, record.data)}` };
  if (record.where) shown.where = record.where;
  return shown;
}

/** A name relative to the mail domain (`@`, `autodiscover`, `imap.mail`). */
function hostName(domain: Name, relative: string): Name {
  return relative === '@' ? domain : Name.from(relative, domain);
}

function protocolOf(step: SrvStep): { protocol: Protocol; label: string } {
  const protocol = protocolById(step.protocol);
  const label = protocol?.labels[step.profile];
  // The tables are checked against the catalog by test/explain-clients.test.ts; this cannot happen at run time.
  if (!protocol || !label) throw new Error(`client table names ${step.protocol} under ${step.profile}, which the catalog lacks`);
  return { protocol, label };
}

function fillUrl(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Drops `:443` from an https URL and `:80` from an http one, as a person would write it. */
function tidyUrl(url: string): string {
  return url.replace(/^(https:\/\/[^/:]+):443\//, '$1/').replace(/^(http:\/\/[^/:]+):80\//, '$1/');
}

/** The records on the way to an address, and the words for where the look-up ended. */
function addressStory(context: WalkContext, host: Name, found: AddressAnswer): { shown: ShownRecord[]; ends: string } {
  const shown = found.chain.map((record) => show(record));
  for (const record of found.addresses) shown.push(show(record));
  const via = found.chain.length > 0 ? ` (through ${found.chain.length === 1 ? 'a CNAME' : `${found.chain.length} CNAMEs`})` : '';
  switch (found.end) {
    case 'data':
      return { shown, ends: `${host} has an address${via}` };
    case 'outside':
      return {
        shown,
        ends: found.chain.length > 0
          ? `${host}${via} ends at ${found.name}, outside this zone: the zone cannot tell whether it has an address` +
            (context.hosted.operatorOf(found.name) ? '' : ` (${found.name} needs an A or AAAA record in its own zone; \`dig ${found.name} A\` shows whether it has one)`)
          : `${host} lies outside this zone (its address is not checked here)`,
      };
    case 'delegated':
      return { shown, ends: `${found.name} lies below the delegation ${found.cut}: that zone's servers answer for it, not this zone` };
    case 'loop':
      return { shown, ends: `${host} is a CNAME chain that loops or runs longer than clients follow` };
    case 'no-data':
      return { shown, ends: `${found.name} has records but no A or AAAA` };
    case 'no-name':
      return { shown, ends: `${found.name} is not in the zone` };
  }
}

function addressFix(name: Name): string {
  return `${name} 3600 IN A <address of ${name}>`;
}

/** The endpoint for a host the zone resolves; `outside` when the chain leaves the zone. */
function endpointFor(context: WalkContext, host: Name, found: AddressAnswer, attempts: Attempt[], url?: string): Endpoint {
  const endpoint: Endpoint = { host: host.toString(), attempts, addresses: found.addresses.map((r) => formatRdata(r.type, r.data)) };
  if (url) endpoint.url = tidyUrl(url);
  if (found.end === 'outside' || found.end === 'delegated') endpoint.outside = true;
  const operator = context.hosted.operatorOf(found.end === 'outside' ? found.name : host);
  if (operator) endpoint.operator = operator;
  return endpoint;
}

/**
 * A host the client will contact (an HTTP URL or a guessed name): `maybe` when it has an address
 * (only the server knows whether it answers), `lands` when a hosted-mail vendor runs it.
 */
function hostStep(context: WalkContext, relative: RelativeHost, step: HttpStep | ConnectStep, asks: string, attempts: Attempt[], url?: string): ExplainedStep {
  const host = hostName(context.domain, relative);
  const found = addressesOf(context.answers, host);
  const { shown, ends } = addressStory(context, host, found);
  const result: ExplainedStep = { asks, answers: shown, verdict: 'nothing', says: '' };
  if (step.note) result.note = step.note;
  const what = step.ask === 'http' ? (step.redirectOnly ? 'must answer with a redirect to an HTTPS URL' : 'must answer this URL') : 'must accept the connection';
  if (found.end === 'data' || found.end === 'outside') {
    const endpoint = endpointFor(context, host, found, attempts, url);
    result.endpoint = endpoint;
    if (endpoint.operator) {
      result.verdict = 'lands';
      result.says = `${ends}; ${endpoint.operator} answers there`;
    } else {
      result.verdict = 'maybe';
      result.says = found.end === 'data' ? `${ends}: the server there ${what}; the zone cannot tell whether it does` : `${ends}; if it has one, the server there ${what}`;
    }
  } else if (found.end === 'delegated') {
    result.verdict = 'unknown';
    result.says = ends;
  } else if (found.chain.length > 0 || found.end === 'loop') {
    result.verdict = 'broken';
    result.says = `${ends}: the client finds no address and moves on`;
    result.fix = found.end === 'loop' ? [] : [addressFix(found.name)];
  } else {
    result.says = `${ends}${found.end === 'no-data' ? '' : ' (no address)'}: the client moves on`;
  }
  return result;
}

function httpStep(context: WalkContext, step: HttpStep): ExplainedStep {
  const host = hostName(context.domain, step.host);
  const port = step.security === 'https' ? 443 : 80;
  const url = `${step.security}://${host.toString().replace(/\.$/, '')}${fillUrl(step.path, { email: encodeURIComponent(context.email) })}`;
  return hostStep(context, step.host, step, `GET ${url}${step.redirectOnly ? ' (redirect only)' : ''}`, [{ port, security: step.security }], url);
}

/** Each host in turn; the first with an address is where the client goes if a server answers there. */
function connectStep(context: WalkContext, step: ConnectStep): ExplainedStep {
  const names = step.hosts.map((host) => hostName(context.domain, host).toString());
  const asks = `connect to ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]} on ${attemptsText(step.attempts)}`;
  const results = step.hosts.map((host) => hostStep(context, host, step, asks, [...step.attempts]));
  const chosen = results.find((r) => r.verdict === 'lands' || r.verdict === 'maybe') ?? results.find((r) => r.verdict === 'broken') ?? results[0]!;
  if (results.length === 1) return chosen;
  const upTo = results.indexOf(chosen);
  const merged: ExplainedStep = { ...chosen, answers: results.slice(0, upTo + 1).flatMap((r) => r.answers) };
  merged.says = results.slice(0, upTo + 1).map((r) => r.says.replace(/: the client moves on$/, '')).join('; ');
  const fix = results.flatMap((r) => r.fix ?? []);
  if (fix.length > 0) merged.fix = fix;
  return merged;
}

/** RFC 2782 order: lowest priority, then highest weight, then the target's name (so the output is the same every run). */
function srvOrder(pick: SrvStep['pick']): (a: ResourceRecord<SrvData>, b: ResourceRecord<SrvData>) => number {
  if (pick === 'lowest-weight') return (a, b) => a.data.weight - b.data.weight || byKey(a.data.target, b.data.target);
  return (a, b) => a.data.priority - b.data.priority || b.data.weight - a.data.weight || byKey(a.data.target, b.data.target);
}

/** Code-unit order of the names' keys: the same on every machine (no locale). */
function byKey(a: Name, b: Name): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function srvLine(owner: Name, data: { priority: number; weight: number; port: number }, target: string): string {
  return `${owner} 3600 IN SRV ${data.priority} ${data.weight} ${data.port} ${target}`;
}

/** Where the answer came from when it was not at the name asked: a CNAME chain, or the end of the zone. */
function ownerStory(answer: Answer, owner: Name): string {
  switch (answer.end) {
    case 'outside':
      return `${owner} is a CNAME to ${answer.name}, outside this zone: the zone cannot tell what it answers`;
    case 'delegated':
      return `${owner} lies below the delegation ${answer.cut}: that zone's servers answer for it, not this zone`;
    case 'loop':
      return `${owner} is a CNAME chain that loops`;
    default:
      return '';
  }
}

/** The same protocol at another profile's label (MDaemon's `_smtp._tcp` for `_submission._tcp`): a client that asks one never sees the other. */
function otherLabels(context: WalkContext, protocol: Protocol, label: string): string[] {
  const others: string[] = [];
  for (const other of Object.values(protocol.labels)) {
    if (!other || other === label || others.includes(other)) continue;
    if (context.answers.at(Name.from(other, context.domain), 'SRV').length > 0) others.push(other);
  }
  return others;
}

function srvStep(context: WalkContext, step: SrvStep): ExplainedStep {
  const { protocol, label } = protocolOf(step);
  const owner = Name.from(label, context.domain);
  const answer = context.answers.query(owner, 'SRV');
  const result: ExplainedStep = { asks: `SRV ${owner}`, answers: answer.chain.map((r) => show(r)), verdict: 'nothing', says: '' };
  if (step.askedBy) result.by = step.askedBy;
  if (step.note) result.note = step.note;
  if (answer.end === 'outside' || answer.end === 'delegated') {
    result.verdict = 'unknown';
    result.says = ownerStory(answer, owner);
    return result;
  }
  if (answer.end === 'loop') {
    result.verdict = 'broken';
    result.says = ownerStory(answer, owner);
    return result;
  }
  const records = (answer.records as ResourceRecord<SrvData>[]).slice().sort(srvOrder(step.pick));
  for (const record of records) result.answers.push(show(record));
  if (records.length === 0) {
    const others = otherLabels(context, protocol, label);
    result.says =
      `no SRV record at ${owner}: the client moves on` +
      (others.length > 0 ? ` (the zone has ${others.join(' and ')} for ${protocol.description}, which this client never asks for)` : '');
    return result;
  }
  const usable = records.filter((record) => !record.data.target.isRoot);
  if (usable.length === 0) {
    result.verdict = 'not-offered';
    result.says = `SRV target "." : the domain says ${protocol.description} is not offered${step.final ? '; the client stops here' : ''}`;
    return result;
  }
  const best = usable[0]!;
  const target = best.data.target;
  const more = usable.length > 1 ? `; ${usable.length - 1} more target${usable.length > 2 ? 's' : ''} in reserve` : '';
  if (best.data.port === 0 && step.port === undefined) {
    result.verdict = 'broken';
    result.says = `the SRV record gives port 0: the client would connect to ${target} on port 0, where nothing listens`;
    result.fix = [srvLine(owner, { ...best.data, port: protocol.defaultPort }, target.toString())];
    return result;
  }
  const port = step.port === 'server' ? undefined : (step.port ?? best.data.port);
  const attempts: Attempt[] = port === undefined ? [] : [{ port, security: step.security }];
  const found = addressesOf(context.answers, target);
  const { shown, ends } = addressStory(context, target, found);
  for (const record of shown) result.answers.push(record);
  const url = step.url ? fillUrl(step.url, { host: target.toString().replace(/\.$/, ''), port: String(port ?? ''), path: davPath(context, owner, protocol, result) }) : undefined;
  if (found.end === 'data' || found.end === 'outside' || found.end === 'delegated') {
    const endpoint = endpointFor(context, target, found, attempts, url);
    endpoint.priority = best.data.priority;
    result.verdict = 'lands';
    result.endpoint = endpoint;
    const aliasNote = found.chain.length > 0 ? ' (an SRV target should not be an alias, RFC 2782; clients follow it all the same)' : '';
    // RFC 6764 §6: plain HTTP only where the user accepts it; say what that costs.
    const plain = step.security === 'http' ? ' (plain HTTP: the password crosses the network unencrypted; an HTTPS label comes first if the zone publishes it)' : '';
    result.says = `${ends}${aliasNote}: the client goes to ${endpointText(endpoint)}${more}${plain}`;
    return result;
  }
  result.verdict = 'broken';
  result.says = `${ends}: the SRV record sends the client to a host without an address`;
  result.fix = found.end === 'loop' ? [] : [addressFix(found.name)];
  return result;
}

/** RFC 6764 §4: the TXT `path=` beside a CalDAV/CardDAV SRV record, else the well-known URI. */
function davPath(context: WalkContext, owner: Name, protocol: Protocol, result: ExplainedStep): string {
  if (!protocol.davPath) return '';
  for (const record of context.answers.at(owner, 'TXT')) {
    const text = (record.data.strings as readonly Uint8Array[]).map(latin1String).join('');
    if (text.startsWith('path=')) {
      result.answers.push(show(record));
      return text.slice('path='.length);
    }
  }
  return `/.well-known/${protocol.id.replace(/s$/, '')}`;
}

function mxDomainStep(context: WalkContext, step: MxDomainStep): ExplainedStep {
  const answer = context.answers.query(context.domain, 'MX');
  const records = answer.records.slice().sort((a, b) => (a.data.preference as number) - (b.data.preference as number));
  const result: ExplainedStep = { asks: `MX ${context.domain}, then ${step.asks}`, answers: records.map((r) => show(r)), verdict: 'nothing', says: '' };
  const best = records[0];
  if (!best || (best.data.exchange as Name).isRoot) {
    const elsewhere = context.answers.mxOwners.filter((owner) => !owner.equals(context.domain)).map(String);
    const hint = elsewhere.length > 0 ? ` (the zone has MX records at ${elsewhere.join(', ')}: is one of them meant for ${context.domain}? A line that starts with blanks takes the owner of the line before, RFC 1035 §5.1)` : '';
    result.says = best ? 'a null MX (RFC 7505): the domain takes no mail; nothing to ask' : `no MX at ${context.domain}: nothing to ask${hint}`;
    return result;
  }
  const exchange = best.data.exchange as Name;
  if (exchange.isSubdomainOf(context.answers.apex)) {
    result.verdict = 'skipped';
    result.says = `the MX host ${exchange} is in this zone: its base domain is the user's own, already asked`;
    return result;
  }
  const operator = context.hosted.mailOperatorOf(exchange);
  result.verdict = 'unknown';
  result.says = `the MX host ${exchange} lies outside this zone; the client asks about its base domain` + (operator ? ` (${operator})` : '');
  return result;
}

function walkStep(context: WalkContext, step: ClientStep): ExplainedStep {
  switch (step.ask) {
    case 'srv':
      return srvStep(context, step);
    case 'http':
      return httpStep(context, step);
    case 'connect':
      return connectStep(context, step);
    case 'mx-domain':
      return mxDomainStep(context, step);
    case 'elsewhere': {
      const result: ExplainedStep = { asks: step.what, answers: [], verdict: 'elsewhere', says: 'the zone has no say in it' };
      if (step.note) result.note = step.note;
      return result;
    }
  }
}

/** Whether the step ends the search for its goal. */
function ends(step: ClientStep, result: ExplainedStep, choose: ClientGoal['choose']): boolean {
  if (choose === 'priority') return false;
  if (result.verdict === 'lands') return true;
  if (step.ask !== 'srv') return false;
  // A client that got an SRV answer follows it, into nowhere if need be: no fallback to guesses (RFC 6120 §3.2.1, RFC 6764 §6).
  return result.verdict === 'broken' || (step.final === true && result.verdict !== 'nothing');
}

/** The catalog protocols a goal finds: its SRV steps' protocols, or what the table says. */
function goalProtocols(goal: ClientGoal): string[] {
  const fromSrv = goal.steps.flatMap((step) => (step.ask === 'srv' ? [step.protocol] : []));
  return fromSrv.length > 0 ? fromSrv : [...(goal.protocols ?? [])];
}

/**
 * The records that would make a goal work, never pointing clients at a host the zone does not show
 * serving the protocol: the exact records the domain's mail vendor documents; else an SRV record for a
 * protocol the zone already serves at another profile's label (MDaemon's `_smtp._tcp` target is the
 * submission server); else at a host the goal's hints name and the zone gives an address; else at the
 * vendor's server for it; else with a placeholder to fill in.
 */
function goalFix(context: WalkContext, goal: ClientGoal): { fix: string[]; vendorGap: boolean } {
  const protocols = goalProtocols(goal);
  const documented = context.hosted.documentedRecords(protocols, context.domain);
  if (documented.length > 0) return { fix: documented, vendorGap: false };
  const vendorGap = context.hosted.vendor !== undefined;
  // The vendor documents nothing for it and runs no server for it: no record can help.
  if (vendorGap && !goalProtocols(goal).some((p) => context.hosted.serverOf(p))) return { fix: [], vendorGap };
  const srvSteps = goal.steps.filter((step): step is SrvStep => step.ask === 'srv');
  const fix: string[] = [];
  const srvFor = (step: SrvStep, target: string, port?: number) => {
    const { protocol, label } = protocolOf(step);
    return srvLine(Name.from(label, context.domain), { priority: 0, weight: 1, port: port ?? protocol.defaultPort }, target);
  };
  let suggested: string | undefined;
  for (const step of srvSteps) {
    const target = servingTarget(context, protocolOf(step).protocol);
    if (target) {
      suggested = srvFor(step, target);
      break;
    }
  }
  // For the host names a client guesses: an alias of the host the zone already names for the protocol.
  let serving: string | undefined;
  for (const id of protocols) {
    const protocol = protocolById(id);
    serving = protocol ? servingTarget(context, protocol) : undefined;
    if (serving) break;
  }
  const first = srvSteps[0];
  if (!suggested && first) {
    const hinted = hintedTarget(context, goal);
    const server = srvSteps.map((step) => ({ step, server: context.hosted.serverOf(step.protocol) })).find((s) => s.server);
    if (hinted) suggested = srvFor(first, hinted);
    else if (server) suggested = srvFor(server.step, server.server!.host, server.server!.port);
    else suggested = `${srvFor(first, PLACEHOLDER)}   ; ${PLACEHOLDER} is the host that serves ${protocolOf(first).protocol.description}`;
  }
  if (suggested) fix.push(suggested);
  const named = goal.fixHost ?? firstNamedHost(goal);
  if (named) {
    const host = hostName(context.domain, named);
    fix.push(`${suggested ? 'or ' : ''}${serving ? `${host} 3600 IN CNAME ${serving}` : addressFix(host)}`);
  }
  return { fix, vendorGap };
}

/** The first host name (not the domain itself) the goal's steps ask for. */
function firstNamedHost(goal: ClientGoal): RelativeHost | undefined {
  for (const step of goal.steps) {
    const hosts = step.ask === 'http' ? [step.host] : step.ask === 'connect' ? step.hosts : [];
    const named = hosts.find((host) => host !== '@');
    if (named) return named;
  }
  return undefined;
}

/** Stands for the host name an administrator must fill in. */
const PLACEHOLDER = '<server>.';

/** A host the zone already names for this protocol, at another profile's label, that has an address. */
function servingTarget(context: WalkContext, protocol: Protocol): string | undefined {
  for (const label of Object.values(protocol.labels)) {
    if (!label) continue;
    for (const record of context.answers.at(Name.from(label, context.domain), 'SRV')) {
      const target = (record.data as SrvData).target;
      if (!target.isRoot && addressesOf(context.answers, target).end === 'data') return target.toString();
    }
  }
  return undefined;
}

/** A host name of the goal's hints that has an address in the zone: the zone shows it is meant for this. */
function hintedTarget(context: WalkContext, goal: ClientGoal): string | undefined {
  for (const hint of goal.hostHints ?? []) {
    const host = hostName(context.domain, hint);
    if (addressesOf(context.answers, host).end === 'data') return host.toString();
  }
  return undefined;
}

/** Each text once, in order. */
function unique(texts: readonly string[]): string[] {
  return texts.filter((text, i) => texts.indexOf(text) === i);
}

/** Hosts, each once, in order. */
function hostList(endpoints: readonly Endpoint[]): string[] {
  const hosts: string[] = [];
  for (const endpoint of endpoints) if (!hosts.includes(endpoint.host)) hosts.push(endpoint.host);
  return hosts;
}

export function walkGoal(context: WalkContext, goal: ClientGoal): ExplainedGoal {
  const steps: ExplainedStep[] = [];
  for (const step of goal.steps) {
    const result = walkStep(context, step);
    steps.push(result);
    if (ends(step, result, goal.choose)) break;
  }
  const explained: ExplainedGoal = { id: goal.id, title: goal.title, steps, outcome: 'fails', alternatives: [], says: '', fix: [] };
  if (goal.note) explained.note = goal.note;
  for (const step of steps) for (const line of step.fix ?? []) if (!explained.fix.includes(line)) explained.fix.push(line);
  const landings = steps.filter((s) => s.verdict === 'lands' && s.endpoint);
  const maybes = steps.filter((s) => s.verdict === 'maybe' && s.endpoint);
  const stopped = steps.find((s) => s.verdict === 'not-offered');
  if (landings.length > 0) {
    const ordered = goal.choose === 'priority' ? landings.slice().sort((a, b) => (a.endpoint!.priority ?? 0) - (b.endpoint!.priority ?? 0)) : landings;
    explained.outcome = 'found';
    explained.endsUp = ordered[0]!.endpoint!;
    explained.alternatives = maybes.map((s) => s.endpoint!);
    for (const other of ordered.slice(1)) explained.alternatives.push(other.endpoint!);
    const before = maybes.length > 0 ? `, unless ${hostList(maybes.map((s) => s.endpoint!)).join(' or ')} answers first` : '';
    explained.says = `ends up at ${endpointText(explained.endsUp)}${before}`;
  } else if (maybes.length > 0) {
    explained.outcome = 'maybe';
    // Only the server can make a "maybe" work; a record can name the server meant (not on a vendor's domain: the vendor's word counts).
    if (!context.hosted.vendor && explained.fix.length === 0) explained.fix = goalFix(context, goal).fix;
    explained.endsUp = maybes[0]!.endpoint!;
    explained.alternatives = maybes.slice(1).map((s) => s.endpoint!);
    explained.says =
      `ends up at ${endpointText(explained.endsUp)} if the server there answers` +
      (explained.alternatives.length > 0 ? `; else ${unique(explained.alternatives.map(endpointText)).join(', then ')}` : '; the zone sends it nowhere else');
  } else if (stopped) {
    explained.outcome = 'not-offered';
    explained.says = 'the domain says it does not offer this (SRV target "."): the client does not set it up';
  } else if (steps.some((s) => s.verdict === 'unknown')) {
    explained.outcome = 'unknown';
    explained.says = 'depends on names outside this zone (see above): check them where they are served';
  } else {
    explained.outcome = 'fails';
    const broken = steps.some((s) => s.verdict === 'broken');
    explained.says = broken ? 'fails: the records it finds lead nowhere' : 'fails: nothing in the zone sends it anywhere';
    if (explained.fix.length === 0) {
      const { fix, vendorGap } = goalFix(context, goal);
      explained.fix = fix;
      if (vendorGap && !broken) {
        explained.vendorGap = true;
        explained.says += `: ${context.hosted.vendor!.name} documents no DNS record for this, so its users set it up by hand` + (fix.length > 0 ? ' (or add the record below)' : '');
      }
    }
    const byHand = context.hosted.serversFor(goalProtocols(goal));
    if (byHand.length > 0) explained.byHand = byHand;
  }
  return explained;
}

export function walkClient(context: WalkContext, client: ClientTable): ExplainedClient {
  const goals = client.goals.map((goal) => walkGoal(context, goal));
  const needs = client.needs ?? [client.goals.map((goal) => goal.id)];
  const working = (id: string) => {
    const goal = goals.find((g) => g.id === id);
    return goal !== undefined && goal.outcome !== 'fails';
  };
  const broken = goals.some((goal) => goal.outcome !== 'found' && goal.steps.some((step) => step.verdict === 'broken'));
  const setUp = !broken && needs.some((set) => set.every(working));
  const explained: ExplainedClient = { id: client.id, name: client.name, sources: [...client.sources], goals, setUp, says: '' };
  if (client.note) explained.note = client.note;
  const vendorSays = context.hosted.vendor && client.vendorNames ? context.hosted.clientPath(client.vendorNames) : undefined;
  if (vendorSays) explained.vendorSays = `${context.hosted.vendor!.name} documents: ${vendorSays.client} ${vendorSays.how}`;
  const failing = goals.filter((goal) => goal.outcome === 'fails').map((goal) => goal.title);
  const found = goals.filter((goal) => goal.outcome === 'found' || goal.outcome === 'maybe').length;
  // The set of needs that works, preferring one found for certain: its "maybe" hosts are the ones that matter.
  const sets = needs.filter((set) => set.every(working));
  const certain = sets.find((set) => set.every((id) => goals.find((g) => g.id === id)?.outcome !== 'maybe'));
  const used = certain ?? sets[0] ?? [];
  const maybeHosts = hostList(goals.flatMap((goal) => (used.includes(goal.id) && goal.outcome === 'maybe' && goal.endsUp ? [goal.endsUp] : [])));
  const without = failing.length > 0 ? ` (it does without ${failing.join(', ')})` : '';
  if (setUp && maybeHosts.length > 0) explained.says = `sets itself up only if the server at ${maybeHosts.join(' and ')} answers${without}`;
  else if (setUp) explained.says = `sets itself up${without}`;
  else if (failing.length === 0) explained.says = 'cannot set itself up: a record on the way leads nowhere';
  else if (context.hosted.vendor && goals.every((goal) => goal.outcome !== 'fails' || goal.vendorGap)) {
    explained.says = `is set up by hand: ${context.hosted.vendor.name} documents no DNS record for ${failing.join(' or ')}`;
  }
  else if (failing.length > 1 && (failing.length === goals.length || found === 0)) explained.says = `cannot set itself up: it finds neither ${failing.join(' nor ')}`;
  else explained.says = `cannot set itself up: it does not find ${failing.join(', nor ')}`;
  return explained;
}
