import { Runtime, type Module, type Observer } from "@observablehq/runtime";

/**
 * An Observable runtime that recomputes in a microtask instead of on the next animation frame
 * (its default), so an input's figure is redrawn before the browser next paints.
 */
export function microtaskRuntime(): Runtime {
  const runtime = new Runtime();
  runtime._computeSoon = async function (this: Runtime) {
    await Promise.resolve();
    if (!this._disposed) await this._computeNow();
  };
  return runtime;
}

/** Defines a variable computed from named inputs, observed by `onValue`. */
export function derive<T>(
  module: Module,
  name: string,
  inputs: readonly string[],
  compute: (values: Record<string, unknown>) => T | Promise<T>,
  onValue?: (value: T) => void,
  onError?: (error: unknown) => void,
): void {
  const ignore = (): void => undefined; // a failed variable is reported by onError, when given
  const observer: Observer<T> | undefined = onValue ? { fulfilled: onValue, rejected: onError ?? ignore } : undefined;
  module
    .variable(observer)
    .define(name, inputs, ((...args: unknown[]) => compute(Object.fromEntries(inputs.map((n, i) => [n, args[i]])))) as never);
}
