// A multipart/form-data request body read as Discord reads one: the JSON in `payload_json`, the files in
// `files[n]`, each named by the JSON's `attachments` (id n), within Discord's limits on count and size.

/** A file a request carried, as the stand-in records it. */
export interface SentFile {
  /** The form field: "files[0]". */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** Discord's upload limits for a bot without boosts: 10 files a message, 10 MiB each. */
export const UPLOAD_LIMITS = { files: 10, bytesEach: 10 * 1024 * 1024 } as const;

export interface ReadForm {
  body: unknown;
  files: SentFile[];
  /** Schema-like problems (400, 50035); `tooLarge` is Discord's 413 (40005). */
  problems: string[];
  tooLarge: boolean;
}

const FILE_FIELD = /^files\[(\d+)\]$/;

/** The body's form, or null when the request is not multipart. */
export async function readMultipart(contentType: string | undefined, raw: Buffer): Promise<ReadForm | null> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return null;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { body: null, files: [], problems: ['the multipart body cannot be read'], tooLarge: false };
  }
  const problems: string[] = [];
  const files: SentFile[] = [];
  let body: unknown = null;
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') body = parsedPayload(value, problems);
    else if (FILE_FIELD.test(field) && typeof value !== 'string') {
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, contentType: value.type, data });
    } else problems.push(`${field}: not payload_json nor files[n]`);
  }
  if (body === null) problems.push('payload_json: missing');
  const tooLarge = files.some((f) => f.data.length > UPLOAD_LIMITS.bytesEach);
  if (files.length > UPLOAD_LIMITS.files) problems.push(`at most ${UPLOAD_LIMITS.files} files`);
  problems.push(...attachmentProblems(body, files));
  return { body, files, problems, tooLarge };
}

function parsedPayload(text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push('payload_json: not JSON');
    return null;
  }
}

/** Every file named by an attachment of the same id and file name, and every attachment naming a file sent. */
function attachmentProblems(body: unknown, files: SentFile[]): string[] {
  const data = (body as { data?: unknown } | null)?.data ?? body;
  const attachments = ((data as { attachments?: unknown } | null)?.attachments ?? []) as Array<{
    id?: unknown;
    filename?: unknown;
  }>;
  const problems: string[] = [];
  for (const file of files) {
    const id = FILE_FIELD.exec(file.field)![1]!;
    const named = attachments.find((a) => String(a.id) === id);
    if (!named) problems.push(`${file.field}: no attachment has id ${id}`);
    else if (named.filename !== undefined && named.filename !== file.name)
      problems.push(`${file.field}: sent as ${file.name}, attachment ${id} names ${JSON.stringify(named.filename)}`);
  }
  for (const attachment of attachments) {
    const sent = files.some((f) => f.field === `files[${String(attachment.id)}]`);
    if (!sent) problems.push(`attachments: id ${String(attachment.id)} names no file sent`);
  }
  return problems;
}

/**
 * A JSON body (no files) whose attachments name new uploads (ids that are places in files[n], not the snowflakes
 * of attachments a message already has): Discord refuses it, as nothing was uploaded.
 */
export function unsentAttachments(body: unknown): string[] {
  const data = (body as { data?: unknown } | null)?.data ?? body;
  const attachments = (data as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments
    .filter((a: { id?: unknown }) => String(a.id).length < 17)
    .map((a: { id?: unknown }) => `attachments: id ${String(a.id)} names no file sent (the body is not multipart)`);
}
