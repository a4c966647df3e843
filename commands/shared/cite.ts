// The Cite button under every answer: pressed, it gives whoever pressed it, privately, a citation ready to
// paste. Its custom id carries the quote's place (document id, span, and a check of the text there), so it
// keeps no state and works after a restart; a quote whose document was edited since says so instead.
import {
  InteractionResponseType,
  MessageFlags,
  type APIButtonComponent,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { decodeCustomId, encodeCustomId, textCheck, type CiteButton } from '../../src/custom-id.js';
import type { Document, Span } from '../../src/document/types.js';
import type { Library } from '../../src/library/library.js';
import { notice } from '../../src/render/reply.js';
import { citation } from '../../src/render/source.js';
import { button } from './buttons.js';

/** The Cite button for a quote, or null when its place does not fit in a custom id. */
export function citeButton(command: string, document: Document, span: Span, label = 'Cite'): APIButtonComponent | null {
  const check = textCheck(document.text.slice(span[0], span[1]));
  const id = encodeCustomId({ kind: 'cite', command, documentId: document.id, span, check });
  return id ? button(label, id) : null;
}

/** The quote a Cite button names, when its document is served and still holds those words there. */
function quoteOf(library: Library, cite: CiteButton): { document: Document; span: Span } | null {
  const document = library.documents.find((d) => d.id === cite.documentId);
  const { span } = cite;
  if (!document || !(span[0] >= 0 && span[0] < span[1] && span[1] <= document.text.length)) return null;
  return textCheck(document.text.slice(span[0], span[1])) === cite.check ? { document, span } : null;
}

/** The answer to a press when it is a Cite button (they never expire and anyone may press them), else null. */
export function citePress(library: Library, customId: string): APIInteractionResponse | null {
  const id = decodeCustomId(customId);
  return id?.kind === 'cite' ? citeResponse(library, id) : null;
}

/** The private citation for a pressed Cite button. */
function citeResponse(library: Library, cite: CiteButton): APIInteractionResponse {
  const quote = quoteOf(library, cite);
  if (!quote) {
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: notice(
        'This quote has changed',
        'Its document was edited or removed since this answer was given. Run the command again to cite it.',
      ),
    };
  }
  // A code block shows the citation exactly as it will paste: no Markdown read into it, no link preview.
  const text = citation(quote.document, quote.span).replace(/```/g, '`\u200b``');
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      content: `Citation, ready to paste:\n\`\`\`\n${text}\n\`\`\``,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    },
  };
}
