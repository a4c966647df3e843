// Generated fact sheets (random headings, leads, statements and figures; now and then one grown to 1 MB), for
// the property test of every reply (tests/commands/replies.property.test.ts) and the growth tests
// (tests/document/linear-growth.test.ts).
import fc from 'fast-check';
import { HOSTILE_INPUTS } from './hostile.js';

export const word = fc.oneof(
  fc.constantFrom(
    'border',
    'jobs',
    'homicides',
    'miles',
    'wall',
    'workers',
    'the',
    'of',
    'and',
    'Congress',
    'I.D.',
    'U.S.',
    'ICE',
  ),
  fc.stringMatching(/^[a-z]{1,12}$/),
  fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
  fc.constantFrom(...HOSTILE_INPUTS.filter((s) => s.length < 100 && !s.includes('\n'))),
);
const figure = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`),
  fc.double({ min: 0.1, max: 999, noNaN: true }).map((n) => `$${n.toFixed(1)} billion`),
  fc.constantFrom(
    'more than 120,000',
    'nearly 2,000',
    'thousands',
    'one-third',
    'from 400 to 1,200',
    '(10-20%)',
    'twice',
    '2019',
    'FY2024',
  ),
);
const statement = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: figure }), { minLength: 1, maxLength: 40 })
  .map((parts) => `${parts.join(' ')}.`);
const heading = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Z ]{2,40}[A-Z]$/),
  fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }).map((s) => s.toUpperCase().replace(/[\r\n:]/g, ' ')),
);
const section = fc.record({
  heading,
  lead: fc.option(statement),
  statements: fc.array(fc.tuple(statement, fc.boolean()), { maxLength: 30 }),
  alone: fc.boolean(),
});
/** A fact sheet of up to 12 sections of up to 30 statements, as its parts. */
export const smallDocument = fc.record({
  epigraph: fc.option(statement),
  sections: fc.array(section, { minLength: 0, maxLength: 12 }),
});

export interface GeneratedDocument {
  epigraph: string | null;
  sections: Array<{ heading: string; lead: string | null; statements: Array<[string, boolean]>; alone: boolean }>;
}

/** The generated parts as a fact sheet's text. */
export function render(doc: GeneratedDocument): string {
  const out: string[] = [];
  if (doc.epigraph) out.push(`${doc.epigraph} --President Someone`, '');
  for (const s of doc.sections) {
    out.push(s.alone || !s.lead ? s.heading : `${s.heading}: ${s.lead}`, '');
    for (const [text, blankAfter] of s.statements) {
      out.push(text);
      if (blankAfter) out.push('');
    }
    out.push('');
  }
  return out.join('\n');
}

/** Mostly small documents; now and then one grown to about 1 MB by repeating its sections. */
export const documentText = fc.oneof(
  { weight: 200, arbitrary: smallDocument.map(render) },
  {
    weight: 1,
    arbitrary: smallDocument.map((d) => {
      const base = render(d) || 'FILLER: text.\n';
      return base.repeat(Math.ceil(1_000_000 / Math.max(base.length, 1))).slice(0, 1_000_000);
    }),
  },
);
