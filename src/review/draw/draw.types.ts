import type { DrawSlot } from '../review.vocabulary.ts';

/**
 * The shapes of a drawing of lots (docs/DRAW.md states the algorithm). A draw is a pure function of its published
 * inputs, the seed and the redraws asked for: `drawReviewers(inputs, seed, redraws)` in reviewers.ts and
 * `drawGroups(inputs, seed)` in groups.ts. The JSON documents below are what `palermo review draw … --json` prints,
 * what the API serves, what the database keeps (review_draws.inputs / result) and what tools/verify-draw.mjs reads.
 * Owner: the draw helper (may ADD fields; must not rename or remove these).
 */

/** One State in a draw's published pools: only the facts the rules read. */
export interface DrawStateFacts {
  iso3: string;
  /** Regional group after pooling (entities outside the five groups get the pool the configuration names). */
  group: string;
  /** JuriGlobe families (civil_law, common_law, muslim_law, customary); "similar legal system" = sharing one. */
  legalFamilies: string[];
  /** Instruments (among the cycle's) the State is party to. */
  parties: string[];
  /** Instruments whose status is not loaded ('unknown'): the State is excluded where one matters and listed. */
  unknown: string[];
}

/** The published inputs of a reviewers' draw: pools and rules. Canonical JSON of this is hashed (inputs_sha256). */
export interface ReviewerDrawInputs {
  algorithm: string;
  /** The instrument every reviewer must be party to (UNTOC), and all instruments of the cycle. */
  instrument: string;
  instruments: string[];
  /** Most reviews one State may do in the cycle. */
  cap: number;
  /** Whether A may review B while B reviews A. */
  mutual: boolean;
  /** Most reviewing States per review. */
  maxReviewers: number;
  /** Reference data as of (ISO date), and the States with their facts, in ISO3 order. */
  asOf: string;
  states: DrawStateFacts[];
  /** States left out while building the inputs (e.g. outside the five groups with no pooling rule), listed as they are. */
  excluded?: DrawExclusion[];
}

export interface DrawnReviewer {
  state: string;
  slot: DrawSlot;
  /** The instruments this reviewer reviews. */
  instruments: string[];
  /** The selection number i whose hash picked this reviewer (docs/DRAW.md). */
  selection?: number;
}

export interface DrawPair {
  reviewed: string;
  reviewers: DrawnReviewer[];
}

export interface DrawExclusion {
  state: string;
  reason: string;
}

/** A redraw asked for, in the order asked: the next selection for that slot. */
export interface RedrawRequest {
  reviewed: string;
  slot: DrawSlot;
  /** The reviewer being replaced (must be the slot's current holder). */
  replaced: string;
  requestedBy: string;
  exceptional?: boolean;
}

/** The draw document (the CLI's --json output). Same inputs and seed: byte-identical canonical JSON. */
export interface ReviewerDrawResult {
  seed: string;
  algorithm: string;
  cap: number;
  mutual: boolean;
  pairs: DrawPair[];
  excluded: DrawExclusion[];
  /** The seed in its canonical text form: the key that is hashed. */
  key?: string;
  instrument?: string;
  maxReviewers?: number;
  /** SHA-256 of the canonical JSON of the inputs the draw was computed from. */
  inputsSha256?: string;
  /** Where a preference had to be dropped for a slot (in draw order). */
  relaxations?: DrawRelaxation[];
  /** The redraws applied, in the order asked. */
  redraws?: AppliedRedraw[];
}

/** A preference dropped because it left a slot's pool empty: 'legal-system' or 'additional-partial' or 'redraw-coverage'. */
export interface DrawRelaxation {
  reviewed: string;
  slot: DrawSlot;
  rule: string;
  selection: number;
}

/** A redraw as applied: the slot's new holder (null when its pool was empty) and the selection number used. */
export interface AppliedRedraw {
  seq: number;
  reviewed: string;
  slot: DrawSlot;
  replaced: string;
  requestedBy: string;
  exceptional: boolean;
  drawn: string | null;
  selection: number | null;
}

/** The groups draw: all States parties split into groups starting in different years. */
export interface GroupDrawInputs {
  algorithm: string;
  instrument: string;
  groups: number;
  asOf: string;
  states: DrawStateFacts[];
  /** States left out while building the inputs (no pooling rule), listed as they are. */
  excluded?: DrawExclusion[];
}

export interface GroupDrawResult {
  seed: string;
  algorithm: string;
  groups: Array<{ group: number; states: string[] }>;
  excluded: DrawExclusion[];
  /** The seed in its canonical text form, and the SHA-256 of the inputs' canonical JSON. */
  key?: string;
  inputsSha256?: string;
}
