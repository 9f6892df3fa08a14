/**
 * A small well-formedness checker for the generated report: every element closed in order
 * (HTML void elements excepted, `/>` allowed), attribute values quoted, no stray `<` or bare `&`
 * in text. Not a full HTML parser: the report is generated to be XML-clean, and this pins that.
 */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr']);
const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>/y;
const ENTITY = /^&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/;

export function wellFormednessErrors(html: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  let i = html.startsWith('<!DOCTYPE html>') ? '<!DOCTYPE html>'.length : 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      if (!ENTITY.test(html.slice(i, i + 12))) errors.push(`bare & at ${i}`);
      i++;
      continue;
    }
    if (ch !== '<') {
      i++;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (m === null) {
      errors.push(`malformed tag at ${i}: ${html.slice(i, i + 40)}`);
      i++;
      continue;
    }
    const [, closing, name, , selfClosing] = m;
    const tag = name!.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== tag) errors.push(`</${tag}> at ${i} closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing && !VOID.has(tag)) {
      stack.push(tag);
      if (tag === 'style') {
        // CSS is text up to </style>: it must not hold a '<'.
        const end = html.indexOf('</style>', TAG.lastIndex);
        if (end === -1 || html.slice(TAG.lastIndex, end).includes('<')) errors.push(`<style> at ${i} is not plain text`);
        i = end === -1 ? html.length : end;
        continue;
      }
    }
    i = TAG.lastIndex;
  }
  if (stack.length > 0) errors.push(`never closed: ${stack.join(' > ')}`);
  return errors;
}
