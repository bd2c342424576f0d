import type { ExchangeDocument } from "../exchange.ts";
import { ExchangeError } from "../exchangeError.ts";
import { readPo, writePo } from "./po.ts";
import type { ReadDocument } from "./read.ts";
import { readXliff12, writeXliff12 } from "./xliff12.ts";
import { readXliff20, writeXliff20 } from "./xliff20.ts";

/** An exchange format: how an export is written, and how an edited file is read back. */
export interface ExchangeFormat {
  readonly name: string;
  /** What the format is, for `--help`. */
  readonly label: string;
  /** The usual file extension. */
  readonly extension: string;
  write(doc: ExchangeDocument): string;
  read(text: string, name: string): ReadDocument;
}

/** The formats `i18n:export --format` writes and `i18n:import` reads. */
export const FORMATS: readonly ExchangeFormat[] = [
  { name: "xliff", label: "XLIFF 2.0", extension: "xlf", write: writeXliff20, read: readXliff20 },
  {
    name: "xliff12",
    label: "XLIFF 1.2 (translate-toolkit, Pootle, Virtaal, OmegaT, Lokalize)",
    extension: "xlf",
    write: writeXliff12,
    read: readXliff12,
  },
  { name: "po", label: "gettext PO (Poedit, Weblate, Lokalize, msgfmt)", extension: "po", write: writePo, read: readPo },
];

export function formatNamed(name: string): ExchangeFormat | undefined {
  return FORMATS.find((f) => f.name === name.toLowerCase());
}

/** The format a file is in, from its text: XLIFF by its version, anything else as PO. */
export function formatOf(text: string, name: string): ExchangeFormat {
  const head = text.slice(0, 4096);
  // Anything that starts as XML is read as XLIFF: its reader's checks (size, DTD, depth, root) come first.
  if (/^\uFEFF?\s*</.test(head)) {
    const version = /<xliff[^>]*\sversion\s*=\s*["']([^"']*)["']/.exec(head)?.[1];
    if (version === "1.2" || version === "1.1") return formatNamed("xliff12")!;
    return formatNamed("xliff")!;
  }
  if (/^\s*[{[]/.test(head)) throw new ExchangeError(`${name}: not an XLIFF file (no <xliff> root element) nor a PO file`);
  return formatNamed("po")!;
}
