import type { FloatArray, FloatDtype, SpikeTrains } from "./dataset.ts";
import { FormatError } from "../numpy/formatError.ts";
import { LIMITS } from "./limits.ts";
import { parseNpyHeader } from "../numpy/npy.ts";
import { NdArray, unpickleNumpy } from "../numpy/numpyPickle.ts";
import { pyTypeName, type PyValue } from "../numpy/pickle.ts";

const NUMPY_NAMES: Record<string, string> = {
  f2: "float16",
  f4: "float32",
  f8: "float64",
  f16: "float128",
  i1: "int8",
  i2: "int16",
  i4: "int32",
  i8: "int64",
  u1: "uint8",
  u2: "uint16",
  u4: "uint32",
  u8: "uint64",
  b1: "bool",
};

function dtypeName(code: string): string {
  return NUMPY_NAMES[code] ?? (code.startsWith("O") ? "object" : code);
}

/**
 * Decodes the tutorial's `spike_times.npy` (a numpy object array of per-neuron float arrays)
 * into spike trains, and validates it: every neuron a 1-D float32/float64 array, finite,
 * sorted ascending. Throws a FormatError naming the neuron and position at fault.
 * The result reuses the memory of `npy` (values are moved down in place), so the caller gives
 * those bytes up: hash or keep them first.
 */
export function decodeSpikeTimes(npy: Uint8Array): SpikeTrains {
  return assembleSpikeTrains(unpickleNeurons(npy));
}

/** Step one of decoding: the .npy header and the pickle, down to one checked array per neuron. */
export function unpickleNeurons(npy: Uint8Array): NdArray[] {
  const header = parseNpyHeader(npy, "spike_times");
  if (header.descr !== "|O") throw new FormatError(describeDense(header.descr, header.shape.length));
  if (header.shape.length !== 1) {
    throw new FormatError(`spike_times is a ${header.shape.length}-D object array, not a 1-D array of per-neuron arrays`);
  }
  if (header.shape[0]! > LIMITS.maxNeurons)
    throw new FormatError(`spike_times holds ${header.shape[0]} neurons, more than the ${LIMITS.maxNeurons} the site's files can carry`);
  const root = unpickleNumpy(npy.subarray(header.dataOffset));
  if (!(root instanceof NdArray) || !Array.isArray(root.data)) {
    throw new FormatError(`spike_times holds a pickled ${pyTypeName(root)}, not a numpy object array`);
  }
  if (root.data.length !== header.shape[0]) {
    throw new FormatError(`spike_times declares ${header.shape[0]} entries but its pickle holds ${root.data.length}`);
  }
  const neurons = root.data.map(checkNeuronArray);
  // Before anything is allocated for them: one array named 400 times is 400 arrays' worth of spikes.
  let total = 0;
  for (const [i, a] of neurons.entries()) {
    total += a.shape[0]!;
    if (total > LIMITS.maxTotalSpikes)
      throw new FormatError(
        `spike_times holds more than ${LIMITS.maxTotalSpikes} spikes in all (by neuron ${i}; an array used several times counts each time)`,
      );
  }
  return neurons;
}

/** Step two: gathers the neurons into one typed array and checks every time is finite and sorted. */
export function assembleSpikeTrains(neurons: NdArray[]): SpikeTrains {
  const trains = canCompactInPlace(neurons) ? compactInPlace(neurons) : copyToOneBuffer(neurons);
  checkFiniteAndSorted(trains);
  return trains;
}

function describeDense(descr: string, ndim: number): string {
  const code = descr.slice(1);
  const kind = code.startsWith("f") ? "float" : dtypeName(code);
  const shape = ndim === 1 ? "single 1-D" : `dense ${ndim}-D`;
  return `spike_times is a ${shape} ${kind} array, not an object array of per-neuron arrays`;
}

function checkNeuronArray(item: PyValue, i: number): NdArray {
  if (!(item instanceof NdArray)) throw new FormatError(`neuron ${i} is not an array (a ${pyTypeName(item)})`);
  const code = item.dtype.code;
  if (code !== "f4" && code !== "f8") {
    throw new FormatError(`per-neuron arrays must be float32 or float64 (neuron ${i} is ${dtypeName(code)})`);
  }
  if (item.shape.length !== 1) {
    throw new FormatError(`neuron ${i} is a ${item.shape.length}-D array (shape (${item.shape.join(", ")})), not 1-D`);
  }
  const expected = item.shape[0]! * (code === "f4" ? 4 : 8);
  if (!(item.data instanceof Uint8Array) || item.data.length !== expected) {
    throw new FormatError(`neuron ${i} declares ${item.shape[0]} values but holds ${item.data.length} bytes of data`);
  }
  return item;
}

function offsetsOf(neurons: NdArray[]): Uint32Array {
  const offsets = new Uint32Array(neurons.length + 1);
  neurons.forEach((a, i) => (offsets[i + 1] = offsets[i]! + a.shape[0]!));
  return offsets;
}

/** True when all neurons have one width and their bytes lie in one buffer, in order, apart. */
function canCompactInPlace(neurons: NdArray[]): boolean {
  const first = neurons[0]?.data as Uint8Array | undefined;
  if (!first) return false;
  let end = 0;
  return neurons.every((a) => {
    const d = a.data as Uint8Array;
    const ok = a.dtype.code === neurons[0]!.dtype.code && d.buffer === first.buffer && d.byteOffset >= end;
    end = d.byteOffset + d.byteLength;
    return ok;
  });
}

/**
 * Moves every neuron's values down, in file order, so they sit back to back from an aligned
 * address inside the buffer they were read into: no new 30 MB allocation and no second pass
 * over fresh memory. Each move lands at or below its source and above everything still unread.
 */
function compactInPlace(neurons: NdArray[]): SpikeTrains {
  const width = neurons[0]!.dtype.code === "f4" ? 4 : 8;
  const offsets = offsetsOf(neurons);
  const first = neurons[0]!.data as Uint8Array;
  const bytes = new Uint8Array(first.buffer);
  const base = Math.floor(first.byteOffset / width) * width;
  let dest = base;
  for (const a of neurons) {
    const src = a.data as Uint8Array;
    bytes.copyWithin(dest, src.byteOffset, src.byteOffset + src.byteLength);
    if (a.dtype.byteOrder === ">") swapBytes(bytes, dest, src.byteLength, width);
    dest += src.byteLength;
  }
  const total = offsets[neurons.length]!;
  const times = width === 4 ? new Float32Array(first.buffer, base, total) : new Float64Array(first.buffer, base, total);
  return { dtype: width === 4 ? "float32" : "float64", times, offsets };
}

function copyToOneBuffer(neurons: NdArray[]): SpikeTrains {
  // float64 wins when the file mixes widths, as np.concatenate would decide.
  const dtype: FloatDtype = neurons.some((a) => a.dtype.code === "f8") ? "float64" : "float32";
  const offsets = offsetsOf(neurons);
  const total = offsets[neurons.length]!;
  const times: FloatArray = dtype === "float32" ? new Float32Array(total) : new Float64Array(total);
  const bytes = new Uint8Array(times.buffer);
  neurons.forEach((a, i) => {
    const src = a.data as Uint8Array;
    const bigEndian = a.dtype.byteOrder === ">";
    if ((a.dtype.code === "f4") === (dtype === "float32")) {
      const width = times.BYTES_PER_ELEMENT;
      bytes.set(src, offsets[i]! * width); // one memcpy, whatever the source alignment
      if (bigEndian) swapBytes(bytes, offsets[i]! * width, src.length, width);
    } else {
      const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
      for (let k = 0; k < a.shape[0]!; k++) times[offsets[i]! + k] = dv.getFloat32(k * 4, !bigEndian);
    }
  });
  return { dtype, times, offsets };
}

function swapBytes(bytes: Uint8Array, start: number, length: number, width: number): void {
  for (let p = start; p < start + length; p += width) {
    for (let a = p, b = p + width - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

function checkFiniteAndSorted({ times, offsets }: SpikeTrains): void {
  const max = LIMITS.maxRecordingSeconds;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    // Sorted ascending, so the first spike is the earliest: it alone is checked against the start.
    let prev: number = LIMITS.minSpikeTime;
    for (let k = start; k < end; k++) {
      const t = times[k]!;
      // One test on the hot path: false for NaN, an infinity, a step back, or a time out of range.
      if (!(t >= prev && t <= max)) reportBadValue(i, k - start, t, k === start);
      prev = t;
    }
  }
}

function reportBadValue(neuron: number, position: number, t: number, first: boolean): never {
  if (Number.isNaN(t)) throw new FormatError(`neuron ${neuron} holds a NaN at position ${position}`);
  if (!Number.isFinite(t)) throw new FormatError(`neuron ${neuron} holds an infinity at position ${position}`);
  if (t > LIMITS.maxRecordingSeconds)
    throw new FormatError(
      `neuron ${neuron} holds a spike at ${t} s (position ${position}), beyond the longest recording accepted (${LIMITS.maxRecordingSeconds} s)`,
    );
  if (first && t < LIMITS.minSpikeTime)
    throw new FormatError(`neuron ${neuron} holds a spike at ${t} s (position ${position}), before the recording started`);
  throw new FormatError(`neuron ${neuron} is not sorted (position ${position} is before position ${position - 1})`);
}
