/**
 * Append `, suffix` items and the closing `)` to a printed tensor, moving a
 * suffix to a new line (indented to `indent`) when it would pass `linewidth`
 * (PyTorch's `_add_suffixes`).
 *
 * @example
 * addSuffixes('tensor([1.]', ['requires_grad=True'], 7, 80);
 * // 'tensor([1.], requires_grad=True)'
 */
export function addSuffixes(text: string, suffixes: readonly string[], indent: number, linewidth: number): string {
  const parts = [text];
  let lastLineLen = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(`,\n${' '.repeat(indent)}${suffix}`);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(`, ${suffix}`);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}
