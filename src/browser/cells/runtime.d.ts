// @observablehq/runtime ships no types: the small part of its API the cells use.
declare module "@observablehq/runtime" {
  export interface Observer<T = unknown> {
    pending?(): void;
    fulfilled?(value: T, name?: string): void;
    rejected?(error: unknown, name?: string): void;
  }
  export class Variable {
    define(name: string, inputs: readonly string[], definition: (...args: never[]) => unknown): this;
    define(name: string, value: unknown): this;
    delete(): void;
  }
  export class Module {
    variable(observer?: Observer): Variable;
    redefine(name: string, inputs: readonly string[], definition: (...args: never[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
    _computeSoon: () => Promise<void>;
    _computeNow(): Promise<void>;
    _disposed: boolean;
  }
}
