/** Raised by the byte-level readers (.npy, .npz, pickle), which do not know the file name; the caller that does adds it. */
export class FormatError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = "FormatError";
  }
}
