import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SiteWriteError, StagedSite } from "../../src/lib/fs/atomicSite.ts";
import { filesMentioning } from "../../src/lib/fs/leaks.ts";
import { ROOT } from "../helpers/run.ts";

const scratch = mkdtempSync(join(tmpdir(), "atomic-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A previous site in `dir`, and how to tell it is still there, whole. */
function previousSite(dir: string): () => string[] {
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "the previous site");
  writeFileSync(join(dir, "sub", "page.html"), "a page of it");
  return () =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .sort()
      .map((f) => (f.endsWith(".html") ? `${f}: ${readFileSync(join(dir, f), "utf8")}` : f));
}

/** Makes a folder impossible to change, even for root (immutable), or for anyone else (mode 555). */
function freeze(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync("chattr", ["+i", dir]);
    return () => execFileSync("chattr", ["-i", dir]);
  }
  execFileSync("chmod", ["555", dir]);
  return () => execFileSync("chmod", ["755", dir]);
}

const leftovers = (parent: string) => readdirSync(parent).filter((f) => /\.(stage|old)-\d+$/.test(f));

describe("the output folder is the old site or the new one, never half of either", () => {
  it("a folder that cannot be replaced: refused with one line, the old site as it was, nothing left behind", () => {
    const parent = mkdtempSync(join(scratch, "frozen-"));
    const out = join(parent, "dist");
    const before = previousSite(out);
    const snapshot = before();
    const thaw = freeze(out);
    try {
      const site = new StagedSite(out);
      writeFileSync(join(site.stage, "index.html"), "the new site");
      expect(() => {
        site.commit();
      }).toThrow(SiteWriteError);
      expect(() => {
        site.commit();
      }).toThrow(/so it was left as it was|so the previous site was left as it was/);
    } finally {
      thaw();
    }
    expect(before()).toEqual(snapshot);
    expect(leftovers(parent)).toEqual([]);
  });

  it("a parent folder that cannot be written: nothing is built, the old site stays", () => {
    const parent = mkdtempSync(join(scratch, "parent-"));
    const out = join(parent, "dist");
    const before = previousSite(out);
    const snapshot = before();
    const thaw = freeze(parent);
    try {
      expect(() => new StagedSite(out)).toThrow(/cannot write next to .*dist/);
    } finally {
      thaw();
    }
    expect(before()).toEqual(snapshot);
    expect(leftovers(parent)).toEqual([]);
  });

  it("a stage left by a killed build is removed by the next one", () => {
    const parent = mkdtempSync(join(scratch, "stale-"));
    const out = join(parent, "dist");
    previousSite(out);
    mkdirSync(join(parent, ".dist.stage-999999999"));
    writeFileSync(join(parent, ".dist.stage-999999999", "half.html"), "half a site");
    const site = new StagedSite(out);
    expect(existsSync(join(parent, ".dist.stage-999999999"))).toBe(false);
    site.abort();
    expect(leftovers(parent)).toEqual([]);
  });

  it("publishes into a folder on another file system (/dev/shm), replacing its previous site", () => {
    const parent = mkdtempSync(join("/dev/shm", "course-"));
    try {
      const out = join(parent, "site");
      previousSite(out);
      const site = new StagedSite(out);
      // The stage is made beside the output, on its file system, so the swap is a rename there.
      expect(site.stage.startsWith(parent)).toBe(true);
      mkdirSync(join(site.stage, "ja"));
      writeFileSync(join(site.stage, "index.html"), "日本語");
      site.commit();
      expect(readFileSync(join(out, "index.html"), "utf8")).toBe("日本語");
      expect(existsSync(join(out, "sub"))).toBe(false);
      expect(leftovers(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("an interrupted build (SIGTERM) removes its stage and leaves the old site", async () => {
    const parent = mkdtempSync(join(scratch, "signal-"));
    const out = join(parent, "dist");
    const before = previousSite(out);
    const snapshot = before();
    const child = spawn(process.execPath, ["scripts/build.ts"], {
      cwd: ROOT,
      env: { ...process.env, OUT_DIR: out },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => {
        resolve(code);
      }),
    );
    // Wait until the stage exists (the build has started writing), then interrupt it.
    for (let i = 0; i < 600 && leftovers(parent).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers(parent).length).toBe(1);
    child.kill("SIGTERM");
    expect(await exited).not.toBe(0);
    expect(leftovers(parent)).toEqual([]);
    expect(before()).toEqual(snapshot);
  }, 120_000);

  it("an output folder that is a link (to a web server's root): published into where it points, the link kept", () => {
    const parent = mkdtempSync(join(scratch, "link-"));
    const root = join(parent, "webroot");
    previousSite(root);
    const out = join(parent, "dist");
    symlinkSync(root, out);
    const site = new StagedSite(out);
    expect(site.outDir).toBe(realpathSync(root));
    writeFileSync(join(site.stage, "index.html"), "the new site");
    site.commit();
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, "index.html"), "utf8")).toBe("the new site");
    expect(leftovers(parent)).toEqual([]);
    const dangling = join(parent, "nowhere");
    symlinkSync(join(parent, "missing"), dangling);
    expect(() => new StagedSite(dangling)).toThrow(/is a link to nothing/);
  });

  /** Runs a few lines with a StagedSite in a process of its own; resolves with its exit code and stderr. */
  function inChild(code: string): { exited: Promise<{ code: number | null; stderr: string }>; kill: () => void } {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    return {
      exited: new Promise((resolve) =>
        child.on("exit", (c) => {
          resolve({ code: c, stderr });
        }),
      ),
      kill: () => child.kill("SIGTERM"),
    };
  }
  const stagedSite = `import { StagedSite } from ${JSON.stringify(join(ROOT, "src/lib/fs/atomicSite.ts"))};`;

  it("two builds into one folder: the second is refused in one line while the first holds it", async () => {
    const parent = mkdtempSync(join(scratch, "lock-"));
    const out = join(parent, "dist");
    const before = previousSite(out);
    const snapshot = before();
    const first = inChild(`${stagedSite} new StagedSite(${JSON.stringify(out)}); setTimeout(() => {}, 60_000);`);
    // The child takes its lock once Node has started and loaded the module: seconds on a busy machine.
    for (let i = 0; i < 800 && !existsSync(join(parent, ".dist.lock")); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(parent, ".dist.lock"))).toBe(true);
    expect(() => new StagedSite(out)).toThrow(/another build \(process \d+\) is publishing into .*dist; wait for it to finish/);
    first.kill();
    await first.exited;
    expect(before()).toEqual(snapshot);
    // Its process gone, the lock is taken over.
    const site = new StagedSite(out);
    site.abort();
    expect(leftovers(parent)).toEqual([]);
    expect(existsSync(join(parent, ".dist.lock"))).toBe(false);
  }, 60_000);

  it("a failure nobody caught (an unhandled rejection) removes the stage and says so in one line", async () => {
    const parent = mkdtempSync(join(scratch, "rejection-"));
    const out = join(parent, "dist");
    const before = previousSite(out);
    const snapshot = before();
    const child = inChild(
      `${stagedSite} import { writeFileSync } from "node:fs"; const site = new StagedSite(${JSON.stringify(out)}); writeFileSync(site.stage + "/index.html", "half"); Promise.reject(new Error("a plugin failed late"));`,
    );
    const { code, stderr } = await child.exited;
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`error: the build failed (a plugin failed late), so ${realpathSync(out)} was left as it was`);
    expect(leftovers(parent)).toEqual([]);
    expect(before()).toEqual(snapshot);
  }, 60_000);

  it("nothing published may name the build machine's project folder", () => {
    const site = mkdtempSync(join(scratch, "leak-"));
    mkdirSync(join(site, "chunks"));
    writeFileSync(join(site, "index.html"), "<p>fine</p>");
    writeFileSync(join(site, "chunks", "server.mjs"), `import x from "${ROOT}node_modules/astro/x.js";`);
    writeFileSync(join(site, "data.bin"), ROOT);
    expect(filesMentioning(site, [ROOT.replace(/\/$/, "")])).toEqual(["chunks/server.mjs"]);
  });
});
