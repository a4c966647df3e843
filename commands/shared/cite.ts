// The Cite button under every answer: pressed, it gives whoever pressed it, privately, a citation ready to
// paste. Its custom id carries the quote's place (document id, span, and a check of the text there), so it
// keeps no state and works after a restart; a quote whose document was edited since says so instead.
import { isLastingButton } from '../../src/command.js';
import {
  InteractionResponseType,
  MessageFlags,
  type APIButtonComponent,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import type { Document, Span } from '../../src/document/types.js';
import type { Library } from '../../src/library/library.js';
import { notice } from '../../src/render/reply.js';
import { citation } from '../../src/render/source.js';
import { button, MAX_CUSTOM_ID, textCheck } from './buttons.js';

/** "<command>:cite:<document id>:<start>:<end>:<check>"; null when it would not fit Discord's 100 characters. */
export function citeId(command: string, document: Document, span: Span): string | null {
  const id = [
    command,
    'cite',
    document.id,
    span[0].toString(36),
    span[1].toString(36),
    textCheck(document.text.slice(span[0], span[1])),
  ].join(':');
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** The Cite button for a quote, or null when its place does not fit in a custom id. */
export function citeButton(command: string, document: Document, span: Span, label = 'Cite'): APIButtonComponent | null {
  const id = citeId(command, document, span);
  return id ? button(label, id) : null;
}

export function isCiteId(customId: string): boolean {
  // The contract names the convention, so the transports can keep Cite buttons working after expiry.
  return isLastingButton(customId);
}

/** The quote a Cite button names, when its document is served and still holds those words there. */
function quoteOf(library: Library, customId: string): { document: Document; span: Span } | null {
  const [, , documentId = '', startText = '', endText = '', expected = ''] = customId.split(':');
  const document = library.documents.find((d) => d.id === documentId);
  const span: Span = [Number.parseInt(startText, 36), Number.parseInt(endText, 36)];
  if (!document || !(span[0] >= 0 && span[0] < span[1] && span[1] <= document.text.length)) return null;
  return textCheck(document.text.slice(span[0], span[1])) === expected ? { document, span } : null;
}

/** The private citation for a pressed Cite button. */
export function citeResponse(library: Library, customId: string): APIInteractionResponse {
  const quote = quoteOf(library, customId);
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
