import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The site could not be written or replaced; the previous one is as it was. */
export class SiteWriteError extends Error {}

const why = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** True when a process with this id is running (a stage it left is still in use). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A new site being built beside the live one: `stage` is a fresh folder next to `outDir` (same
 * file system, so the swap is a rename), `commit()` swaps it in and removes the old site,
 * rolling back on any failure (permissions included) so `outDir` is either the old site or
 * the new one, and `abort()` removes the stage. A stage left by a killed build is removed
 * when the next build starts; an interrupted build removes its own stage.
 */
export class StagedSite {
  readonly stage: string;
  private readonly old: string;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.abort();
    // Writes the build had already handed to libuv's threads may still land (and recreate the
    // stage); none are started while this waits, so after a pause a second removal is final.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    rmSync(this.stage, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };

  constructor(readonly outDir: string) {
    const parent = dirname(outDir);
    const name = basename(outDir);
    try {
      mkdirSync(parent, { recursive: true });
      accessSync(parent, constants.W_OK);
    } catch (err) {
      throw new SiteWriteError(`cannot write next to ${outDir} (${why(err)}), so nothing was built`);
    }
    if (existsSync(outDir) && !statSync(outDir).isDirectory())
      throw new SiteWriteError(`${outDir} exists and is not a folder; it was left as it is`);
    // Stages and old sites of builds that were killed: remove them.
    for (const entry of readdirSync(parent)) {
      const m = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:stage|old)-(\\d+)$`).exec(entry);
      if (m && !alive(Number(m[1]))) rmSync(join(parent, entry), { recursive: true, force: true });
    }
    this.stage = join(parent, `.${name}.stage-${process.pid}`);
    this.old = join(parent, `.${name}.old-${process.pid}`);
    rmSync(this.stage, { recursive: true, force: true });
    mkdirSync(this.stage);
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(s, this.onSignal);
  }

  private release(): void {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(s, this.onSignal);
  }

  /** Removes the stage; the live site is untouched. */
  abort(): void {
    rmSync(this.stage, { recursive: true, force: true });
    this.release();
  }

  /** Puts the staged site in place of the live one, or leaves the live one as it was and says why. */
  commit(): void {
    const hadSite = existsSync(this.outDir);
    try {
      if (hadSite) {
        // A site we could not delete afterwards would be left half-replaced: find out first.
        accessSync(this.outDir, constants.W_OK);
        renameSync(this.outDir, this.old);
      }
    } catch (err) {
      this.abort();
      throw new SiteWriteError(`cannot replace ${this.outDir} (${why(err)}), so it was left as it was`);
    }
    try {
      renameSync(this.stage, this.outDir);
    } catch (err) {
      if (hadSite) renameSync(this.old, this.outDir);
      this.abort();
      throw new SiteWriteError(`cannot move the new site to ${this.outDir} (${why(err)}), so the previous site was left as it was`);
    }
    try {
      if (hadSite) rmSync(this.old, { recursive: true, force: true });
    } catch (err) {
      // Put the previous site back whole: take the new one out, restore, then remove the new one.
      renameSync(this.outDir, this.stage);
      renameSync(this.old, this.outDir);
      this.abort();
      throw new SiteWriteError(`cannot remove the previous site at ${this.outDir} (${why(err)}), so it was left as it was`);
    }
    this.release();
  }
}
