// What the router tells a user when no command answers: every notice it gives, in one place, each a private
// message (an autocomplete gets no choices, a ping a pong).
import {
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { COLORS, notice, reply, type Reply } from './reply.js';
import { escapeUserText, groupThousands, plural, truncate } from './text.js';

const message = (data: Reply): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data,
});

const noChoices = (): APIInteractionResponse => ({
  type: InteractionResponseType.ApplicationCommandAutocompleteResult,
  data: { choices: [] },
});

/** A command this bot does not have, with the ones it has ("/stat", or a message command by its menu name). */
export function unknownCommandResponse(name: string, commandNames: string[]): APIInteractionResponse {
  return message(
    notice(
      'Unknown command',
      `This bot has no command “${escapeUserText(truncate(name, 100))}”. Its commands: ${commandNames.join(', ')}.`,
    ),
  );
}

export function overlongResponse({ name, max }: { name: string; max: number }): APIInteractionResponse {
  return message(
    notice(
      'Too long',
      `The option “${escapeUserText(truncate(name, 32))}” takes at most ${groupThousands(max)} characters. Please shorten it and try again.`,
    ),
  );
}

/** A press of a button no command reads. */
export function expiredButtonResponse(): APIInteractionResponse {
  return message(notice('This button no longer works', 'Run the command again.'));
}

export function noDocumentsResponse(): APIInteractionResponse {
  return message(
    notice(
      'No documents',
      'No document is being served right now. The bot’s operator can add fact sheets to its documents folder.',
    ),
  );
}

/** What a user sees when a command fails: an ephemeral apology, never the error itself. */
export function errorResponse(interaction: Pick<APIInteraction, 'type'>): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return noChoices();
  return message(
    reply(
      [
        {
          title: 'Something went wrong',
          description: 'The bot could not answer this time. The error has been logged; please try again.',
          color: COLORS.error,
        },
      ],
      { ephemeral: true },
    ),
  );
}

/**
 * What a user sees when Discord sent an interaction this bot cannot read: a private note asking to try again,
 * no choices for an autocomplete.
 */
export function unreadableResponse(interaction: Pick<APIInteraction, 'type'>): APIInteractionResponse {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return noChoices();
  return message(
    notice('This request could not be read', 'Discord sent something the bot does not understand. Please try again.'),
  );
}

/** What a user over RATE_LIMIT_PER_MINUTE sees, privately. */
export function rateLimitedResponse(limit: number): APIInteractionResponse {
  return message(
    notice(
      'Slow down',
      `You have run more than ${plural(limit, 'command')} in the last minute. Please wait a moment and try again.`,
    ),
  );
}
