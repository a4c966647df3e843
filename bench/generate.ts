// Seed-like fact sheets, generated from a fixed seed: headings with leads, statements grouped by blank lines,
// figures with qualifiers and time frames. For the scale benchmark.
import { seededRandom } from '../tests/support/random.js';

const WORDS =
  'border security immigration workers families schools roads bridges energy prices jobs wages farmers veterans students housing health care hospitals manufacturing factories exports imports tariffs trade agreements communities cities states counties agencies officers troops drugs fentanyl crime victims courts judges laws regulations permits grants loans investments research technology data centers broadband water power plants pipelines oil gas minerals supply chains semiconductors steel aluminum vehicles airports ports shipping railways'.split(
    ' ',
  );
const VERBS =
  'secured expanded protected delivered restored lowered raised built repaired funded launched signed directed ordered announced invested supported strengthened ended reduced'.split(
    ' ',
  );
const QUALIFIERS = ['more than', 'nearly', 'over', 'at least', 'up to', 'about', 'almost', ''];
const TIMEFRAMES = ['last year', 'since January', 'in 2025', 'over the past decade', 'this year', ''];

export const random = seededRandom;

export function generateDocument(n: number, rand: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const figure = () => {
    const kind = rand();
    const amount = Math.floor(rand() * 200_000) + 3;
    const text =
      kind < 0.2
        ? `${Math.floor(rand() * 99) + 1}%`
        : kind < 0.35
          ? `$${(rand() * 90 + 1).toFixed(1)} billion`
          : amount.toLocaleString('en-US');
    return `${pick(QUALIFIERS)} ${text}`.trim();
  };
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(rand() * 14) }, () => pick(WORDS));
    const withFigure = rand() < 0.45;
    const time = pick(TIMEFRAMES);
    const body = withFigure
      ? `${words.slice(0, 4).join(' ')} ${pick(VERBS)} ${figure()} ${words.slice(4).join(' ')}`
      : `${words.slice(0, 5).join(' ')} ${pick(VERBS)} ${words.slice(5).join(' ')}`;
    const text = `${body}${time ? ` ${time}` : ''}.`;
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const out: string[] = [
    `Fact Sheet: Generated Document ${n} on ${pick(WORDS)} and ${pick(WORDS)}`,
    '',
    `"We ${pick(VERBS)} ${pick(WORDS)} for every ${pick(WORDS)}." --President Generated Person`,
    '',
  ];
  const sections = 3 + Math.floor(rand() * 4);
  for (let s = 0; s < sections; s++) {
    const heading = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(WORDS))
      .join(' ')
      .toUpperCase();
    out.push(`${heading}: ${sentence()}`, '');
    const statements = 4 + Math.floor(rand() * 12);
    for (let p = 0; p < statements; p++) {
      out.push(sentence());
      if (rand() < 0.35) out.push('');
    }
    out.push('');
  }
  return out.join('\n');
}

/** Documents adding up to about `bytes`, with file names. */
export function generateCorpus(bytes: number, seed = 7): Array<{ file: string; text: string }> {
  const rand = random(seed);
  const out: Array<{ file: string; text: string }> = [];
  let total = 0;
  for (let n = 1; total < bytes; n++) {
    const text = generateDocument(n, rand);
    out.push({ file: `generated-${String(n).padStart(5, '0')}.txt`, text });
    total += Buffer.byteLength(text);
  }
  return out;
}
