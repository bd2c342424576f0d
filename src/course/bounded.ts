import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** Why a job did not finish: it ran past its time, or past the memory its thread may use. */
export type Overrun = "time" | "memory";

export interface BoundedRun<Args extends unknown[]> {
  /** The module (an absolute path) and its exported function that does one job. */
  readonly module: string;
  readonly fn: string;
  readonly jobs: readonly Args[];
  /** How long one job may take, and how much heap the thread may use. */
  readonly ms: number;
  readonly heapMb: number;
}

/** A job's outcome: what the function returned, or why it did not finish. */
export type Bounded<Result> = { readonly result: Result } | { readonly overrun: Overrun };

/** The work could not be run at all (the thread did not start): a problem of the build, not of a file. */
export class BoundedRunError extends Error {}

const STARTUP_MS = 120_000;

interface Thread {
  readonly worker: Worker;
  next(): Promise<{ id?: number; result?: unknown; error?: string; ready?: boolean } | { exit: number; memory: boolean }>;
}

function start(module: string, fn: string, heapMb: number): Thread {
  const worker = new Worker(join(import.meta.dirname, "boundedWorker.mjs"), {
    workerData: { module: pathToFileURL(module).href, fn },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    execArgv: [],
  });
  let pending: ((v: Awaited<ReturnType<Thread["next"]>>) => void) | null = null;
  const queue: Awaited<ReturnType<Thread["next"]>>[] = [];
  const deliver = (v: Awaited<ReturnType<Thread["next"]>>) => {
    if (pending) {
      const p = pending;
      pending = null;
      p(v);
    } else queue.push(v);
  };
  let memory = false;
  worker.on("message", deliver);
  worker.on("error", (err: NodeJS.ErrnoException) => {
    memory = err.code === "ERR_WORKER_OUT_OF_MEMORY";
    deliver({ exit: -1, memory });
  });
  worker.on("exit", (code) => {
    deliver({ exit: code, memory });
  });
  return {
    worker,
    next: () =>
      queue.length
        ? Promise.resolve(queue.shift()!)
        : new Promise((resolve) => {
            pending = resolve;
          }),
  };
}

function within<T>(ms: number, promise: Promise<T>): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => {
        resolve("timeout");
      }, ms);
    }),
  ]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Runs each job through a function of a module in a separate thread whose heap is capped, one
 * job at a time, and gives each job at most `ms`: a job that runs longer, or runs the thread out
 * of memory, ends the thread (a new one takes the remaining jobs) and is reported as an overrun. So work on a contributed file is bounded in time and memory whatever the file holds.
 * An error the function throws is thrown here.
 */
export async function runBounded<Args extends unknown[], Result>(run: BoundedRun<Args>): Promise<Bounded<Result>[]> {
  const results: Bounded<Result>[] = [];
  let thread: Thread | null = null;
  try {
    for (let i = 0; i < run.jobs.length; i++) {
      if (!thread) {
        thread = start(run.module, run.fn, run.heapMb);
        const ready = await within(STARTUP_MS, thread.next());
        if (ready === "timeout" || !("ready" in ready))
          throw new BoundedRunError(`the checking thread did not start (${ready === "timeout" ? "timed out" : "it stopped"})`);
      }
      const job = run.jobs[i]!;
      thread.worker.postMessage({ id: i, args: job });
      const answer = await within(run.ms, thread.next());
      if (answer === "timeout" || "exit" in answer) {
        results.push({ overrun: answer !== "timeout" && answer.memory ? "memory" : "time" });
        await thread.worker.terminate();
        thread = null;
        continue;
      }
      if (answer.error !== undefined) throw new Error(answer.error);
      results.push({ result: answer.result as Result });
    }
  } finally {
    await thread?.worker.terminate();
  }
  return results;
}
