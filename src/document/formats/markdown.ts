// Markdown fact sheets: links, emphasis and hard breaks around the words.
import { trimMarkup } from '../spans.js';
import type { DocumentFormat } from './format.js';

const MARKDOWN_FILE = /\.(md|markdown)$/i;

export const markdown: DocumentFormat = {
  name: 'markdown',
  // Front matter is a Markdown convention: a document that opens with it is Markdown whatever its name.
  claims: ({ file, frontMatter }) => frontMatter || MARKDOWN_FILE.test(file),
  trimStatement: trimMarkup,
};
