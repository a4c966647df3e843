// A button press as Discord delivers it: the message the button sits on, dated by its snowflake id and
// carrying the reply's embeds and components, and who ran the command that made it (interaction_metadata).
import {
  ComponentType,
  InteractionType,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { DISCORD_EPOCH } from '../../src/command.js';
import { toButtonInteraction } from '../../src/transport/parse-command.js';

/** A snowflake id made at `ms` (a Unix time in milliseconds), as Discord makes them. */
export function snowflakeAt(ms: number, increment = 0): string {
  return String((BigInt(ms - DISCORD_EPOCH) << 22n) + BigInt(increment));
}

/** The message Discord keeps for a reply: made at `madeAt`, by the interaction (its id) that `owner` ran. */
export function messageOf(
  data: APIInteractionResponseCallbackData,
  options: { owner?: string; madeAt?: number; interaction?: string } = {},
): Record<string, unknown> {
  return {
    id: snowflakeAt(options.madeAt ?? Date.now()),
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    flags: data.flags ?? 0,
    interaction_metadata: {
      id: options.interaction ?? snowflakeAt(options.madeAt ?? Date.now(), 1),
      type: InteractionType.ApplicationCommand,
      user: { id: options.owner ?? 'user-1', username: 'reader', discriminator: '0', global_name: null, avatar: null },
    },
  };
}

/** A press of `customId` by `userId` on `message`, as a transport hands it to respond. */
export function buttonPress(customId: string, message: Record<string, unknown> | undefined, userId = 'user-1') {
  const interaction = toButtonInteraction(customId, 'c', message) as unknown as Record<string, unknown>;
  return {
    ...interaction,
    user: { id: userId, username: 'reader', discriminator: '0', global_name: null, avatar: null },
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as unknown as APIInteraction;
}
