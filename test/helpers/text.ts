/** A position in `text` (any number, wrapped) that does not fall between the two halves of a surrogate pair, as an editor's never does. */
export function boundary(text: string, at: number): number {
  const position = at % (text.length + 1);
  const splitsPair = position > 0 && /[\uD800-\uDBFF]/.test(text[position - 1]!) && /[\uDC00-\uDFFF]/.test(text[position] ?? '');
  return splitsPair ? position - 1 : position;
}

/** The range from `at`, about `length` long, with both ends on character boundaries. */
export function span(text: string, at: number, length: number): { index: number; length: number } {
  const index = boundary(text, at);
  const end = boundary(text, Math.min(text.length, index + length));
  return { index, length: Math.max(0, end - index) };
}
