/** A problem with an exchange file (XLIFF, PO): one line naming the file (and the unit). */
export class ExchangeError extends Error {}
