// Discord's limits on what a reply may hold (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  fields: 25,
  embedsTotal: 6000,
  embeds: 10,
  content: 2000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
