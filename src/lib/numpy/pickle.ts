import { FormatError } from "./formatError.ts";
import { FORMAT_LIMITS as LIMITS } from "./limits.ts";

/** A Python float, kept apart from ints (a float where numpy wants an int is an error, not a number). */
export class PyFloat {
  readonly value: number;

  constructor(value: number) {
    this.value = value;
  }
}

/** A Python tuple (kept apart from lists, which become JS arrays). */
export class PyTuple {
  readonly items: readonly PyValue[];

  constructor(items: readonly PyValue[]) {
    this.items = items;
  }
}

/** A Python object the unpickler may call (REDUCE) or whose state it may set (BUILD). */
export interface PyObject {
  readonly pyType: string;
  call?(args: readonly PyValue[]): PyValue;
  setState?(state: PyValue): void;
}

export type PyValue =
  null | boolean | number | bigint | string | Uint8Array | PyFloat | PyTuple | PyValue[] | Map<PyValue, PyValue> | PyObject;

/** Looks up a global by module and name; throws to refuse it. Nothing is imported or run. */
export type GlobalResolver = (module: string, name: string) => PyObject;

/** Python's name for the type of a value, for error messages. */
export function pyTypeName(v: PyValue): string {
  if (v === null) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "int";
  if (v instanceof PyFloat) return "float";
  if (typeof v === "bigint") return "int";
  if (typeof v === "string") return "str";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof PyTuple) return "tuple";
  if (Array.isArray(v)) return "list";
  if (v instanceof Map) return "dict";
  return v.pyType;
}

/**
 * Reads a pickle (protocols 2 to 5) with a restricted machine: the only callables are those
 * `resolve` returns, so a pickle naming anything else is refused before anything runs.
 * Large byte strings are views into `bytes`, not copies.
 */
export function unpickle(bytes: Uint8Array, resolve: GlobalResolver): PyValue {
  const r = new Reader(bytes);
  const stack: PyValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  let objects = 0;
  // Every limit is checked before the thing it limits is made: a hostile pickle is refused in
  // time and memory proportional to its length.
  const push = (v: PyValue): void => {
    if (stack.length >= LIMITS.maxPickleStack) throw r.fail(`holds more than ${LIMITS.maxPickleStack} values at once`);
    stack.push(v);
  };
  const made = <T extends PyValue>(v: T): T => {
    if (++objects > LIMITS.maxPickleObjects) throw r.fail(`makes more than ${LIMITS.maxPickleObjects} objects`);
    return v;
  };
  const remember = (key: number): void => {
    if (memo.size >= LIMITS.maxPickleMemo && !memo.has(key)) throw r.fail(`memoizes more than ${LIMITS.maxPickleMemo} values`);
    memo.set(key, top());
  };
  const pop = (): PyValue => {
    if (stack.length <= (marks[marks.length - 1] ?? 0)) throw r.fail("pops an empty stack");
    return stack.pop()!;
  };
  const top = (): PyValue => {
    if (stack.length <= (marks[marks.length - 1] ?? 0)) throw r.fail("reads an empty stack");
    return stack[stack.length - 1]!;
  };
  const popMark = (): PyValue[] => {
    const m = marks.pop();
    if (m === undefined) throw r.fail("closes a mark that was never set");
    return stack.splice(m);
  };
  for (;;) {
    const at = r.pos;
    const op = r.u8();
    switch (op) {
      case 0x80: // PROTO
        if (r.u8() > 5) throw r.fail("uses a pickle protocol newer than 5", at);
        break;
      case 0x95: // FRAME
        r.skip(8);
        break;
      case 0x2e: // STOP
        if (stack.length !== 1) throw r.fail("stops with a malformed stack", at);
        return pop();
      case 0x28: // MARK
        if (marks.length >= LIMITS.maxPickleMarks) throw r.fail(`sets more than ${LIMITS.maxPickleMarks} marks`, at);
        marks.push(stack.length);
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        push(top());
        break;
      case 0x4e: // NONE
        push(null);
        break;
      case 0x88: // NEWTRUE
        push(true);
        break;
      case 0x89: // NEWFALSE
        push(false);
        break;
      case 0x4a: // BININT
        push(r.i32());
        break;
      case 0x4b: // BININT1
        push(r.u8());
        break;
      case 0x4d: // BININT2
        push(r.u16());
        break;
      case 0x8a: // LONG1
        push(r.long(r.u8()));
        break;
      case 0x8b: // LONG4
        push(r.long(r.u32()));
        break;
      case 0x47: // BINFLOAT
        push(new PyFloat(r.f64be()));
        break;
      case 0x58: // BINUNICODE
        push(r.text(r.u32(), "utf-8"));
        break;
      case 0x8c: // SHORT_BINUNICODE
        push(r.text(r.u8(), "utf-8"));
        break;
      case 0x8d: // BINUNICODE8
        push(r.text(r.u64(), "utf-8"));
        break;
      case 0x54: // BINSTRING (Python 2 str)
        push(r.text(r.u32(), "latin1"));
        break;
      case 0x55: // SHORT_BINSTRING
        push(r.text(r.u8(), "latin1"));
        break;
      case 0x42: // BINBYTES
        push(r.bytes(r.u32()));
        break;
      case 0x43: // SHORT_BINBYTES
        push(r.bytes(r.u8()));
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        push(r.bytes(r.u64()));
        break;
      case 0x29: // EMPTY_TUPLE
        push(made(new PyTuple([])));
        break;
      case 0x74: // TUPLE
        push(made(new PyTuple(popMark())));
        break;
      case 0x85: // TUPLE1
        push(made(new PyTuple([pop()])));
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        push(made(new PyTuple([pop(), b])));
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        push(made(new PyTuple([pop(), b, c])));
        break;
      }
      case 0x5d: // EMPTY_LIST
        push(made([]));
        break;
      case 0x6c: // LIST
        push(made(popMark()));
        break;
      case 0x61: {
        // APPEND
        const v = pop();
        asList(top(), r, at).push(v);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        const list = asList(top(), r, at);
        for (const item of items) list.push(item);
        break;
      }
      case 0x7d: // EMPTY_DICT
        push(made(new Map()));
        break;
      case 0x64: // DICT
        push(made(toDict(popMark())));
        break;
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        asDict(top(), r, at).set(k, v);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        const d = asDict(top(), r, at);
        for (const [k, v] of toDict(items)) d.set(k, v);
        break;
      }
      case 0x71: // BINPUT
        remember(r.u8());
        break;
      case 0x72: // LONG_BINPUT
        remember(r.u32());
        break;
      case 0x94: // MEMOIZE
        remember(memo.size);
        break;
      case 0x68: // BINGET
        push(recall(memo, r.u8(), r, at));
        break;
      case 0x6a: // LONG_BINGET
        push(recall(memo, r.u32(), r, at));
        break;
      case 0x63: {
        // GLOBAL
        const module = r.line();
        push(made(resolve(module, r.line())));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== "string" || typeof name !== "string") throw r.fail("names a global that is not a string", at);
        push(made(resolve(module, name)));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        if (!(args instanceof PyTuple)) throw r.fail("calls with arguments that are not a tuple", at);
        if (!isObject(fn) || !fn.call) throw r.fail(`calls a ${pyTypeName(fn)}, which is not callable`, at);
        push(made(fn.call(args.items)));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const obj = top();
        if (!isObject(obj) || !obj.setState) throw r.fail(`sets the state of a ${pyTypeName(obj)}`, at);
        obj.setState(state);
        break;
      }
      default:
        throw r.fail(`uses opcode 0x${op.toString(16).padStart(2, "0")}, which numpy's array pickles never contain`, at);
    }
  }
}

function isObject(v: PyValue): v is PyObject {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Uint8Array) &&
    !(v instanceof PyTuple) &&
    !(v instanceof PyFloat) &&
    !Array.isArray(v) &&
    !(v instanceof Map)
  );
}

function asList(v: PyValue, r: Reader, at: number): PyValue[] {
  if (!Array.isArray(v)) throw r.fail(`appends to a ${pyTypeName(v)}`, at);
  return v;
}

function asDict(v: PyValue, r: Reader, at: number): Map<PyValue, PyValue> {
  if (!(v instanceof Map)) throw r.fail(`sets an item of a ${pyTypeName(v)}`, at);
  return v;
}

function toDict(items: PyValue[]): Map<PyValue, PyValue> {
  const d = new Map<PyValue, PyValue>();
  for (let i = 0; i + 1 < items.length; i += 2) d.set(items[i]!, items[i + 1]!);
  return d;
}

function recall(memo: Map<number, PyValue>, key: number, r: Reader, at: number): PyValue {
  const v = memo.get(key);
  if (v === undefined) throw r.fail(`refers to memo entry ${key}, which was never stored`, at);
  return v;
}

class Reader {
  pos = 0;
  private readonly dv: DataView;

  private readonly b: Uint8Array;

  constructor(b: Uint8Array) {
    this.b = b;
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  fail(what: string, at = this.pos): FormatError {
    return new FormatError(`the pickle ${what} (at byte ${at})`);
  }

  private need(n: number): number {
    const p = this.pos;
    if (p + n > this.b.length) throw new FormatError(`the pickle is cut short (needs ${n} bytes at byte ${p})`);
    this.pos = p + n;
    return p;
  }

  skip(n: number): void {
    this.need(n);
  }
  u8(): number {
    return this.b[this.need(1)]!;
  }
  u16(): number {
    return this.dv.getUint16(this.need(2), true);
  }
  i32(): number {
    return this.dv.getInt32(this.need(4), true);
  }
  u32(): number {
    return this.dv.getUint32(this.need(4), true);
  }
  u64(): number {
    const v = this.dv.getBigUint64(this.need(8), true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw this.fail("declares an impossible length");
    return Number(v);
  }
  f64be(): number {
    return this.dv.getFloat64(this.need(8), false);
  }
  long(n: number): number | bigint {
    // numpy's array pickles hold small integers only: a wide one is refused before it is read.
    if (n > LIMITS.maxIntegerBytes) throw this.fail(`holds an integer of ${n} bytes, more than the ${LIMITS.maxIntegerBytes} accepted`);
    const p = this.need(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.b[p + i]!);
    if (n > 0 && this.b[p + n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  bytes(n: number): Uint8Array {
    const p = this.need(n);
    return this.b.subarray(p, p + n);
  }
  text(n: number, encoding: string): string {
    return new TextDecoder(encoding).decode(this.bytes(n));
  }
  line(): string {
    // Looks no further than a name can be long: many names without an end cost no more than their bytes.
    const found = this.b.subarray(this.pos, this.pos + 257).indexOf(0x0a);
    if (found < 0)
      throw this.pos + 257 <= this.b.length
        ? this.fail("names a global longer than 256 characters")
        : new FormatError(`the pickle is cut short (a global name has no end, at byte ${this.pos})`);
    const end = this.pos + found;
    const s = new TextDecoder("utf-8").decode(this.b.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }
}
