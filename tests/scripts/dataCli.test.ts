import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTo, expected, fixture } from "../helpers/fixtures.ts";
import { ROOT, runScript } from "../helpers/run.ts";

/** The command an npm script runs (package.json): the course's data commands live in its dataset's and chapter's folders. */
const commandOf = (script: string) =>
  /^node (\S+\.ts)/.exec(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[script]!,
  )![1]!;
const SUMMARY = commandOf("data:summary");
const EXPORT = commandOf("data:export");
const FETCH = commandOf("data:fetch");

const work = mkdtempSync(join(tmpdir(), "spikes-cli-"));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("data:summary", () => {
  it("prints one JSON object with numpy's numbers for a fixture", async () => {
    const r = await runScript(SUMMARY, [fixture("spikes/small-compressed.npz"), "--interval", "5,15", "--neuron", "42", "--bins", "50"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    const want = expected["small-compressed.npz"]!;
    expect(json.count_hist).toEqual(want.count_hist);
    expect(json.isi_hist).toEqual(want.isi_hist);
    expect(closeTo(json.frac_interval_time as number, want.frac_interval_time as number)).toBe(true);
    expect(json.source).toBe("file");
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("prints the stand-in's summary when no file is given", async () => {
    const r = await runScript(SUMMARY, [], { SPIKES_FILE: "" });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json.source).toBe("synthetic");
    expect(json.n_neurons).toBe(734);
    expect(json.isi_neuron).toBe(283);
  });

  it("refuses a bad file on stderr with status 1 and nothing on stdout", async () => {
    const r = await runScript(SUMMARY, [fixture("spikes/bad-unsorted.npz")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("bad-unsorted.npz: neuron 3 is not sorted (position 2 is before position 1)");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses a bad option with the usage", async () => {
    const r = await runScript(SUMMARY, ["--interval", "15,5"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("usage:");
  });
});

describe("data:export", () => {
  it("writes the data in use as an .npz: for a real-format file, numpy's own bytes again", async () => {
    const out = join(work, "export.npz");
    const r = await runScript(EXPORT, [out], { SPIKES_FILE: fixture("spikes/tiny.npz") });
    expect(r.code).toBe(0);
    // A real-format file exported from a file is numpy's own bytes again.
    expect(Buffer.compare(readFileSync(out), readFileSync(fixture("spikes/tiny-numpy1.npz")))).toBe(0);
    const summary = await runScript(SUMMARY, [out, "--neuron", "3", "--bins", "5"]);
    expect((JSON.parse(summary.stdout) as { counts_first5: number[] }).counts_first5).toEqual([5, 0, 1, 6, 2]);
  });
});

describe("data:fetch against a local server", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = req.url === "/good" ? "tiny.npz" : req.url === "/bad" ? "bad-nan.npz" : null;
      if (!name) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(fixture(`spikes/${name}`)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );

  it("downloads, validates and renames into place", async () => {
    const out = join(work, "fetched", "good.npz");
    const r = await runScript(FETCH, ["--out", out], { SPIKES_URL: `${base}/good` });
    expect(r.stderr).toContain("saved");
    expect(r.code).toBe(0);
    expect(Buffer.compare(readFileSync(out), readFileSync(fixture("spikes/tiny.npz")))).toBe(0);
    // Not the recording: saved, with a warning saying so.
    expect(r.stderr).toContain("does not carry the published facts");
  });

  it("refuses a bad download and leaves nothing behind", async () => {
    const dir = join(work, "bad");
    const r = await runScript(FETCH, ["--out", join(dir, "x.npz")], { SPIKES_URL: `${base}/bad` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("neuron 2 holds a NaN at position 1");
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("reports an HTTP error", async () => {
    const r = await runScript(FETCH, ["--out", join(work, "404.npz")], { SPIKES_URL: `${base}/missing` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the server answered 404");
  });

  it("fails clearly when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    const r = await runScript(FETCH, ["--out", join(work, "none.npz")], { SPIKES_URL: `http://127.0.0.1:${port}/x` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`could not download http://127.0.0.1:${port}/x (ECONNREFUSED`);
    expect(r.stderr).toContain("may have no network");
    expect(existsSync(join(work, "none.npz"))).toBe(false);
  });
});
