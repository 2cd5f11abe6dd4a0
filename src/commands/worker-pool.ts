/**
 * Many small jobs across the machine's cores, with the answers handed back in the order of the jobs.
 * `zonesmith lint` of thousands of zone files spends each file's time in one thread; worker threads
 * (one per core but one, as this thread takes batches too) each take a batch of jobs, and the answers
 * are released strictly in order, so the report is the same bytes whatever thread finished first.
 *
 * Memory stays bounded whatever the number of jobs: each worker holds at most IN_FLIGHT batches, this
 * thread runs at most a few batches ahead of the report, and an answer waits only for the batches
 * before it that are still out.
 */
import { Worker } from 'node:worker_threads';

/** Batches handed to a worker before it answers the first: it never waits for the next. */
const IN_FLIGHT = 2;

/** What a worker answers for one batch: one result per job, or the message of what it threw. */
export type BatchAnswer<R> = { results: R[] } | { error: string };

export interface PoolOptions<J, R> {
  /** The worker's module (it answers each message, an array of `message(job)`, with a BatchAnswer<R>). */
  worker: URL;
  workers: number;
  /** Jobs per message: fewer messages, and still enough batches to share the work out evenly. */
  batchSize: number;
  jobs: Iterable<J>;
  /** What of a job crosses to the worker (structured-cloned: plain data). */
  message: (job: J) => unknown;
  /** Called once per job, in the jobs' order. */
  onResult: (result: R, job: J) => void;
  /**
   * Does a job in this thread, which then takes batches too between the workers' answers: it has the
   * code loaded and warm already, where one more worker would load and warm it again.
   */
  local?: (job: J) => R;
}

/** Runs every job; rejects with the first error a worker reported (the other workers are stopped). */
export async function runOrdered<J, R>(options: PoolOptions<J, R>): Promise<void> {
  const source = batches(options.jobs, options.batchSize);
  /** Answers that came before an earlier batch's, by batch number. */
  const waiting = new Map<number, R[]>();
  const sent: J[][] = [];
  let nextToSend = 0;
  let nextToRelease = 0;
  let exhausted = false;
  const workers: Worker[] = [];

  const release = (): void => {
    for (let answer = waiting.get(nextToRelease); answer !== undefined; answer = waiting.get(nextToRelease)) {
      const jobs = sent[nextToRelease]!;
      waiting.delete(nextToRelease);
      delete sent[nextToRelease];
      jobs.forEach((job, i) => options.onResult(answer![i]!, job));
      nextToRelease++;
    }
  };

  try {
    await new Promise<void>((resolve, fail) => {
      let outstanding = 0;
      let failed = false;
      const reject = (error: unknown): void => {
        failed = true;
        fail(error);
      };
      /** This thread waits for the workers when it is this many batches ahead of the report. */
      const aheadLimit = Math.max(1, options.workers) * IN_FLIGHT + 2;
      let localWaiting = false;
      const localTurn = (): void => {
        localWaiting = false;
        if (failed || exhausted || !options.local) return;
        // Not too far ahead: what this thread finds waits in memory for the workers' earlier batches.
        if (nextToSend - nextToRelease > aheadLimit) {
          localWaiting = true;
          return;
        }
        const next = source.next();
        if (next.done) {
          exhausted = true;
          if (outstanding === 0) resolve();
          return;
        }
        const number = nextToSend++;
        sent[number] = next.value;
        try {
          waiting.set(number, next.value.map(options.local));
          release();
        } catch (error) {
          reject(error);
          return;
        }
        // Back to the event loop between batches, so that the workers' answers are taken in.
        setImmediate(localTurn);
      };
      const feed = (worker: Worker, queue: number[]): boolean => {
        if (exhausted) return false;
        const next = source.next();
        if (next.done) {
          exhausted = true;
          return false;
        }
        const number = nextToSend++;
        sent[number] = next.value;
        queue.push(number);
        outstanding++;
        worker.postMessage(next.value.map(options.message));
        return true;
      };
      const count = Math.max(1, options.workers);
      for (let i = 0; i < count && !exhausted; i++) {
        const worker = new Worker(options.worker);
        workers.push(worker);
        const queue: number[] = [];
        worker.on('message', (answer: BatchAnswer<R>) => {
          const number = queue.shift()!;
          outstanding--;
          if ('error' in answer) {
            reject(new Error(answer.error));
            return;
          }
          waiting.set(number, answer.results);
          try {
            release();
          } catch (error) {
            reject(error);
            return;
          }
          feed(worker, queue);
          if (localWaiting) setImmediate(localTurn);
          if (outstanding === 0 && exhausted) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (queue.length > 0) reject(new Error(`a lint worker stopped (exit code ${code}) with ${queue.length} batches unanswered`));
        });
        for (let k = 0; k < IN_FLIGHT; k++) feed(worker, queue);
      }
      if (options.local) setImmediate(localTurn);
      else if (outstanding === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function* batches<J>(jobs: Iterable<J>, size: number): Generator<J[]> {
  let batch: J[] = [];
  for (const job of jobs) {
    batch.push(job);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
