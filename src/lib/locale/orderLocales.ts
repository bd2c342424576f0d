/** Sorts locales into a course's order of preference: those `order` names first, as it names them; the rest by tag. */
export function orderLocales(locales: readonly string[], order: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = order.indexOf(l);
    return i < 0 ? order.length : i;
  };
  return [...locales].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
