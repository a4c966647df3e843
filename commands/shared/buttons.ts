// Buttons several commands put under their answers: Previous/Next pages and Cite.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';

/** Discord's limits: a custom id holds 100 characters, a row 5 buttons. */
export const MAX_CUSTOM_ID = 100;
export const BUTTONS_A_ROW = 5;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export function button(
  label: string,
  customId: string,
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
  ids: { previous: string; next: string },
  page: number,
  pages: number,
): APIButtonComponent[] {
  return [
    button('Previous', ids.previous, { disabled: page <= 0 }),
    button('Next', ids.next, { disabled: page >= pages - 1 }),
  ];
}
