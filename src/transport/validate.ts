// The shape of an interaction as the handler reads it, checked before anything reads it. Discord's gateway
// should only send schema-valid payloads, but one that is not must cost one reply or one warning, never the
// process. Two questions: can it be answered at all (an id, a token and a type to reply to), and can the
// handler read the rest (what it routes on and hands to a command)?
import { InteractionType } from 'discord-api-types/v10';
import { MAX_CUSTOM_ID } from '../custom-id.js';

/** What a reply needs: the route is /interactions/<id>/<token>/callback and the body depends on the type. */
export interface Answerable {
  id: string;
  token: string;
  type: InteractionType;
}

type Fields = Record<string, unknown>;

const SNOWFLAKE = /^\d{1,25}$/;
// Tokens go into a URL path: letters, digits and a little punctuation, never a "/" or a leading ".".
const TOKEN = /^[\w-][\w.:-]{0,499}$/;
const TYPES: ReadonlySet<unknown> = new Set(Object.values(InteractionType).filter((v) => typeof v === 'number'));
const MAX_OPTION_DEPTH = 2; // a subcommand group holding a subcommand holding options
const MAX_OPTIONS = 25;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why this payload cannot be answered at all; null when it can. */
export function unanswerableProblem(value: unknown): string | null {
  if (!isFields(value)) return 'the payload is not an object';
  if (typeof value.id !== 'string' || !SNOWFLAKE.test(value.id)) return 'id is not a snowflake';
  if (typeof value.token !== 'string' || !TOKEN.test(value.token)) return 'token is missing or malformed';
  if (!TYPES.has(value.type)) return 'type is not an interaction type';
  return null;
}

export function isAnswerable(value: unknown): value is Answerable {
  return unanswerableProblem(value) === null;
}

/** Why the handler cannot read this interaction (it is answered with a notice instead); null when it can. */
export function interactionProblem(interaction: Answerable): string | null {
  const fields = interaction as unknown as Fields;
  if (typeof fields.application_id !== 'string' || !SNOWFLAKE.test(fields.application_id))
    return 'application_id is not a snowflake';
  return whereProblem(fields) ?? dataProblem(interaction.type, fields.data);
}

/** Who asked and where: a user id (in member.user or user), and the optional channel and server ids. */
function whereProblem(fields: Fields): string | null {
  const user = isFields(fields.member) ? fields.member.user : fields.user;
  if (fields.member !== undefined && !isFields(fields.member)) return 'member is not an object';
  if (!isFields(user) || typeof user.id !== 'string') return 'no user id in member.user or user';
  if (fields.channel !== undefined && !isFields(fields.channel)) return 'channel is not an object';
  if (isFields(fields.channel) && fields.channel.id !== undefined && typeof fields.channel.id !== 'string')
    return 'channel.id is not a string';
  if (fields.channel_id !== undefined && typeof fields.channel_id !== 'string') return 'channel_id is not a string';
  if (fields.guild_id !== undefined && typeof fields.guild_id !== 'string') return 'guild_id is not a string';
  return null;
}

function dataProblem(type: InteractionType, data: unknown): string | null {
  if (type === InteractionType.Ping) return null;
  if (!isFields(data)) return 'data is not an object';
  if (type === InteractionType.MessageComponent) {
    if (typeof data.custom_id !== 'string') return 'data.custom_id is not a string';
    // Discord caps custom ids at 100 characters; a longer one is forged and must cost no work past this check.
    if (data.custom_id.length > MAX_CUSTOM_ID) return `data.custom_id is over ${MAX_CUSTOM_ID} characters`;
    return typeof data.component_type === 'number' ? null : 'data.component_type is not a number';
  }
  if (type === InteractionType.ModalSubmit) return null;
  if (typeof data.name !== 'string') return 'data.name is not a string';
  if (typeof data.type !== 'number') return 'data.type is not a number';
  return optionsProblem(data.options, 'data.options', 0);
}

function optionsProblem(options: unknown, path: string, depth: number): string | null {
  if (options === undefined) return null;
  if (!Array.isArray(options)) return `${path} is not a list`;
  if (depth > MAX_OPTION_DEPTH) return `${path} is nested too deeply`;
  if (options.length > MAX_OPTIONS) return `${path} holds more than ${MAX_OPTIONS} options`;
  for (const [i, option] of options.entries()) {
    const problem = optionProblem(option, `${path}[${i}]`, depth);
    if (problem) return problem;
  }
  return null;
}

function optionProblem(option: unknown, path: string, depth: number): string | null {
  if (!isFields(option)) return `${path} is not an object`;
  if (typeof option.name !== 'string') return `${path}.name is not a string`;
  if (typeof option.type !== 'number') return `${path}.type is not a number`;
  if (!['undefined', 'string', 'number', 'boolean'].includes(typeof option.value))
    return `${path}.value is not a string, number or boolean`;
  if (option.focused !== undefined && typeof option.focused !== 'boolean') return `${path}.focused is not a boolean`;
  return optionsProblem(option.options, `${path}.options`, depth + 1);
}
