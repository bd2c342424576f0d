/**
 * Python's and numpy's text forms of the values the tutorial prints, so a page shows exactly
 * what the notebook printed: `format(x, ".1%")`, list and tuple reprs, numpy's str of a float array.
 */

/** `format(x, ".Nf")`: the exact binary value rounded half-to-even, as CPython does. */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const rounded = x.toFixed(digits); // rounds ties away from zero...
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 60));
  const tail = exact.slice(exact.indexOf(".") + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  // ...so an exact tie goes to the even neighbour instead.
  const lastDigit = Number(exact[exact.indexOf(".") + digits + (digits === 0 ? -1 : 0)]);
  if (lastDigit % 2 === 1) return rounded;
  const down = Math.sign(x) * Math.abs(Number(exact.slice(0, exact.indexOf(".") + 1 + digits)));
  return down.toFixed(digits);
}

/** `format(x, ".N%")`: x times 100 (in double precision), fixed to N digits, then "%". */
export function pyPercent(x: number, digits: number): string {
  return `${pyFixed(x * 100, digits)}%`;
}

/** The repr of a list of Python ints: `[826, 2818, 3953]`. */
export function pyIntList(values: readonly number[]): string {
  return `[${values.join(", ")}]`;
}

/** The repr of a shape tuple: `(734,)`, `(60, 5)`. */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** The shortest decimal digits that read back as the same float32 (or float64) value. */
function shortest(x: number, float32: boolean): { digits: string; exponent: number } {
  for (let p = 1; p <= 17; p++) {
    const s = x.toExponential(p - 1);
    const back = Number(s);
    if ((float32 ? Math.fround(back) : back) === x) {
      const [mantissa, exp] = s.split("e");
      return { digits: mantissa!.replace(".", "").replace("-", ""), exponent: Number(exp) };
    }
  }
  throw new Error(`no shortest form for ${x}`);
}

function positional(x: number, float32: boolean, maxFraction: number): [string, string] {
  const { digits, exponent } = shortest(Math.abs(x), float32);
  let intPart: string;
  let frac: string;
  if (exponent >= 0) {
    const padded = digits.padEnd(exponent + 1, "0");
    intPart = padded.slice(0, exponent + 1);
    frac = padded.slice(exponent + 1);
  } else {
    intPart = "0";
    frac = "0".repeat(-exponent - 1) + digits;
  }
  if (frac.length > maxFraction) {
    // numpy caps the digits at `precision` (8), rounding the exact value.
    [intPart, frac] = Math.abs(x).toFixed(maxFraction).split(".") as [string, string];
    frac = frac.replace(/0+$/, "");
  }
  return [(x < 0 || Object.is(x, -0) ? "-" : "") + intPart, frac.replace(/0+$/, "")];
}

/**
 * `str(np.array(values, dtype))` with numpy's default print options (precision 8, "maxprec",
 * line width 75): shortest digits, integer parts right-aligned, fractions left-aligned, and
 * scientific notation for the whole array when values span more than 1e3 or fall below 1e-4.
 */
export function numpyArrayStr(values: ArrayLike<number>, dtype: "float32" | "float64"): string {
  const xs = Array.from(values);
  if (xs.length === 0) return "[]";
  const float32 = dtype === "float32";
  const nonZero = xs.filter((v) => v !== 0 && Number.isFinite(v)).map(Math.abs);
  const max = Math.max(...nonZero);
  const min = Math.min(...nonZero);
  const scientific = nonZero.length > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  const words = scientific ? scientificWords(xs, float32) : positionalWords(xs, float32);
  // numpy's _formatArray: a hanging indent of one space, elements up to width 75 - 1.
  let text = "";
  let line = " ";
  words.forEach((word, i) => {
    if (line.length + word.length > 74 && line.length > 1) {
      text += `${line.trimEnd()}\n`;
      line = " ";
    }
    line += i === words.length - 1 ? word : `${word} `;
  });
  return `[${(text + line).slice(1)}]`;
}

function positionalWords(xs: number[], float32: boolean): string[] {
  const parts = xs.map((x) => positional(x, float32, 8));
  const padLeft = Math.max(...parts.map(([i]) => i.length));
  const padRight = Math.max(...parts.map(([, f]) => f.length));
  return parts.map(([i, f]) => `${i.padStart(padLeft)}.${f.padEnd(padRight)}`);
}

function scientificWords(xs: number[], float32: boolean): string[] {
  const precision = Math.max(...xs.map((x) => Math.max(0, shortest(Math.abs(x), float32).digits.length - 1)));
  const parts = xs.map((x) => {
    const [mantissa, exp] = x.toExponential(Math.min(precision, 100)).split("e") as [string, string];
    return { mantissa, sign: exp.startsWith("-") ? "-" : "+", exp: exp.replace(/^[+-]/, "") };
  });
  const expSize = Math.max(2, ...parts.map((p) => p.exp.length));
  const padLeft = Math.max(...parts.map((p) => p.mantissa.split(".")[0]!.length));
  return parts.map((p) => {
    const [i, f = ""] = p.mantissa.split(".");
    return `${i!.padStart(padLeft)}.${f.padEnd(precision, "0")}e${p.sign}${p.exp.padStart(expSize, "0")}`;
  });
}
