/** Replaces `{name}` in a template by its parameter; a parameter left unfilled is an error. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`missing parameter {${name}} in "${template}"`);
    return String(params[name]);
  });
}
