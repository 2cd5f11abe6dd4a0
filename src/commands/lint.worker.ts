/**
 * A worker thread of `zonesmith lint` over many files (see worker-pool.ts and lint.run.ts): each
 * message is a batch of zone files with the settings each is linted with, and the answer holds each
 * file's diagnostics, in the order the engine gave them. Only the main thread writes the report, in
 * the files' order. This module is only ever a worker's entry: it listens on its parent port.
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import { lintJob, type LintJob } from './lint-job.js';
import type { BatchAnswer } from './worker-pool.js';

parentPort?.on('message', (jobs: LintJob[]) => {
  let answer: BatchAnswer<Diagnostic[]>;
  try {
    answer = {
      results: jobs.map((job) => {
        const diagnostics: Diagnostic[] = [];
        lintJob(job, (d) => void diagnostics.push(d));
        return diagnostics;
      }),
    };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
