// Buttons several commands put under their answers: Previous/Next pages and Cite, and what a press that comes
// too late is told. A button keeps nothing in the process: its custom id and its message carry what it needs.
import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { buttonTimeout, type CommandContext } from '../../src/command.js';
import type { CustomId } from '../../src/custom-id.js';
import { notice } from '../../src/render/reply.js';
import { plural } from '../../src/render/text.js';

/** Discord's limit: a row holds 5 buttons. */
export const BUTTONS_A_ROW = 5;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A button; its id comes from the codec (src/custom-id.ts), so every id is one a press can read back. */
export function button(
  label: string,
  customId: CustomId,
  options: { disabled?: boolean; style?: ButtonStyle.Primary | ButtonStyle.Secondary } = {},
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    label,
    custom_id: customId,
    ...(options.disabled === undefined ? {} : { disabled: options.disabled }),
  };
}

/** Rows of at most five buttons each. */
export function rowsOf(buttons: APIButtonComponent[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_A_ROW)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_A_ROW) });
  return rows;
}

/** Previous and Next, each disabled at its end. */
export function pageButtons(
  ids: { previous: CustomId; next: CustomId },
  page: number,
  pages: number,
): APIButtonComponent[] {
  return [
    button('Previous', ids.previous, { disabled: page <= 0 }),
    button('Next', ids.next, { disabled: page >= pages - 1 }),
  ];
}

/** A private note to whoever pressed a button. */
export function privately(title: string, description: string): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: notice(title, description) };
}

/** "This search has expired": a press after the buttons' time, which counts from when the message was made. */
export function expiredResponse(
  what: string,
  rerun: string,
  context: Pick<CommandContext, 'buttonTimeoutMs'>,
): APIInteractionResponse {
  const ms = buttonTimeout(context);
  const time =
    ms >= 60_000 && ms % 60_000 === 0 ? plural(ms / 60_000, 'minute') : plural(Math.round(ms / 1000), 'second');
  return privately(
    `This ${what} has expired`,
    `Its buttons work for ${time} after it is answered. Run ${rerun} again.`,
  );
}
