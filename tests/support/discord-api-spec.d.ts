// discord-api-spec ships its Zod schemas as JavaScript without types; these are the ones the tests use.
declare module 'discord-api-spec/zod' {
  import type { ZodType } from 'zod';
  export const CreateMessageInteractionCallbackRequestSchema: ZodType;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: ZodType;
  export const ApplicationCommandUpdateRequestSchema: ZodType;
  export const UpdateMessageInteractionCallbackRequestSchema: ZodType;
  export const IncomingWebhookRequestPartialSchema: ZodType;
  export const IncomingWebhookUpdateRequestPartialSchema: ZodType;
}
