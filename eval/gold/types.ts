// The shape of the gold annotations in tests/fixtures/gold/ (how to write them: docs/gold-annotation.md).

export interface GoldHeading {
  /** Block number in the plain view (`npm run gold:show`). */
  block: number;
  /** The heading as written, markup removed ("SECURING OUR BORDER"). */
  text: string;
}

export interface GoldFigure {
  block: number;
  /** As written in the block, qualifier included ("more than 120,000", "$1.4 billion", "1 in 4"). */
  text: string;
  /** Lower (or only) value in base units: 1.4e9 for "$1.4 billion", 75 for "75%"; null when vague ("thousands"). */
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  qualifier: string | null;
  /** What the figure counts, a short noun phrase from the sentence, or null when none is clear. */
  counts: string | null;
  /** The time frame phrase from the figure's own clause, or null. */
  timeframe: string | null;
}

export interface GoldDocument {
  /** File name under tests/fixtures/gold/docs/. */
  file: string;
  /** The document's date (YYYY-MM-DD) from its front matter or a dated line, or null. */
  date: string | null;
  /**
   * Annotated for the parser only (headings, figures): no question or claim was checked against it, so /stat,
   * /search and /check leave it out of their library, where it could answer a question written as unanswerable.
   */
  parserOnly?: boolean;
  headings: GoldHeading[];
  figures: GoldFigure[];
  /**
   * Added for /stat's and /search's questions only (tune material written blind): its headings and figures are
   * not annotated, so the parser measures leave it out.
   */
  questionsOnly?: boolean;
}

export interface GoldAnswer {
  file: string;
  block: number;
  /** The figure that answers, as written (GoldFigure.text), when the question asks for a figure. */
  figure?: string;
}

export interface GoldQuestion {
  /** In the asker's words, as typed into /stat or /search. */
  q: string;
  /** Empty when no gold document answers it. */
  answers: GoldAnswer[];
  /** For a question no document answers: the document it was asked of, which places it in that document's half. */
  from?: string;
}

/** A verdict of /check, as the claims set writes it. */
export type GoldVerdict = 'stated' | 'different' | 'not-found';

/** A claim as someone would paste it into chat, written by reading the gold documents (claims.json). */
export interface GoldClaim {
  claim: string;
  /**
   * How it was made: "restated", "number", "unit", "qualifier", "thing" (what is counted), "uncovered", "words",
   * "context" (the subject named only around the statement), "party" (the figure for another party or direction).
   */
  kind: string;
  /** The document (date prefix, or the seed's file name) it restates or alters; null for uncovered topics. */
  from: string | null;
  /** Each figure as the claim writes it, with the verdict a reader expects. */
  figures?: Record<string, GoldVerdict>;
  /** For a claim without figures: the verdict a reader expects. */
  verdict?: GoldVerdict;
  /**
   * Written after /check's thresholds were chosen on the other claims, from documents those do not draw on,
   * and never tuned against: the eval reports them apart.
   */
  heldOut?: boolean;
  /**
   * Written as a chat message (framing such as "Did you know", "BREAKING:", emoji or a mention; verbs of change,
   * rates, multiples or units other than the document's): the test split reports these apart.
   */
  chat?: boolean;
}
