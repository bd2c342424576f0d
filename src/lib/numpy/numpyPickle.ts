import { printable } from "../text/printable.ts";
import { FormatError } from "./formatError.ts";
import { FORMAT_LIMITS as LIMITS } from "./limits.ts";
import { PyTuple, pyTypeName, unpickle, type PyObject, type PyValue } from "./pickle.ts";

/** A numpy dtype as rebuilt from a pickle: its type code ("f4", "O8", ...) and byte order. */
export class DType implements PyObject {
  readonly pyType = "numpy.dtype";
  byteOrder = "=";

  readonly code: string;

  constructor(code: string) {
    this.code = code;
  }

  setState(state: PyValue): void {
    if (state instanceof PyTuple && typeof state.items[1] === "string") this.byteOrder = state.items[1];
  }

  /** numpy's str for the dtype, e.g. "<f4", "|O". */
  get descr(): string {
    if (this.code.startsWith("O")) return "|O";
    return `${this.byteOrder === "=" ? "<" : this.byteOrder}${this.code}`;
  }
}

/** An ndarray rebuilt from a pickle; `data` is raw bytes, or the items of an object array. */
export class NdArray implements PyObject {
  readonly pyType = "numpy.ndarray";
  shape: number[] = [0];
  dtype: DType = new DType("f8");
  fortran = false;
  data: Uint8Array | PyValue[] = new Uint8Array(0);

  setState(state: PyValue): void {
    const s = state instanceof PyTuple ? state.items : [];
    const [, shape, dtype, fortran, data] = s;
    if (s.length !== 5 || !(shape instanceof PyTuple) || !(dtype instanceof DType)) {
      throw new FormatError("the pickle sets an ndarray state numpy would not write");
    }
    this.shape = shapeOf(shape);
    this.dtype = dtype;
    this.fortran = fortran === true;
    if (data instanceof Uint8Array || Array.isArray(data)) this.data = data;
    else throw new FormatError(`the pickle gives an ndarray a ${pyTypeName(data ?? null)} as data`);
  }
}

/** A shape as numpy accepts one: a tuple of non-negative integers, nothing else. */
function shapeOf(shape: PyTuple): number[] {
  return shape.items.map((n) => {
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
      throw new FormatError(`the pickle gives an array a shape item of type ${pyTypeName(n)}, not a non-negative integer`);
    return n;
  });
}

const callable = (pyType: string, call: (args: readonly PyValue[]) => PyValue): PyObject => ({ pyType, call });

const ndarrayClass: PyObject = { pyType: "type" };

const reconstruct = callable("function", (args) => {
  if (args[0] !== ndarrayClass) throw new FormatError("the pickle asks _reconstruct for a class other than numpy.ndarray");
  return new NdArray();
});

const dtype = callable("type", (args) => {
  if (typeof args[0] !== "string") throw new FormatError("the pickle builds a dtype from a non-string");
  return new DType(args[0]);
});

// Protocol 5: numpy pickles contiguous arrays as _frombuffer(buffer, dtype, shape, order).
const frombuffer = callable("function", ([buf, dt, shape, order]) => {
  if (!(buf instanceof Uint8Array) || !(dt instanceof DType) || !(shape instanceof PyTuple)) {
    throw new FormatError("the pickle calls _frombuffer with arguments numpy would not write");
  }
  const a = new NdArray();
  a.data = buf;
  a.dtype = dt;
  a.shape = shapeOf(shape);
  a.fortran = order === "F";
  return a;
});

// Protocol 2 has no bytes opcode, so numpy's bytes arrive as _codecs.encode(text, "latin1").
// A pickle can call it again and again on one memoized string: what it makes is budgeted.
const encoder = (budget: { bytes: number }) =>
  callable("function", ([text, encoding]) => {
    if (typeof text !== "string" || (encoding !== "latin1" && encoding !== "latin-1")) {
      throw new FormatError("the pickle calls _codecs.encode other than as numpy does (latin1)");
    }
    budget.bytes -= text.length;
    if (budget.bytes < 0) throw new FormatError("the pickle makes more bytes through _codecs.encode than it holds");
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) throw new FormatError("the pickle encodes a character outside latin1");
      out[i] = c;
    }
    return out;
  });

const scalar = callable("function", ([dt]) => ({ pyType: `numpy.${dt instanceof DType ? dt.code : "generic"} scalar` }));

const FIXED: Record<string, PyObject> = {
  "numpy.core.multiarray._reconstruct": reconstruct,
  "numpy._core.multiarray._reconstruct": reconstruct,
  "numpy.core.multiarray.scalar": scalar,
  "numpy._core.multiarray.scalar": scalar,
  "numpy.core.numeric._frombuffer": frombuffer,
  "numpy._core.numeric._frombuffer": frombuffer,
  "numpy.ndarray": ndarrayClass,
  "numpy.dtype": dtype,
};

/**
 * Unpickles numpy's pickle of an object array. Only the callables numpy uses to rebuild
 * arrays are accepted; any other global is refused by name before anything runs.
 */
export function unpickleNumpy(bytes: Uint8Array): PyValue {
  const encode = encoder({ bytes: bytes.length * LIMITS.maxEncodedRatio });
  return unpickle(bytes, (module, name) => {
    const key = `${module}.${name}`;
    const found = key === "_codecs.encode" ? encode : FIXED[key];
    if (!found) {
      throw new FormatError(`the pickle names a callable outside numpy's array reconstruction (${printable(key, 80)}); nothing was run`);
    }
    return found;
  });
}
