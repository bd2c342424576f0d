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

type Message = { id?: number; result?: unknown; error?: string; ready?: boolean } | { exit: number; memory: boolean };

interface Thread {
  readonly worker: Worker;
  next(): Promise<Message>;
}

function start(module: string, heapMb: number): Thread {
  const worker = new Worker(join(import.meta.dirname, "boundedWorker.mjs"), {
    workerData: { module: pathToFileURL(module).href },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    execArgv: [],
  });
  let pending: ((v: Message) => void) | null = null;
  const queue: Message[] = [];
  const deliver = (v: Message) => {
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

// Threads that finished their jobs within bounds, kept (not holding the process open) for the
// next run on the same module: a tool that checks several times starts one thread, not several.
const idle = new Map<string, Thread>();

async function acquire(module: string, heapMb: number): Promise<Thread> {
  const key = `${module}\n${heapMb}`;
  const kept = idle.get(key);
  if (kept) {
    idle.delete(key);
    kept.worker.ref();
    return kept;
  }
  const thread = start(module, heapMb);
  const ready = await within(STARTUP_MS, thread.next());
  if (ready === "timeout" || !("ready" in ready)) {
    await thread.worker.terminate();
    throw new BoundedRunError(`the checking thread did not start (${ready === "timeout" ? "timed out" : "it stopped"})`);
  }
  return thread;
}

function release(module: string, heapMb: number, thread: Thread): void {
  const key = `${module}\n${heapMb}`;
  if (idle.has(key)) {
    void thread.worker.terminate();
    return;
  }
  thread.worker.unref();
  idle.set(key, thread);
}

/**
 * Runs each job through a function of a module in a separate thread whose heap is capped, one
 * job at a time, and gives each job at most `ms`: a job that runs longer, or runs the thread out
 * of memory, ends the thread (a new one takes the remaining jobs) and is reported as an overrun.
 * So work on a contributed file is bounded in time and memory whatever the file holds.
 * An error the function throws is thrown here.
 */
export async function runBounded<Args extends unknown[], Result>(run: BoundedRun<Args>): Promise<Bounded<Result>[]> {
  const results: Bounded<Result>[] = [];
  if (run.jobs.length === 0) return results;
  let thread: Thread | null = null;
  try {
    for (let i = 0; i < run.jobs.length; i++) {
      thread ??= await acquire(run.module, run.heapMb);
      thread.worker.postMessage({ id: i, fn: run.fn, args: run.jobs[i]! });
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
  } catch (err) {
    await thread?.worker.terminate();
    thread = null;
    throw err;
  } finally {
    if (thread) release(run.module, run.heapMb, thread);
  }
  return results;
}
