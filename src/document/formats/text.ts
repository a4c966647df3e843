// Plain text: every character is a word or space, so only space is trimmed. It takes any document that no
// other format claims.
import { trimSpace } from '../spans.js';
import { collapseWhitespace } from '../text.js';
import type { DocumentFormat } from './format.js';

export const text: DocumentFormat = {
  name: 'text',
  claims: () => true,
  trimStatement: trimSpace,
  plainText: collapseWhitespace,
};
