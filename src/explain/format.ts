/**
 * An explanation as text for a person (step by step, client by client, a summary at the end) or as
 * JSON for a program. Same explanation, same bytes.
 */
import { widest } from '../generate/widest.js';
import type { Explanation } from './explain.js';
import type { ExplainedClient, ExplainedGoal, ExplainedStep, Verdict } from './walk.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

const FIX_HEADINGS: Record<ExplainedGoal['outcome'], string> = {
  fails: 'Fix: add',
  maybe: 'To send it to a server the zone names rather than one it hopes answers, add',
  found: 'Fix: correct',
  'not-offered': 'Fix: correct',
  unknown: 'Fix: correct',
};

const VERDICT_WORDS: Record<Verdict, string> = {
  lands: 'found',
  maybe: 'maybe',
  'not-offered': 'not offered',
  nothing: 'nothing',
  broken: 'BROKEN',
  unknown: 'outside the zone',
  elsewhere: 'not DNS',
  skipped: 'skipped',
};

export function formatExplanation(explanation: Explanation, format: ExplainFormat): string {
  if (format === 'json') return JSON.stringify(explanation, null, 2) + '\n';
  return explanationText(explanation);
}

function explanationText(e: Explanation): string {
  const out: string[] = [];
  out.push(`Zone ${e.zone}, explained for ${e.email} (mail domain ${e.domain})`);
  out.push('');
  if (!e.loads) {
    const errors = e.refusals.reduce((n, r) => n + r.count, 0);
    out.push(
      `BIND refuses this zone as written (${errors} error${errors === 1 ? '' : 's'}): a server given it answers nothing for ${e.zone},`,
      'so every client below fails until the zone loads. The first of each kind (`zonesmith lint` lists them all, with fixes):',
    );
    for (const refusal of e.refusals) {
      out.push(`  ${refusal.where}  ${refusal.message}${refusal.count > 1 ? ` (and ${refusal.count - 1} more like it)` : ''}`);
    }
    out.push('', 'What each client will see once the zone loads:', '');
  }
  if (e.hosted) {
    out.push(`Mail for ${e.domain} is hosted by ${e.hosted.name} (its MX). As ${e.hosted.name} documents its clients:`);
    for (const client of e.hosted.clients) out.push(`  - ${client.client}: ${client.how}`);
    out.push(`  Source: ${e.hosted.source}`, '');
  }
  if (e.leftOut) {
    out.push(`Left out (ask for them with --client): ${e.leftOut.map((c) => `${c.name} (${c.id})`).join(', ')}: ${e.leftOut[0]!.why}.`, '');
  }
  for (const client of e.clients) clientText(client, out);
  out.push(e.loads ? 'Summary' : 'Summary, once the zone loads');
  const width = widest(e.clients, (c) => c.name.length);
  for (const client of e.clients) out.push(`  ${client.name.padEnd(width)}  ${client.says}`);
  out.push(e.ok ? 'No client is left without a way to its server.' : okWords(e));
  return out.join('\n') + '\n';
}

function clientText(client: ExplainedClient, out: string[]): void {
  out.push(`${client.name}: ${client.says}`);
  if (client.vendorSays) out.push(`  ${client.vendorSays}`);
  if (client.note) out.push(`  ${client.note}`);
  out.push(`  Source: ${client.sources.join(', ')}`);
  for (const goal of client.goals) goalText(goal, out);
  out.push('');
}

function goalText(goal: ExplainedGoal, out: string[]): void {
  out.push('', `  Looking for ${goal.title}:`);
  goal.steps.forEach((step, i) => stepText(step, i + 1, out));
  out.push(`    => ${goal.says}`);
  if (goal.fix.length > 0) {
    const broken = goal.steps.some((step) => step.verdict === 'broken');
    const heading = goal.vendorGap ? "To let it find the server all the same, add (not in the vendor's instructions)" : broken ? 'Fix: correct or add' : FIX_HEADINGS[goal.outcome];
    out.push(`    ${heading}`);
    for (const line of goal.fix) out.push(`      ${line}`);
  }
  if (goal.byHand) out.push(`    By hand: ${goal.byHand.join('; ')}`);
}

function stepText(step: ExplainedStep, n: number, out: string[]): void {
  const by = step.by ? ` (asked by ${step.by})` : '';
  out.push(`    ${n}. ${step.asks}${by}`);
  const width = widest(step.answers, (a) => a.text.length);
  for (const answer of step.answers) out.push(`         ${answer.where ? `${answer.text.padEnd(width)}  ; ${answer.where}` : answer.text}`);
  out.push(`       ${VERDICT_WORDS[step.verdict]}: ${step.says}`);
  if (step.note) out.push(`       (${step.note})`);
}

function okWords(e: Explanation): string {
  if (!e.loads) return 'Until BIND loads the zone, no client finds anything.';
  return 'Some client is left without a way to its server: see the fixes above.';
}
