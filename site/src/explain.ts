/**
 * "Explain": where each mail, calendar and chat client ends up, step by step, for the zone of the
 * Check view or the one the Build view makes (the library's `explainZone`, as `zonesmith explain`).
 * Offline: names outside the zone are said to be outside, never looked up.
 */
import { EXPLAIN_CLIENTS, explainZone, formatExplanation, parseZone, type Endpoint, type ExplainedClient, type ExplainedGoal, type ExplainedStep, type Explanation, type ParsedZone, type ResolvedZone } from '../../src/index.js';
import { byId, download, el } from './page.js';

export interface ExplainSources {
  /** The Check view's zone text and how it is read (origin, file name). */
  checked(): { text: string; file?: string; origin?: string };
  /** The Build view's first (or picked) zone, when the spec has no errors. */
  built(): ResolvedZone | undefined;
  /** Shows a line of the zone's text in the view it came from. */
  reveal(from: 'check' | 'build', line: number): void;
}

export interface ExplainView {
  update(): void;
}

export function setUpExplain(sources: ExplainSources): ExplainView {
  const from = byId<HTMLFieldSetElement>('explain-from');
  const email = byId<HTMLInputElement>('explain-email');
  const clientBox = byId<HTMLFieldSetElement>('explain-clients');
  const status = byId('explain-status');
  const out = byId('explain-out');

  const clientInputs = EXPLAIN_CLIENTS.map((client) => {
    const input = el('input', { type: 'checkbox', value: client.id, id: `explain-client-${client.id}` });
    clientBox.append(el('label', { class: 'check' }, input, ` ${client.name}`));
    return input;
  });

  let last: Explanation | undefined;

  const which = (): 'check' | 'build' => (from.querySelector<HTMLInputElement>('input:checked')?.value === 'build' ? 'build' : 'check');

  function zone(): ParsedZone | ResolvedZone | string {
    if (which() === 'build') return sources.built() ?? 'The spec in "Build a zone" has errors: fix them there first.';
    const { text, file, origin } = sources.checked();
    if (text.trim() === '') return 'Paste a zone into "Check a zone" first, or explain the zone of "Build a zone".';
    try {
      return parseZone(text, { ...(file !== undefined ? { file } : {}), ...(origin ? { origin } : {}) });
    } catch (error) {
      return `The origin is not a domain name: ${(error as Error).message}`;
    }
  }

  function update(): void {
    const chosen = zone();
    last = undefined;
    if (typeof chosen === 'string') {
      status.textContent = chosen;
      out.replaceChildren();
      return;
    }
    const clients = clientInputs.filter((input) => input.checked).map((input) => input.value);
    let explanation: Explanation;
    try {
      explanation = explainZone(chosen, { clients, ...(email.value.trim() !== '' ? { email: email.value.trim() } : {}) });
      email.removeAttribute('aria-invalid');
    } catch (error) {
      // An address outside the zone (or not an address) is the only thing the options can get wrong.
      email.setAttribute('aria-invalid', 'true');
      status.textContent = (error as Error).message;
      out.replaceChildren();
      return;
    }
    last = explanation;
    const setUp = explanation.clients.filter((c) => c.setUp).length;
    status.textContent = `${explanation.email}: ${explanation.loads ? '' : 'BIND refuses this zone. '}${setUp} of ${explanation.clients.length} clients set themselves up.`;
    out.replaceChildren(...render(explanation, (line) => sources.reveal(which(), line)));
  }

  from.addEventListener('change', update);
  clientBox.addEventListener('change', update);
  let timer: ReturnType<typeof setTimeout> | undefined;
  email.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
  byId('explain-download').addEventListener('click', () => {
    if (last) download(`${last.zone.replace(/\.$/, '') || 'zone'}.explain.txt`, formatExplanation(last, 'text'));
  });
  byId('explain-download-json').addEventListener('click', () => {
    if (last) download(`${last.zone.replace(/\.$/, '') || 'zone'}.explain.json`, formatExplanation(last, 'json'), 'application/json');
  });
  return { update };
}

function endpointText(endpoint: Endpoint): string {
  const security = { 'implicit-tls': 'TLS', starttls: 'STARTTLS', https: 'HTTPS', http: 'HTTP' } as const;
  const ports = endpoint.attempts.map((a) => `${a.port} (${security[a.security]})`).join(', then ');
  return `${endpoint.url ?? endpoint.host}${ports ? ` on port ${ports}` : ''}${endpoint.operator ? `, run by ${endpoint.operator}` : ''}`;
}

/** Shows the line an answer was written on. */
type Reveal = (line: number) => void;

function render(explanation: Explanation, reveal: Reveal): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (!explanation.loads) {
    parts.push(
      el('div', { class: 'refusals', role: 'note' }, el('h3', {}, 'BIND refuses this zone'), el('ul', {}, ...explanation.refusals.map((r) => el('li', {}, el('code', {}, r.where), ` ${r.message} `, el('code', { class: 'rule' }, r.kind))))),
    );
  }
  if (explanation.hosted) {
    parts.push(el('p', { class: 'hosted' }, `Mail for this domain is hosted by ${explanation.hosted.name} (by its MX).`));
  }
  // A summary first: each client, whether it sets itself up, and a link to its steps.
  parts.push(
    el('ul', { class: 'summary', 'aria-label': 'Clients at a glance' }, ...explanation.clients.map((client) =>
      el('li', {}, el('span', { class: `badge ${client.setUp ? 'ok' : 'error'}` }, client.setUp ? 'sets up' : 'fails'), ' ', el('a', { href: `#explain-${client.id}` }, client.name), ` — ${client.says}`),
    )),
  );
  for (const client of explanation.clients) parts.push(renderClient(client, reveal));
  if (explanation.leftOut && explanation.leftOut.length > 0) {
    parts.push(el('p', { class: 'hint' }, `Not explained: ${explanation.leftOut.map((c) => `${c.name} (${c.why})`).join('; ')}.`));
  }
  return parts;
}

function renderClient(client: ExplainedClient, reveal: Reveal): HTMLElement {
  return el(
    'section',
    { class: `client ${client.setUp ? 'ok' : 'fails'}`, 'aria-labelledby': `explain-${client.id}` },
    el('h3', { id: `explain-${client.id}` }, el('span', { class: `badge ${client.setUp ? 'ok' : 'error'}` }, client.setUp ? 'sets up' : 'fails'), ` ${client.name}`),
    el('p', {}, client.says),
    ...client.goals.map((goal) => renderGoal(goal, reveal)),
  );
}

const OUTCOME_CLASS: Record<ExplainedGoal['outcome'], string> = { found: 'ok', maybe: 'info', 'not-offered': 'info', unknown: 'warning', fails: 'error' };

function renderGoal(goal: ExplainedGoal, reveal: Reveal): HTMLElement {
  const children: (Node | string)[] = [
    el('h4', {}, el('span', { class: `badge ${OUTCOME_CLASS[goal.outcome]}` }, goal.outcome), ` ${goal.title}`),
    el('ol', { class: 'steps' }, ...goal.steps.map((step) => renderStep(step, reveal))),
    el('p', { class: 'says' }, goal.says),
  ];
  if (goal.endsUp) children.push(el('p', { class: 'ends' }, 'Ends up at ', el('code', {}, endpointText(goal.endsUp))));
  if (goal.fix.length > 0) children.push(el('p', {}, 'Records that would fix it:'), el('pre', { class: 'fix' }, goal.fix.join('\n')));
  if (goal.byHand && goal.byHand.length > 0) children.push(el('p', {}, 'Set it up by hand: ', goal.byHand.join('; ')));
  return el('div', { class: 'goal' }, ...children);
}

const VERDICT_CLASS: Record<ExplainedStep['verdict'], string> = {
  lands: 'ok', maybe: 'info', 'not-offered': 'info', nothing: 'muted', broken: 'error', unknown: 'warning', elsewhere: 'info', skipped: 'muted',
};

function renderStep(step: ExplainedStep, reveal: Reveal): HTMLElement {
  const children: (Node | string)[] = [
    el('div', { class: 'asks' }, el('span', { class: `badge ${VERDICT_CLASS[step.verdict]}` }, step.verdict), ' ', el('code', {}, step.asks), step.by ? ` (asked by ${step.by})` : ''),
    el('p', {}, step.says),
  ];
  if (step.answers.length > 0) {
    children.push(el('ul', { class: 'answers' }, ...step.answers.map((a) => el('li', {}, el('code', {}, a.text), ...(a.where ? [' ', whereButton(a.where, reveal)] : [])))));
  }
  if (step.fix && step.fix.length > 0) children.push(el('pre', { class: 'fix' }, step.fix.join('\n')));
  if (step.note) children.push(el('p', { class: 'hint' }, step.note));
  return el('li', { class: 'step' }, ...children);
}

/** `file:line` as a button that shows that line in the view the zone came from. */
function whereButton(where: string, reveal: Reveal): HTMLElement {
  const line = Number(/:(\d+)$/.exec(where)?.[1]);
  if (!Number.isInteger(line) || line < 1) return el('span', { class: 'hint' }, `(${where})`);
  const button = el('button', { type: 'button', class: 'where-link', 'aria-label': `Show ${where}` }, where);
  button.addEventListener('click', () => reveal(line));
  return button;
}
