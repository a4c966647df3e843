// "Check against documents", in a message's Apps menu: /check on the message's text, its embeds' text
// included (a shared link's preview, another bot's answer). A message with no text gets a private note; a
// long one is checked on its first 4,000 characters, and the reply says so.
import { defineMessageCommand, type TargetMessage } from '../src/command.js';
import { notice } from '../src/render/reply.js';
import { groupThousands } from '../src/render/text.js';
import { CLAIM_LIMIT, pressPost, startCheck } from './shared/check.js';
import { citePress } from './shared/cite.js';

const NAME = 'Check against documents';

export const checkMessage = defineMessageCommand({
  name: NAME,
  run(library, message) {
    if (!message)
      return notice('This message could not be read', 'Discord did not send the message’s text. Please try again.');
    const text = messageText(message);
    if (!text.trim())
      return notice(
        'Nothing to check',
        'This message has no text to check: a check reads a message’s words and the text of its embeds, not images or files.',
      );
    const characters = [...text];
    const notes =
      characters.length > CLAIM_LIMIT
        ? [
            `Checked the first ${groupThousands(CLAIM_LIMIT)} of the message’s ${groupThousands(characters.length)} characters`,
          ]
        : [];
    const claim = characters.slice(0, CLAIM_LIMIT).join('');
    return startCheck(library, { claim, documentId: null, notes }, { owner: NAME, ephemeral: true });
  },
  privateByDefault: true,
  component: (library, customId, context) => citePress(library, customId) ?? pressPost(customId, context, NAME),
});

/** The message's words and its embeds' text, one part a line; whatever is not a string is left out. */
export function messageText(message: TargetMessage): string {
  const parts: unknown[] = [message.content];
  for (const embed of Array.isArray(message.embeds) ? message.embeds : []) {
    if (typeof embed !== 'object' || embed === null) continue;
    parts.push(embed.title, embed.description);
    for (const field of Array.isArray(embed.fields) ? embed.fields : []) parts.push(field?.name, field?.value);
    parts.push(embed.footer?.text);
  }
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n');
}
