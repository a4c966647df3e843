// Everyday words people write for a fact sheet's words for the same thing ("kids" for "children", "shots" for
// "vaccine doses"): English, not any sheet's topic. Read the same way by /check (a claim's words) and /trend (a
// query's). One way only: a sheet's "children" is no member's "kids" to undo.
import { ALTERNATIVE_WEIGHTS, terms, type Alternative } from './search.js';

/** Each everyday word's stem, with the stems of the sheets' words it stands for (a Map: "constructor" is no key). */
const EVERYDAY: ReadonlyMap<string, string[]> = new Map(
  [
    'kids: children child',
    'moms: mothers',
    'dads: fathers',
    'medicines: drugs',
    'meds: drugs medicines',
    'trains: rail',
    'firms: companies businesses',
    'factory: plant facility',
    'plant: facility',
    'gear: equipment',
    'cops: police officers',
    'vets: veterans',
    'doctors: physicians',
    'guns: firearms',
    'shots: vaccines doses',
    'jabs: vaccines doses',
    'vaccines: doses',
    'flying: aviation flights',
    'planes: aircraft',
    'cars: vehicles',
    'pay: wages salaries',
    'elderly: seniors older',
    'teens: adolescents',
    'cash: funding money',
    'loan: mortgage',
    'effort: initiative',
    'folks: people',
    'boxes: containers',
    'enrollees: beneficiaries people',
    'patients: beneficiaries people',
    'immigrants: aliens migrants',
    'auto: automotive automobile',
    'daycare: childcare care',
    'straight: directly',
  ].map((line) => {
    const [word, others] = line.split(': ') as [string, string];
    return [terms(word, { remember: false })[0]!, terms(others, { remember: false })] as const;
  }),
);

/** The sheets' words an everyday word stands for; none for another word. */
export const sheetWordsFor = (term: string): readonly string[] => EVERYDAY.get(term) ?? [];

/** Words each with the words `kinOf` gives for it added as synonyms, those already among its group's aside. */
export function withKinOf(groups: Alternative[][], kinOf: (term: string) => readonly string[]): Alternative[][] {
  return groups.map((group) => {
    const own = new Set(group.map((alternative) => alternative.term));
    const others = [...new Set(group.flatMap((alternative) => kinOf(alternative.term)))].filter((t) => !own.has(t));
    return [
      ...group,
      ...others.map((term) => ({ term, weight: ALTERNATIVE_WEIGHTS.synonym, kind: 'synonym' as const })),
    ];
  });
}

/** A query's or a claim's words with each everyday word standing also for the sheets' words for it. */
export const withEverydayWords = (groups: Alternative[][]): Alternative[][] => withKinOf(groups, sheetWordsFor);
