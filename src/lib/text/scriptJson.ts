/** A value as JSON safe inside a <script type="application/json"> element (no `</script>` can close it). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
