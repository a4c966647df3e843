// What /check and the message command "Check against documents" share: the reply to a claim (one verdict a
// figure, each quoted with where it comes from), private by default with a "Post to channel" button, and
// that button, which posts what its message shows. The verdicts come from src/library/claims.ts; the wording
// only describes the documents.
import {
  ButtonStyle,
  InteractionResponseType,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { buttonExpired, pressedByOwner, type CommandContext, type TargetMessage } from '../../src/command.js';
import {
  checkClaim,
  type ClaimCheck,
  type Evidence,
  type FigureVerdict,
  type Verdict,
} from '../../src/library/claims.js';
import type { Library } from '../../src/library/library.js';
import { documentCitation } from '../../src/render/document.js';
import { LIMITS } from '../../src/render/limits.js';
import { COLORS, reply, type Reply } from '../../src/render/reply.js';
import { decodeCustomId, encodeCustomId } from '../../src/custom-id.js';
import { button, expiredResponse, privately, rowsOf, type ButtonRow } from './buttons.js';
import { citeButton } from './cite.js';
import { blockquote, escapeUserText, plural, quoteAround, truncate } from '../../src/render/text.js';

/** The most of a claim that is read: a long message is checked on its first 4,000 characters. */
export const CLAIM_LIMIT = 4000;

/** How each verdict reads: what the documents say, never a judgement of the claim. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  stated: 'Stated in the documents',
  different: 'The documents give a different figure',
  'not-found': 'Not found in the documents',
};

/** What a check needs to run again when its result is posted: the claim, where to look, and notes to show. */
export interface CheckRequest {
  claim: string;
  documentId: string | null;
  /** Shown under the result: "Checked the first 4,000 characters …". */
  notes: string[];
}

/** Room for one quote in a field, its citation included. */
const FIELD_QUOTE = LIMITS.fieldValue - 200;
/** Room for each quote under a single verdict. */
const DESCRIPTION_QUOTE = 900;
/** How much of the claim is shown back. */
const CLAIM_SHOWN = 600;

/**
 * Checks a claim and answers: privately by default, then with a "Post to channel" button ("<owner>:post", the
 * owner being the command's name). The button keeps nothing: pressed, it posts the check its message shows.
 */
export function startCheck(
  library: Library,
  request: CheckRequest,
  options: { owner: string; ephemeral: boolean },
): Reply {
  const check = checkClaim(library.claims, request.claim, request.documentId ?? undefined);
  const data = checkReply(library, request, options.ephemeral, check);
  const cites = citeRow(options.owner, check);
  data.components = [...(options.ephemeral ? postRow(options.owner) : []), ...cites];
  return data;
}

/** A Cite button for each statement quoted (its whole paragraph-long sentence, however little is shown). */
function citeRow(owner: string, check: ClaimCheck): ButtonRow[] {
  const quoted = check.figures.length > 1 ? check.figures.map((f) => f.evidence[0]) : quotedOf(check);
  const buttons = quoted
    .filter((evidence): evidence is Evidence => evidence !== undefined)
    .slice(0, 5)
    .flatMap(
      (e, i, all) =>
        citeButton(owner, e.sentence.document, e.sentence.span, all.length > 1 ? `Cite ${i + 1}` : 'Cite') ?? [],
    );
  return rowsOf(buttons);
}

const quotedOf = (check: ClaimCheck) => (check.figures[0] ?? check.words)?.evidence ?? [];

/**
 * The "Post to channel" press: the check its message shows, posted for everyone, by the person who asked only
 * (the message names them) and within the buttons' time (the message's id dates it). What is posted is what
 * they saw, so a long claim, shown cut short, needs no keeping.
 */
export function pressPost(customId: string, context: CommandContext, owner: string): APIInteractionResponse {
  if (buttonExpired(context)) return expiredResponse('check', 'the check', context);
  if (!pressedByOwner(context)) return privately('Not your check', 'Only the person who ran the check can post it.');
  const id = decodeCustomId(customId);
  const shown = id?.kind === 'post' && id.command === owner ? shownCheck(context.message) : null;
  if (!shown) return privately('This check cannot be posted', 'Its message no longer shows it. Run the check again.');
  return { type: InteractionResponseType.ChannelMessageWithSource, data: reply([shown], { ephemeral: false }) };
}

/** The check a message shows (its one embed), kept to what a check's reply holds and within Discord's limits. */
function shownCheck(message: TargetMessage | undefined): APIEmbed | null {
  const embeds: unknown = message?.embeds;
  const embed = (Array.isArray(embeds) ? embeds[0] : null) as Partial<APIEmbed> | null;
  if (!embed || typeof embed.title !== 'string' || typeof embed.description !== 'string') return null;
  if (!embed.title.trim() || !embed.description.trim()) return null;
  const fields = (Array.isArray(embed.fields) ? embed.fields : [])
    .filter((f) => typeof f?.name === 'string' && typeof f.value === 'string' && f.name.trim() && f.value.trim())
    .slice(0, LIMITS.fields)
    .map((f) => ({ name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) }));
  const footer = typeof embed.footer?.text === 'string' && embed.footer.text.trim() ? embed.footer.text : null;
  const shown: APIEmbed = {
    title: truncate(embed.title, LIMITS.embedTitle),
    description: truncate(embed.description, LIMITS.embedDescription),
    color: COLORS.answer,
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: truncate(footer, LIMITS.footerText) } } : {}),
  };
  const size = [shown.title, shown.description, shown.footer?.text, ...fields.flatMap((f) => [f.name, f.value])]
    .map((text) => text?.length ?? 0)
    .reduce((a, b) => a + b, 0);
  return size <= LIMITS.embedsTotal ? shown : null;
}

/** "Post to channel", in a row of its own; none when the command's name leaves no room for its id. */
function postRow(owner: string): ButtonRow[] {
  const id = encodeCustomId({ kind: 'post', command: owner });
  return id ? rowsOf([button('Post to channel', id, { style: ButtonStyle.Primary })]) : [];
}

/** The reply to a claim: one embed, its title beginning with the verdict (or naming the count of each). */
export function checkReply(
  library: Library,
  request: CheckRequest,
  ephemeral: boolean,
  check = checkClaim(library.claims, request.claim, request.documentId ?? undefined),
): Reply {
  const embed = check.figures.length > 1 ? severalFigures(check, request) : oneVerdict(check, request);
  const notes = [...request.notes];
  if (check.unchecked > 0) notes.push(`${plural(check.unchecked, 'more figure')} in the claim not checked`);
  embed.footer = { text: [...notes, 'Quotes are the documents’ own words; the reader judges the claim'].join(' · ') };
  return reply([embed], { ephemeral });
}

/** The claim as it was given, shown back escaped, with the checked figure in bold when there is one. */
function claimLine(claim: string, figure?: FigureVerdict): string {
  const flat = (text: string) => escapeUserText(text.replace(/\s+/g, ' '));
  if (!figure) return `**Claim:** ${flat(truncate(claim, CLAIM_SHOWN))}`;
  const from = Math.max(0, figure.span[0] - CLAIM_SHOWN / 2);
  const before = (from > 0 ? '…' : '') + claim.slice(from, figure.span[0]);
  const after = truncate(claim.slice(figure.span[1]), CLAIM_SHOWN / 2);
  return `**Claim:** ${flat(before)}**${flat(figure.text)}**${flat(after)}`;
}

/** One figure, or a claim read by its words: the verdict in the title, the quotes below the claim. */
function oneVerdict(check: ClaimCheck, request: CheckRequest): APIEmbed {
  const figure = check.figures[0];
  const result = figure ?? check.words!;
  const title = figure
    ? `${VERDICT_LABELS[result.verdict]}: “${escapeUserText(figure.text.replace(/\s+/g, ' '))}”`
    : VERDICT_LABELS[result.verdict];
  const body = result.evidence.length
    ? result.evidence.map((evidence) => quoteBlock(evidence, DESCRIPTION_QUOTE))
    : [notFoundLine(figure)];
  if (figure?.notes.length) body.push(notesLine(figure));
  return {
    title: truncate(title, LIMITS.embedTitle),
    description: [claimLine(request.claim, figure), ...body].join('\n\n'),
    color: COLORS.answer,
  };
}

/** Several figures: the title counts each verdict, and each figure has its field. */
function severalFigures(check: ClaimCheck, request: CheckRequest): APIEmbed {
  const counts = (Object.keys(VERDICT_LABELS) as Verdict[])
    .map((verdict) => [verdict, check.figures.filter((f) => f.verdict === verdict).length] as const)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `${VERDICT_LABELS[verdict]}: ${count}`);
  return {
    title: truncate(counts.join(' · '), LIMITS.embedTitle),
    description: claimLine(request.claim),
    fields: check.figures.map(figureField),
    color: COLORS.answer,
  };
}

function figureField(figure: FigureVerdict): APIEmbedField {
  const [first, ...others] = figure.evidence;
  const lines = first ? [quoteBlock(first, FIELD_QUOTE)] : [notFoundLine(figure)];
  if (figure.notes.length) lines.push(notesLine(figure));
  if (others.length > 0) lines.push(`*… and ${plural(others.length, 'more statement')}*`);
  return {
    name: truncate(
      `“${escapeUserText(figure.text.replace(/\s+/g, ' '))}”: ${VERDICT_LABELS[figure.verdict]}`,
      LIMITS.fieldName,
    ),
    value: truncate(lines.join('\n'), LIMITS.fieldValue),
  };
}

/** A statement, verbatim, its figures that bear on the claim in bold, and where it comes from. */
function quoteBlock({ sentence, bold }: Evidence, room: number): string {
  const { document } = sentence;
  const shown = quoteAround(
    document,
    sentence.span,
    bold.map((ref) => ref.figure.span),
    QUOTE_WINDOW,
  );
  return `${blockquote(truncate(shown, room))}\n— *${documentCitation(document)}*`;
}

/** A sentence longer than this is quoted as a window around its figures; Cite gives the whole of it. */
const QUOTE_WINDOW = 320;

/** What differs beside the amount (a unit converted, a period, a time frame), in the bot's own words. */
const notesLine = (figure: FigureVerdict) => `*${escapeUserText(figure.notes.join('. '))}.*`;

function notFoundLine(figure?: FigureVerdict): string {
  return figure
    ? 'No statement in the documents gives a figure for what this one counts.'
    : 'No statement in the documents says this. /search finds statements by any of its words.';
}
