import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { tempPathFor } from "#lib/fs/atomicWrite.ts";
import { readSpikeFile } from "#lib/spikes/readFile.ts";
import { RECORDING } from "./recording.ts";
import { runCli, UsageError } from "#commands";

const USAGE = "usage: npm run data:fetch [-- --out <file.npz>]   (SPIKES_URL overrides the download address)";

/** Why a fetch failed, in words: the network error code when there is one. */
function describeFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { name?: string }).name;
  const offline = ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "ECONNRESET", "TimeoutError"];
  const detail = cause?.message ?? (err as Error).message;
  return offline.includes(code ?? "") ? `${code}: ${detail}; this machine may have no network` : detail;
}

runCli(USAGE, async () => {
  let out: string | undefined;
  try {
    out = parseArgs({ options: { out: { type: "string" } } }).values.out;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const url = (process.env.SPIKES_URL?.trim() ?? "") || RECORDING.url;
  const dest = out ? resolve(out) : resolve(import.meta.dirname, "../..", "data", RECORDING.fileName);
  const timeoutMs = Number(process.env.SPIKES_FETCH_TIMEOUT_MS ?? 300_000);
  process.stderr.write(`downloading ${url}\n`);
  let response: Response;
  try {
    response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new Error(
      `could not download ${url} (${describeFailure(err)}). Download it on a machine with network access and copy it to ${dest}, or set SPIKES_FILE to its path.`,
      { cause: err },
    );
  }
  if (!response.ok || !response.body)
    throw new Error(`could not download ${url}: the server answered ${response.status} ${response.statusText}`);
  mkdirSync(dirname(dest), { recursive: true });
  const temp = tempPathFor(dest);
  try {
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), createWriteStream(temp));
    const data = readSpikeFile(temp); // validates; throws naming the problem
    renameSync(temp, dest);
    process.stderr.write(`saved ${dest} (sha256 ${data.sha256}): ${data.offsets.length - 1} neurons, ${data.times.length} spikes\n`);
    if (data.source !== "real") {
      process.stderr.write(
        `warning: the file is valid but does not carry the published facts of the Steinmetz recording; pages will call it "another file".\n`,
      );
    }
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
});
