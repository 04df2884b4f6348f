import MarkdownIt from 'markdown-it';
import { treeFromHtml } from './from-html';
import type { Block } from './tree';

/**
 * Markdown (CommonMark with GitHub's tables and strikethrough) as the
 * export tree, through the HTML markdown-it makes of it. Raw HTML in the
 * file stays text, as a reader of the Markdown would see it. Front matter
 * (`---` lines around `key: value` pairs, as the Markdown export writes
 * them) is read apart: its values are JSON or plain text.
 */
export function treeFromMarkdown(markdown: string): { frontMatter: Record<string, unknown>; blocks: Block[] } {
  const { frontMatter, body } = splitFrontMatter(markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  return { frontMatter, blocks: treeFromHtml(markdownIt.render(body)) };
}

const markdownIt = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

function splitFrontMatter(text: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, body: text };
  const frontMatter: Record<string, unknown> = {};
  for (const line of match[1]!.split('\n')) {
    const pair = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (pair) frontMatter[pair[1]!] = value(pair[2]!.trim());
  }
  return { frontMatter, body: text.slice(match[0].length) };
}

function value(raw: string): unknown {
  if (/^["[{]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw.replace(/^'(.*)'$/, '$1');
}
