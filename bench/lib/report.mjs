/**
 * The benchmark's Markdown: one table (median wall time and peak RSS per tool, ratios to the baseline,
 * records each tool returned), the setup it was measured on, the exact command lines, and the verdict
 * against the target (zonesmith lint no slower than `named-checkzone -i full` and no more memory).
 * No timestamps: two runs on one machine differ only in what was measured.
 */

import { TIME_FORMAT } from './measure.mjs';

const KIB_PER_MIB = 1024;

function ratio(value, baseline) {
  if (value === undefined || baseline === undefined || baseline === 0) return '–';
  return `${(value / baseline).toFixed(2)}×`;
}

/** Markdown table cell: pipes would split the cell, newlines would end the row. */
function cell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/**
 * rows: [{id, tool, command, wallSeconds?, peakKiB?, cpuSeconds?, note?}]; the first row is the baseline.
 * A row without wallSeconds was not measured, and its note says why.
 */
export function formatTable(rows) {
  const baseline = rows[0];
  const lines = [
    `| tool | wall s (median) | peak MiB (median) | time ÷ ${baseline.tool} | memory ÷ ${baseline.tool} | CPU s (median) | records read |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    if (row.wallSeconds === undefined) {
      lines.push(`| ${cell(row.tool)} | – | – | – | – | – | ${cell(row.note ?? 'not measured')} |`);
      continue;
    }
    const peakMiB = row.peakKiB / KIB_PER_MIB;
    lines.push(
      `| ${cell(row.tool)} | ${row.wallSeconds.toFixed(2)} | ${peakMiB.toFixed(0)} | ` +
        `${ratio(row.wallSeconds, baseline.wallSeconds)} | ${ratio(row.peakKiB, baseline.peakKiB)} | ` +
        `${row.cpuSeconds?.toFixed(2) ?? '–'} | ${cell(row.note ?? '')} |`,
    );
  }
  return lines.join('\n');
}

/** Whether `row` meets the target against the baseline: no slower and no more peak memory. */
export function verdict(row, baseline) {
  if (row?.wallSeconds === undefined || baseline?.wallSeconds === undefined) return undefined;
  const faster = row.wallSeconds <= baseline.wallSeconds;
  const smaller = row.peakKiB <= baseline.peakKiB;
  const parts = [
    `time ${ratio(row.wallSeconds, baseline.wallSeconds)} (${faster ? 'met' : 'NOT met'})`,
    `memory ${ratio(row.peakKiB, baseline.peakKiB)} (${smaller ? 'met' : 'NOT met'})`,
  ];
  return `Target — ${row.tool} no slower than ${baseline.tool} and no more peak memory: ${parts.join(', ')}.`;
}

/**
 * The findings table's Markdown: the same columns, the first row (named-checkzone) the baseline, and
 * the command lines. No verdict: the point is that every format finishes, and in what memory.
 */
export function formatFindingsResults({ rows, setup }) {
  const out = ['## Findings at scale', '', ...setup.map((line) => `- ${line}`), '', formatTable(rows), ''];
  out.push(`Command lines (each run under \`/usr/bin/time -f '${TIME_FORMAT}'\`):`, '', '```sh');
  for (const row of rows) if (row.command) out.push(row.command);
  out.push('```', '');
  return out.join('\n');
}

/** The whole results.md. `setup` lines describe the zone and the machine; `targetRow` is lint's row. */
export function formatResults({ rows, setup, targetRow }) {
  const out = ['## Benchmark', '', ...setup.map((line) => `- ${line}`), '', formatTable(rows), ''];
  const target = verdict(targetRow, rows[0]);
  out.push(target ?? `Target not judged: ${targetRow?.tool ?? 'zonesmith lint'} was not measured.`, '');
  out.push(`Command lines (each run under \`/usr/bin/time -f '${TIME_FORMAT}'\`):`, '', '```sh');
  for (const row of rows) if (row.command) out.push(row.command);
  out.push('```', '');
  return out.join('\n');
}
