// INTERACTION_CREATE payloads that break Discord's schema, each made by spoiling a valid one. Discord should
// never send them, but a bot that dies on one is down for everyone. `answered`: the payload still names an
// interaction the bot can reply to (an id, a token and a known type), so the user gets a reply; `dropped`:
// nothing can be answered, so the bot only logs it.
export type Payload = Record<string, unknown>;

export interface Malformed {
  label: string;
  /** 2: chat-input command, 3: button press, 4: autocomplete; the valid payload `spoil` starts from. */
  kind: 2 | 3 | 4;
  outcome: 'answered' | 'dropped';
  spoil(valid: Payload): unknown;
}

const data = (p: Payload) => p.data as Payload;
const without = (p: Payload, key: string): Payload => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key));

export const MALFORMED_INTERACTIONS: Malformed[] = [
  { label: 'd is null', kind: 2, outcome: 'dropped', spoil: () => null },
  { label: 'd is a list', kind: 2, outcome: 'dropped', spoil: (p) => [p] },
  { label: 'd is a string', kind: 2, outcome: 'dropped', spoil: () => 'INTERACTION' },
  { label: 'no id', kind: 2, outcome: 'dropped', spoil: (p) => without(p, 'id') },
  { label: 'no token', kind: 2, outcome: 'dropped', spoil: (p) => without(p, 'token') },
  { label: 'id is a number', kind: 2, outcome: 'dropped', spoil: (p) => ({ ...p, id: 12345 }) },
  { label: 'token is an object', kind: 2, outcome: 'dropped', spoil: (p) => ({ ...p, token: { t: p.token } }) },
  {
    label: 'token holds a path',
    kind: 2,
    outcome: 'dropped',
    spoil: (p) => ({ ...p, token: `../../${String(p.token)}` }),
  },
  { label: 'no type', kind: 2, outcome: 'dropped', spoil: (p) => without(p, 'type') },
  { label: 'type is a string', kind: 2, outcome: 'dropped', spoil: (p) => ({ ...p, type: '2' }) },
  { label: 'type is unknown', kind: 2, outcome: 'dropped', spoil: (p) => ({ ...p, type: 99 }) },
  { label: 'data is null', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, data: null }) },
  { label: 'no data', kind: 2, outcome: 'answered', spoil: (p) => without(p, 'data') },
  { label: 'data is a string', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, data: 'stat' }) },
  {
    label: 'data.options is an object',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: { query: 'wall' } } }),
  },
  {
    label: 'data.options holds null',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: [null] } }),
  },
  {
    label: 'an option without a name',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: [{ type: 3, value: 'wall' }] } }),
  },
  {
    label: 'an option value that is an object',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: [{ name: 'query', type: 3, value: { $gt: '' } }] } }),
  },
  {
    label: 'subcommand options that are an object',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: [{ name: 'sub', type: 1, options: { a: 1 } }] } }),
  },
  {
    label: 'data.name missing',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: without(data(p), 'name') }),
  },
  {
    label: 'data.name is a number',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), name: 7 } }),
  },
  {
    label: 'data.resolved is a string',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), resolved: 'x' } }),
  },
  ...messageCommandSpoils(),
  { label: 'member is null', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, member: null }) },
  {
    label: 'member.user is a string',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, member: { ...(p.member as Payload), user: 'reader' } }),
  },
  { label: 'neither member nor user', kind: 2, outcome: 'answered', spoil: (p) => without(p, 'member') },
  { label: 'user is a number', kind: 2, outcome: 'answered', spoil: (p) => ({ ...without(p, 'member'), user: 930 }) },
  { label: 'channel is a string', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, channel: 'general' }) },
  { label: 'no application_id', kind: 2, outcome: 'answered', spoil: (p) => without(p, 'application_id') },
  { label: 'app_permissions is null', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, app_permissions: null }) },
  { label: 'entitlements is null', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, entitlements: null }) },
  {
    label: 'member.permissions is not a number',
    kind: 2,
    outcome: 'answered',
    spoil: (p) => ({ ...p, member: { ...(p.member as Payload), permissions: 'all' } }),
  },
  { label: 'guild_id is an object', kind: 2, outcome: 'answered', spoil: (p) => ({ ...p, guild_id: { id: 1 } }) },
  { label: 'a button without message', kind: 3, outcome: 'answered', spoil: (p) => without(p, 'message') },
  { label: 'a button whose message is null', kind: 3, outcome: 'answered', spoil: (p) => ({ ...p, message: null }) },
  { label: 'a button with data null', kind: 3, outcome: 'answered', spoil: (p) => ({ ...p, data: null }) },
  {
    label: 'a button whose custom_id is a number',
    kind: 3,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), custom_id: 5 } }),
  },
  {
    label: 'a button with no component_type',
    kind: 3,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: without(data(p), 'component_type') }),
  },
  {
    label: 'a button whose message.author is null',
    kind: 3,
    outcome: 'answered',
    spoil: (p) => ({ ...p, message: { ...(p.message as Payload), author: null } }),
  },
  {
    label: 'an autocomplete whose options are a string',
    kind: 4,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: 'query' } }),
  },
  { label: 'an autocomplete with data null', kind: 4, outcome: 'answered', spoil: (p) => ({ ...p, data: null }) },
  {
    label: 'an autocomplete whose focused is a string',
    kind: 4,
    outcome: 'answered',
    spoil: (p) => ({ ...p, data: { ...data(p), options: [{ name: 'query', type: 3, value: 'wa', focused: 'yes' }] } }),
  },
];

/** "Check against documents" on a message Discord did not resolve as it should: each gets a private note. */
function messageCommandSpoils(): Malformed[] {
  const messageCommand = (p: Payload, resolved: unknown, targetId: unknown = '950000000000000001') => ({
    ...p,
    data: { ...data(p), name: 'Check against documents', type: 3, target_id: targetId, resolved },
  });
  const spoils: Array<[string, (p: Payload) => unknown]> = [
    ['a message command without resolved data', (p) => messageCommand(p, undefined)],
    ['a message command whose messages are null', (p) => messageCommand(p, { messages: null })],
    ['a message command whose target is not resolved', (p) => messageCommand(p, { messages: {} })],
    ['a message command whose target_id is a number', (p) => messageCommand(p, { messages: {} }, 5)],
    [
      'a message command whose message is a string',
      (p) => messageCommand(p, { messages: { '950000000000000001': 'hello' } }),
    ],
    [
      'a message command whose content and embeds are objects',
      (p) => messageCommand(p, { messages: { '950000000000000001': { content: { a: 1 }, embeds: { b: 2 } } } }),
    ],
    [
      'a message command whose message is __proto__',
      (p) => messageCommand(p, { messages: JSON.parse('{"__proto__": {"content": "x"}}') as unknown }, '__proto__'),
    ],
  ];
  return spoils.map(([label, spoil]) => ({ label, kind: 2, outcome: 'answered', spoil }));
}
