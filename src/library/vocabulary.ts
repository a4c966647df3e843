// The documents' domain words, as data for the generic index: what a reader may type for what a fact sheet
// says. Stems (Porter), so "murders" and "murdered" both find "homicides".
import { lookupTable } from '../document/lookup.js';

// Query-time synonyms, by stem: a reader's word -> the document's word.
export const SYNONYMS: Record<string, string[]> = lookupTable({
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
});
