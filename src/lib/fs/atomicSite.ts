import {
  accessSync,
  closeSync,
  constants,
  linkSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
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
 * The folder a site is published into: `outDir` itself, or, when it is a symbolic link (to a
 * web server's root, say), the folder it points at, so the link is kept and the site behind it
 * is the one replaced. A link to nothing, or to something that is not a folder, is refused.
 */
function publishedFolder(outDir: string): string {
  let link: boolean;
  try {
    link = lstatSync(outDir).isSymbolicLink();
  } catch {
    return outDir; // nothing there yet
  }
  if (!link) return outDir;
  let target: string;
  try {
    target = realpathSync(outDir);
  } catch {
    throw new SiteWriteError(`${outDir} is a link to nothing, so nothing was built (point it at a folder, or remove it)`);
  }
  if (!statSync(target).isDirectory())
    throw new SiteWriteError(`${outDir} is a link to ${target}, which is not a folder; it was left as it is`);
  return target;
}

/**
 * A lock on publishing into a folder (`.<name>.lock` beside it, holding the builder's pid):
 * two builds into one folder would mix their files, so the second is refused in one line. A
 * lock whose process is gone is taken over.
 */
function lockFolder(lock: string, outDir: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    // The lock appears with its holder's pid already in it (written beside it, then linked into
    // place, which fails when a lock exists): another build never reads a lock still empty. A
    // file system without links takes the lock by exclusive creation instead.
    const mine = `${lock}.${process.pid}`;
    try {
      writeFileSync(mine, String(process.pid));
      try {
        linkSync(mine, lock);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw err;
        const fd = openSync(lock, "wx");
        writeSync(fd, String(process.pid));
        closeSync(fd);
      }
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST")
        throw new SiteWriteError(`cannot lock ${outDir} (${why(err)}), so nothing was built`);
    } finally {
      rmSync(mine, { force: true });
    }
    const holder = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
      throw new SiteWriteError(`another build (process ${holder}) is publishing into ${outDir}; wait for it to finish, then build again`);
    rmSync(lock, { force: true });
  }
  throw new SiteWriteError(`cannot lock ${outDir}, so nothing was built`);
}

/**
 * A new site being built beside the live one: `stage` is a fresh folder next to `outDir` (same
 * file system, so the swap is a rename), `commit()` swaps it in and removes the old site,
 * rolling back on any failure (permissions included) so `outDir` is either the old site or
 * the new one, and `abort()` removes the stage. One build at a time publishes into a folder (a
 * lock beside it); an output folder that is a link is published into where it points, the link
 * kept. A stage left by a killed build is removed when the next build starts; an interrupted
 * build, or one that fails in any way (an unhandled rejection too), removes its own stage.
 */
export class StagedSite {
  readonly stage: string;
  /** The folder replaced: `outDir`, or where it links to. */
  readonly outDir: string;
  private readonly old: string;
  private readonly lock: string;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.abortForGood();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  // A failure nobody caught (a rejected promise in a plugin, say): the stage goes, one line says why.
  private readonly onFailure = (err: unknown) => {
    this.abortForGood();
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    process.stderr.write(`error: the build failed (${message}), so ${this.outDir} was left as it was\n`);
    process.exit(1);
  };

  constructor(outDir: string) {
    this.outDir = publishedFolder(outDir);
    const parent = dirname(this.outDir);
    const name = basename(this.outDir);
    try {
      mkdirSync(parent, { recursive: true });
      accessSync(parent, constants.W_OK);
    } catch (err) {
      throw new SiteWriteError(`cannot write next to ${this.outDir} (${why(err)}), so nothing was built`);
    }
    if (existsSync(this.outDir) && !statSync(this.outDir).isDirectory())
      throw new SiteWriteError(`${this.outDir} exists and is not a folder; it was left as it is`);
    this.lock = join(parent, `.${name}.lock`);
    lockFolder(this.lock, this.outDir);
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
    process.on("unhandledRejection", this.onFailure);
    process.on("uncaughtException", this.onFailure);
  }

  private release(): void {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(s, this.onSignal);
    process.off("unhandledRejection", this.onFailure);
    process.off("uncaughtException", this.onFailure);
    try {
      if (readFileSync(this.lock, "utf8").trim() === String(process.pid)) unlinkSync(this.lock);
    } catch {
      // already gone
    }
  }

  /** Removes the stage; the live site is untouched. */
  abort(): void {
    rmSync(this.stage, { recursive: true, force: true });
    this.release();
  }

  /**
   * Removes the stage before the process ends mid-build: writes the build had already handed to
   * other threads (libuv's, the bundler's) may still land and recreate it, and none are started
   * while this waits; so it is removed again until it has stayed gone for 200 ms (2 s at most).
   */
  private abortForGood(): void {
    this.abort();
    const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    for (let quiet = 0, looks = 0; quiet < 2 && looks < 20; looks++) {
      pause();
      if (existsSync(this.stage)) {
        rmSync(this.stage, { recursive: true, force: true });
        quiet = 0;
      } else quiet++;
    }
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
