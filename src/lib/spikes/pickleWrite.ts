import { neuronCount, neuronSpikes, type SpikeTrains } from "./dataset.ts";

/** Appends pickle opcodes to a preallocated buffer, memoizing as Python's pickler does. */
class PickleWriter {
  private readonly bytes: Uint8Array;
  private readonly dv: DataView;
  pos = 0;
  private memo = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.dv = new DataView(this.bytes.buffer);
  }

  op(...codes: number[]): this {
    for (const c of codes) this.bytes[this.pos++] = c;
    return this;
  }
  ascii(s: string): this {
    for (let i = 0; i < s.length; i++) this.bytes[this.pos++] = s.charCodeAt(i);
    return this;
  }
  u32(v: number): this {
    this.dv.setUint32(this.pos, v, true);
    this.pos += 4;
    return this;
  }
  /** BINPUT / LONG_BINPUT the top of the stack; returns its memo index. */
  put(): number {
    const i = this.memo++;
    if (i < 256) this.op(0x71, i);
    else this.op(0x72).u32(i);
    return i;
  }
  get(i: number): this {
    return i < 256 ? this.op(0x68, i) : this.op(0x6a).u32(i);
  }
  int(v: number): this {
    if (v < 256) return this.op(0x4b, v);
    if (v < 65536) return this.op(0x4d, v & 0xff, v >> 8);
    this.op(0x4a);
    this.dv.setInt32(this.pos, v, true);
    this.pos += 4;
    return this;
  }
  unicode(s: string): this {
    return this.op(0x58).u32(s.length).ascii(s);
  }
  binbytes(data: Uint8Array): this {
    if (data.length < 256) this.op(0x43, data.length);
    else this.op(0x42).u32(data.length);
    this.bytes.set(data, this.pos);
    this.pos += data.length;
    return this;
  }
  result(): Uint8Array {
    return this.bytes.subarray(0, this.pos);
  }
}

/**
 * Pickles spike trains as numpy 1.x pickled the tutorial's object array (protocol 3, globals
 * `numpy.core.multiarray._reconstruct`, `numpy.ndarray`, `numpy.dtype`), so numpy 1 and 2 both
 * load it with `allow_pickle=True`.
 */
export function pickleObjectArray(trains: SpikeTrains): Uint8Array {
  const n = neuronCount(trains);
  const code = trains.dtype === "float32" ? "f4" : "f8";
  const w = new PickleWriter(512 + n * 64 + trains.times.byteLength);
  w.op(0x80, 3, 0x63).ascii("numpy.core.multiarray\n_reconstruct\n");
  const reconstruct = w.put();
  w.op(0x63).ascii("numpy\nndarray\n");
  const ndarray = w.put();
  w.int(0).op(0x85);
  w.put();
  w.op(0x43, 1, 0x62);
  const b = w.put();
  w.op(0x87);
  w.put();
  w.op(0x52);
  w.put();
  // Later arrays recall _reconstruct, ndarray and b"b" from the memo.
  const newArray = () => {
    w.get(reconstruct).get(ndarray).int(0).op(0x85);
    w.put();
    w.get(b).op(0x87);
    w.put();
    w.op(0x52);
    w.put();
  };
  let dtypeObject = -1;
  const dtype = (name: string, order: string, flags: number) => {
    w.op(0x63).ascii("numpy\ndtype\n");
    dtypeObject = w.put();
    w.unicode(name);
    w.put();
    w.op(0x89, 0x88, 0x87);
    w.put();
    w.op(0x52);
    const id = w.put();
    w.op(0x28).int(3).unicode(order);
    w.put();
    w.op(0x4e, 0x4e, 0x4e, 0x4a).u32(0xffffffff).op(0x4a).u32(0xffffffff).int(flags).op(0x74);
    w.put();
    w.op(0x62);
    return id;
  };
  w.op(0x28).int(1).int(n).op(0x85);
  w.put();
  dtype("O8", "|", 63);
  w.op(0x89, 0x5d);
  w.put();
  let itemDtype = -1;
  for (let start = 0; start < n; start += 1000) {
    w.op(0x28); // Python's pickler appends in batches of 1000
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const s = neuronSpikes(trains, i);
      newArray();
      w.op(0x28).int(1).int(s.length).op(0x85);
      w.put();
      if (itemDtype < 0) {
        w.get(dtypeObject).unicode(code);
        w.put();
        w.op(0x89, 0x88, 0x87);
        w.put();
        w.op(0x52);
        itemDtype = w.put();
        w.op(0x28).int(3).unicode("<");
        w.put();
        w.op(0x4e, 0x4e, 0x4e, 0x4a).u32(0xffffffff).op(0x4a).u32(0xffffffff).int(0).op(0x74);
        w.put();
        w.op(0x62);
      } else {
        w.get(itemDtype);
      }
      w.op(0x89).binbytes(new Uint8Array(s.buffer, s.byteOffset, s.byteLength));
      w.put();
      w.op(0x74);
      w.put();
      w.op(0x62);
    }
    w.op(0x65);
  }
  w.op(0x74);
  w.put();
  w.op(0x62, 0x2e);
  return w.result();
}
