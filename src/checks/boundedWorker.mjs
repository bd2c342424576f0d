// The thread that runs work on contributed files for src/checks/bounded.ts: it loads one
// TypeScript module (Node runs it, as it runs the project's scripts) and answers each job with
// what the named function of it returned, or the error it threw. The parent ends it when a job
// runs too long; its heap is capped when it starts.
import { parentPort, workerData } from "node:worker_threads";

const module = await import(workerData.module);
parentPort.on("message", (job) => {
  try {
    parentPort.postMessage({ id: job.id, result: module[job.fn](...job.args) });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
