import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../scripts/lib/chromium.ts";
import { scratchFolder } from "../helpers/fixtures.ts";

// Chromium keeps only the last --disable-features it is given. Playwright passes its own list
// first; the launcher must hand the browser that list and ours as one.
describe("the Chromium launcher", () => {
  /** The arguments a stand-in for Chromium receives when the launcher is run with `args`. */
  const received = (args: string[]): string[] => {
    const dir = scratchFolder("chromium-features-");
    const standIn = join(dir, "chromium");
    writeFileSync(standIn, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    chmodSync(standIn, 0o755);
    const { executablePath } = chromiumLaunchOptions([]);
    return execFileSync(executablePath!, args, { env: { ...process.env, CHROMIUM_PATH: standIn }, encoding: "utf8" })
      .split("\n")
      .slice(0, -1);
  };

  it("joins every --disable-features list into one, first, and passes the other arguments as they came", () => {
    expect(received(["--headless", "--disable-features=A,B", "--user-data-dir=/tmp/a b", "--disable-features=C", "--x=1"])).toEqual([
      "--disable-features=A,B,C",
      "--headless",
      "--user-data-dir=/tmp/a b",
      "--x=1",
    ]);
  });

  it("adds no list when none is given", () => {
    expect(received(["--headless", "--enable-features=D"])).toEqual(["--headless", "--enable-features=D"]);
  });

  it("hands the browser ours after Playwright's (the features the project turns off reach Chromium)", () => {
    const { args } = chromiumLaunchOptions();
    const ours = args!.find((a) => a.startsWith("--disable-features="))!;
    expect(received(["--disable-features=PlaywrightsOwn", ...args!])[0]).toBe(`--disable-features=PlaywrightsOwn,${ours.split("=")[1]}`);
  });
});
