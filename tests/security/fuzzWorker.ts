// Run by fuzz.long.test.ts in its own process (a memory cap, a watchdog): mutates the spike-file
// fixtures with a seeded generator and reads each mutant as the build would. Prints one JSON
// line per 100 cases (progress, for the watchdog) and a summary line at the end.
import { readFileSync } from "node:fs";
import { SpikeFileError } from "../../src/lib/spikes/errors.ts";
import { listZipMembers, readZipMember } from "../../src/lib/numpy/zip.ts";
import { parseSpikeBytes, UNEXPECTED } from "../../src/lib/spikes/readFile.ts";
import { isPrintableLine } from "../../src/lib/text/printable.ts";
import { zipFile } from "../helpers/archives.ts";

const [seedText, countText, ...files] = process.argv.slice(2);
let state = Number(seedText) >>> 0;
/** mulberry32: a small seeded generator, so every run makes the same mutants. */
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number) => Math.floor(random() * n);

/** The seeds: each fixture as it is, and each .npz's .npy re-zipped (so mutants of it pass the CRC). */
const seeds: Uint8Array[] = [];
const npys: Uint8Array[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  seeds.push(bytes);
  if (file.endsWith(".npy")) npys.push(bytes);
  else {
    const member = listZipMembers(bytes).find((m) => m.name === "spike_times.npy");
    if (member) npys.push(readZipMember(new Uint8Array(bytes), member).slice());
  }
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x2e, 0x28, 0x52, 0x62, 0x94];

function mutate(input: Uint8Array): Uint8Array {
  let b = input.slice();
  const rounds = 1 + int(4);
  for (let r = 0; r < rounds && b.length > 0; r++) {
    const at = int(b.length);
    switch (int(9)) {
      case 0:
        b[at] = b[at]! ^ (1 << int(8));
        break;
      case 1:
        b[at] = INTERESTING[int(INTERESTING.length)]!;
        break;
      case 2:
        b = b.slice(0, at);
        break;
      case 3: {
        const len = 1 + int(64);
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at, at + len), ...b.subarray(at)]);
        break;
      }
      case 4:
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1 + int(32))]);
        break;
      case 5:
        if (at + 4 <= b.length)
          new DataView(b.buffer).setUint32(at, [0xffffffff, 0x7fffffff, 0x10000, 0x80000000, int(2 ** 32)][int(5)]!, true);
        break;
      case 7: {
        // Aliasing: recall memoized values (arrays, lists) again and again, as a hostile pickle can.
        const recalls = Array.from({ length: 1 + int(64) }, () => [0x68, int(32)]).flat();
        b = Uint8Array.from([...b.subarray(0, at), ...recalls, ...b.subarray(at)]);
        break;
      }
      case 8: {
        // Zip headers that disagree: the local name, the encryption flags, sizes and offsets in the directory.
        if (b.length < 52 || new DataView(b.buffer).getUint32(0, true) !== 0x04034b50) break;
        const dv = new DataView(b.buffer);
        const central = b.length >= 22 ? dv.getUint32(b.length - 22 + 16, true) : 0;
        const field = [() => 30 + int(8), () => 6, () => central + 8, () => central + 20, () => central + 42][int(5)]!();
        if (field + 4 <= b.length) dv.setUint16(field, dv.getUint16(field, true) ^ (1 << int(16)), true);
        break;
      }
      default:
        b = Uint8Array.from([...b.subarray(0, at), ...Array.from({ length: 1 + int(8) }, () => int(256)), ...b.subarray(at)]);
    }
  }
  return b;
}

const count = Number(countText);
const failures: string[] = [];
let accepted = 0;
let maxMs = 0;
for (let i = 0; i < count; i++) {
  const viaNpy = i % 2 === 1;
  const base = viaNpy ? npys[int(npys.length)]! : seeds[int(seeds.length)]!;
  let bytes = mutate(base);
  if (viaNpy && int(2) === 0) bytes = zipFile([{ name: "spike_times.npy", data: bytes, deflate: int(2) === 0 }]);
  const name = `mutant-${i}.npz`;
  const copy = bytes.slice();
  const start = performance.now();
  try {
    const data = parseSpikeBytes(bytes, name);
    accepted++;
    // Accepted: reading the same bytes again gives the same data.
    const again = parseSpikeBytes(copy, name);
    if (data.dtype !== again.dtype || data.offsets.join() !== again.offsets.join() || data.times.join() !== again.times.join())
      failures.push(`case ${i}: a re-read gives other data`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof SpikeFileError))
      failures.push(`case ${i}: ${err instanceof Error ? err.name : typeof err}: ${message.slice(0, 200)}`);
    else if (message.includes(UNEXPECTED) || !message.startsWith(`${name}: `) || !isPrintableLine(message) || message.length > 310)
      failures.push(`case ${i}: not one clear line: ${JSON.stringify(message.slice(0, 300))}`);
  }
  maxMs = Math.max(maxMs, performance.now() - start);
  if (i % 100 === 99) process.stdout.write(`${JSON.stringify({ progress: i + 1 })}\n`);
}
process.stdout.write(
  `${JSON.stringify({ cases: count, accepted, refused: count - accepted, maxMs, failures: failures.slice(0, 20), failed: failures.length })}\n`,
);
