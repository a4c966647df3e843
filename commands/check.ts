// /check claim:<text> [document] [private]: what the documents say about a claim, one verdict a figure
// ("Stated in the documents", "The documents give a different figure", "Not found in the documents"), each
// quoted with its document and date. Private unless private:false, with a "Post to channel" button.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand } from '../src/command.js';
import { choices, notice } from '../src/render/reply.js';
import { CLAIM_LIMIT, pressPost, startCheck } from './shared/check.js';
import { citePress } from './shared/cite.js';
import { chosenDocument, documentChoices, documentOption } from './shared/options.js';

const NAME = 'check';

export const check = defineCommand({
  name: NAME,
  description: 'Check a claim against the documents: what they state about each figure in it',
  example: '/check claim:ICE arrested more than 120,000 criminal aliens last year',
  options: {
    claim: {
      type: ApplicationCommandOptionType.String,
      description: 'The claim, e.g. ICE arrested 200,000 criminal aliens last year',
      required: true,
      maxLength: CLAIM_LIMIT,
    },
    document: documentOption,
    private: {
      type: ApplicationCommandOptionType.Boolean,
      description: 'Only you see the reply (the default); false posts it to the channel',
    },
  },
  run(library, args) {
    const { document, notFound: noDocument } = chosenDocument(library, args.document);
    if (noDocument) return noDocument;
    if (!args.claim)
      return notice(
        'What should I check?',
        'Give a claim: /check claim:ICE arrested 200,000 criminal aliens last year',
      );
    const request = { claim: args.claim, documentId: document?.id ?? null, notes: [] };
    return startCheck(library, request, { owner: NAME, ephemeral: args.private !== false });
  },
  autocomplete(library, focused) {
    return focused.name === 'document' ? choices(documentChoices(library, focused.value)) : { choices: [] };
  },
  privateByDefault: true,
  component: (library, customId, context) => citePress(library, customId) ?? pressPost(customId, context, NAME),
});
