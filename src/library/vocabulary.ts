// The documents' domain words, as data for the generic index: what a reader may type for what a fact sheet
// says. Stems (Porter), so "murders" and "murdered" both find "homicides".
import { stemmer } from 'stemmer';
import { lookupTable } from '../document/lookup.js';

// Query-time synonyms, by stem: a reader's word -> the document's word.
const DOMAIN_SYNONYMS: Record<string, string[]> = {
  murder: ['homicid'],
  kill: ['homicid'],
  crime: ['crimin', 'homicid', 'assault', 'burglari'],
  rape: ['sexual'],
  deport: ['remov'],
  immigr: ['migrat', 'migrant'],
  migrant: ['immigr', 'alien'],
  illeg: ['alien'],
  fenc: ['wall'],
  troop: ['soldier'],
  percent: ['%'],
};

/**
 * Irregular verbs, each form standing for the others: a question asks in one tense ("how many doses were held",
 * "how much did they spend") and a sheet writes another ("will hold", "spent"), and stemming joins only regular
 * forms. Grammar, not a topic's words. Left out: forms that are also common other words ("found", "left", "fed",
 * "shot", "saw"), and light verbs that say little of what is sought ("got", "made", "took", "gave", "kept").
 */
const IRREGULAR_VERBS = [
  'hold held',
  'send sent',
  'spend spent',
  'pay paid',
  'grow grew grown',
  'rise rose risen',
  'fall fell fallen',
  'build built',
  'buy bought',
  'win won',
  'lose lost',
  'lead led',
  'sell sold',
  'begin began begun',
  'meet met',
  'write wrote written',
  'drive drove driven',
  'fly flew flown',
  'fight fought',
  'seek sought',
  'teach taught',
  'catch caught',
  'choose chose chosen',
  'steal stole stolen',
  'freeze froze frozen',
  'speak spoke spoken',
  'strike struck',
  'lend lent',
];

/** Each stem of a line's forms, with the stems of the other forms of that line. */
function eachFormForOthers(lines: readonly string[]): Record<string, string[]> {
  const forms: Record<string, string[]> = {};
  for (const line of lines) {
    const stems = [...new Set(line.split(' ').map((word) => stemmer(word)))];
    for (const stem of stems) forms[stem] = stems.filter((other) => other !== stem);
  }
  return forms;
}

/** Two tables of alternatives joined: a stem in both stands for the words of both. */
function joined(...tables: Array<Record<string, string[]>>): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const table of tables)
    for (const [stem, others] of Object.entries(table)) all[stem] = [...new Set([...(all[stem] ?? []), ...others])];
  return all;
}

export const SYNONYMS: Record<string, string[]> = lookupTable(
  joined(DOMAIN_SYNONYMS, eachFormForOthers(IRREGULAR_VERBS)),
);
