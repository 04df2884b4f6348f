/** Typing this opens the list of documents to link to. */
export const LINK_TRIGGER = '[[';

/** Longer than any title one would type to find a document: past it, `[[` was meant as text. */
export const LINK_QUERY_MAX_LENGTH = 60;

/** Stands for an inline node (a link, a line break) in the text before the caret: a query never spans one. */
export const INLINE_NODE_CHAR = '\ufffc';

export interface LinkQuery {
  /** Where `[[` starts, as an offset into the text given. */
  start: number;
  /** What was typed after `[[`, as typed. */
  query: string;
}

/**
 * The link being typed at the end of `textBefore` (the caret's paragraph up
 * to the caret): the last `[[` followed by a query without brackets, inline
 * nodes or line breaks. Null when the caret is not in one.
 */
export function findLinkQuery(textBefore: string): LinkQuery | null {
  const start = textBefore.lastIndexOf(LINK_TRIGGER);
  if (start < 0) return null;
  const query = textBefore.slice(start + LINK_TRIGGER.length);
  if (query.length > LINK_QUERY_MAX_LENGTH || /[[\]\n]/.test(query) || query.includes(INLINE_NODE_CHAR)) return null;
  return { start, query };
}
