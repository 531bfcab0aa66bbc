import type { DrawSlot } from '../review.vocabulary.ts';
import type {
  AppliedRedraw, DrawExclusion, DrawPair, DrawRelaxation, DrawStateFacts, RedrawRequest, ReviewerDrawInputs, ReviewerDrawResult,
} from './draw.types.ts';
import { byCodeUnits, canonicalJson, sha256Hex } from './canonical.ts';
import { REVIEWER_ALGORITHM } from './inputs.ts';
import { DrawInputError, Selector, seedKey } from './selection.ts';

/** Why a redraw was refused: no such review, the replaced State does not hold that slot, the requester is not in the review, or its third redraw without `exceptional`. */
export class RedrawError extends Error {
  override name = 'RedrawError';
  constructor(readonly code: 'unknown-review' | 'not-holder' | 'not-in-review' | 'limit', message: string) {
    super(message);
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Most redraws one requesting State may ask for in one review before it takes a recorded exception (resolution 8/2). */
export const REDRAWS_PER_REQUESTER = 2;

interface Slot {
  slot: DrawSlot;
  holder: string | null;
  instruments: string[];
  selection: number | null;
  /** Every State that held this slot: never drawn into it again. */
  previous: string[];
}

interface Preference {
  rule: string;
  keep: (c: DrawStateFacts) => boolean;
}

/**
 * The reviewers' draw (docs/DRAW.md states it to re-implement): for each reviewed State in ISO3 order its own-group
 * slot, its other-group slot, then additional slots for the Protocols its reviewers are not party to; each slot picks
 * from its eligible pool (sorted by ISO3) with the next selection number. Then the redraws, in the order asked.
 * Constraints always hold (party, group rule, no self-review, no State twice, cap, mutual rule); preferences are
 * dropped in a fixed order when they empty a pool, and a slot whose pool is empty even so stays unfilled and listed.
 */
export function drawReviewers(inputs: ReviewerDrawInputs, seed: string, redraws: readonly RedrawRequest[] = []): ReviewerDrawResult {
  if (inputs.algorithm !== REVIEWER_ALGORITHM) throw new DrawInputError(`unknown algorithm ${inputs.algorithm}; this is ${REVIEWER_ALGORITHM}`);
  const key = seedKey(seed);
  const sel = new Selector(key);
  const main = inputs.instrument;
  const byIso = new Map<string, DrawStateFacts>();
  for (const s of inputs.states) {
    if (byIso.has(s.iso3)) throw new DrawInputError(`${s.iso3} appears twice in the inputs`);
    byIso.set(s.iso3, s);
  }
  const states = [...inputs.states].sort((a, b) => byCodeUnits(a.iso3, b.iso3));
  const drawable = states.filter((s) => s.parties.includes(main));
  const excluded: DrawExclusion[] = [...(inputs.excluded ?? [])];
  for (const s of states) {
    if (s.unknown.includes(main)) {
      excluded.push({ state: s.iso3, reason: `status for ${main} not loaded (unknown): neither reviewed nor drawn until the secretariat completes it` });
    } else if (s.parties.includes(main) && s.unknown.length) {
      excluded.push({ state: s.iso3, reason: `status for ${s.unknown.join(', ')} not loaded (unknown): not reviewed for it nor drawn to review it until the secretariat completes it` });
    }
  }
  const reviews = new Map<string, Slot[]>();
  const load = new Map<string, number>();
  const relaxations: DrawRelaxation[] = [];
  const applied: AppliedRedraw[] = [];

  const party = (c: DrawStateFacts, x: string) => c.parties.includes(x);
  /** The current reviewers of each reviewed State, kept as slots change (the pools read them for every candidate). */
  const holders = new Map<string, Set<string>>();
  const current = (r: string) => holders.get(r) ?? NONE;
  const setHolder = (r: string, slot: Slot, value: string | null, selection: number | null) => {
    if (slot.holder) {
      holders.get(r)?.delete(slot.holder);
      load.set(slot.holder, load.get(slot.holder)! - 1);
    }
    slot.holder = value;
    slot.selection = selection;
    if (value) {
      if (!holders.has(r)) holders.set(r, new Set());
      holders.get(r)!.add(value);
      load.set(value, (load.get(value) ?? 0) + 1);
    }
  };
  const instrumentsOf = (r: DrawStateFacts) => inputs.instruments.filter((x) => party(r, x));
  const eligible = (r: DrawStateFacts, c: DrawStateFacts) =>
    c.iso3 !== r.iso3 && !current(r.iso3).has(c.iso3) && (load.get(c.iso3) ?? 0) < inputs.cap &&
    (inputs.mutual || !current(c.iso3).has(r.iso3));
  const sharesFamily = (a: DrawStateFacts, b: DrawStateFacts) => a.legalFamilies.some((f) => b.legalFamilies.includes(f));

  /** Fills `slot` from `base`, keeping the preferences; when they empty the pool, drops them first to last. */
  function fill(r: DrawStateFacts, slot: Slot, base: DrawStateFacts[], prefs: Preference[]): boolean {
    for (let k = 0; k <= prefs.length; k++) {
      const kept = prefs.slice(k);
      const pool = base.filter((c) => kept.every((p) => p.keep(c)));
      if (!pool.length) continue;
      const { value, selection } = sel.pick(pool);
      for (const p of prefs.slice(0, k)) relaxations.push({ reviewed: r.iso3, slot: slot.slot, rule: p.rule, selection });
      setHolder(r.iso3, slot, value.iso3, selection);
      slot.instruments = instrumentsOf(r).filter((x) => party(value, x));
      return true;
    }
    return false;
  }

  function primaryBase(r: DrawStateFacts, slot: Slot) {
    return drawable.filter((c) => eligible(r, c) && !slot.previous.includes(c.iso3) && (slot.slot === 'own-group' ? c.group === r.group : c.group !== r.group));
  }

  /** "Where possible one with a similar legal system": the other-group slot keeps to States sharing a legal family with the reviewed State when none of its current reviewers does. */
  function legalPreference(r: DrawStateFacts, slot: Slot): Preference[] {
    if (slot.slot !== 'other-group' || !r.legalFamilies.length) return [];
    if ([...current(r.iso3)].some((c) => sharesFamily(r, byIso.get(c)!))) return [];
    return [{ rule: 'legal-system', keep: (c) => sharesFamily(r, c) }];
  }

  /** Additional reviewers (never a State redrawn out of this review) while a Protocol of the reviewed State has fewer reviewers party to it than the primary slots filled. */
  function drawAdditional(r: DrawStateFacts, label: string) {
    const slots = reviews.get(r.iso3)!;
    for (;;) {
      const filled = slots.filter((s) => s.slot !== 'additional' && s.holder).length;
      const need = instrumentsOf(r).filter((x) => x !== main && slots.filter((s) => s.holder && s.instruments.includes(x)).length < filled);
      if (!need.length) return;
      if (current(r.iso3).size >= inputs.maxReviewers) {
        excluded.push({ state: r.iso3, reason: `additional reviewer for ${need.join(', ')} unfilled${label}: the most reviewing States per review (${inputs.maxReviewers}) reached` });
        return;
      }
      const slot: Slot = { slot: 'additional', holder: null, instruments: [], selection: null, previous: [] };
      const replaced = slots.flatMap((s) => s.previous);
      const base = drawable.filter((c) => eligible(r, c) && !replaced.includes(c.iso3) && need.some((x) => party(c, x)));
      if (!fill(r, slot, base, [{ rule: 'additional-partial', keep: (c) => need.every((x) => party(c, x)) }])) {
        excluded.push({ state: r.iso3, reason: `additional reviewer for ${need.join(', ')} unfilled${label}: no eligible State party to them` });
        return;
      }
      slot.instruments = need.filter((x) => party(byIso.get(slot.holder!)!, x));
      slots.push(slot);
    }
  }

  for (const r of drawable) {
    const slots: Slot[] = [];
    reviews.set(r.iso3, slots);
    for (const name of ['own-group', 'other-group'] as const) {
      const slot: Slot = { slot: name, holder: null, instruments: [], selection: null, previous: [] };
      slots.push(slot);
      if (!fill(r, slot, primaryBase(r, slot), legalPreference(r, slot))) {
        excluded.push({ state: r.iso3, reason: `${name} slot unfilled: no eligible State in its pool` });
      }
    }
    drawAdditional(r, '');
  }

  redraws.forEach((q, seq) => {
    const r = byIso.get(q.reviewed);
    const slots = reviews.get(q.reviewed);
    if (!r || !slots) throw new RedrawError('unknown-review', `redraw ${seq}: ${q.reviewed} is not reviewed in this draw`);
    const slot = slots.find((s) => s.slot === q.slot && s.holder === q.replaced);
    if (!slot) throw new RedrawError('not-holder', `redraw ${seq}: ${q.replaced} does not hold the ${q.slot} slot of ${q.reviewed}`);
    if (q.requestedBy !== q.reviewed && !current(q.reviewed).has(q.requestedBy)) {
      throw new RedrawError('not-in-review', `redraw ${seq}: ${q.requestedBy} is neither ${q.reviewed} nor one of its reviewers`);
    }
    const asked = applied.filter((a) => a.reviewed === q.reviewed && a.requestedBy === q.requestedBy).length;
    if (asked >= REDRAWS_PER_REQUESTER && !q.exceptional) {
      throw new RedrawError('limit', `redraw ${seq}: ${q.requestedBy} already asked for ${asked} redraws in the review of ${q.reviewed}; a further one only as a recorded exception`);
    }
    const held = slot.instruments;
    slot.previous.push(q.replaced);
    setHolder(q.reviewed, slot, null, null);
    const label = ` after redraw ${seq}`;
    let ok: boolean;
    if (slot.slot === 'additional') {
      const base = drawable.filter((c) => eligible(r, c) && !slot.previous.includes(c.iso3) && held.some((x) => party(c, x)));
      ok = fill(r, slot, base, [{ rule: 'redraw-coverage', keep: (c) => held.every((x) => party(c, x)) }]);
      if (ok) slot.instruments = held.filter((x) => party(byIso.get(slot.holder!)!, x));
    } else {
      ok = fill(r, slot, primaryBase(r, slot), [...legalPreference(r, slot), { rule: 'redraw-coverage', keep: (c) => held.every((x) => party(c, x)) }]);
    }
    if (!ok) excluded.push({ state: r.iso3, reason: `${slot.slot} slot unfilled${label}: no eligible State in its pool` });
    applied.push({
      seq, reviewed: q.reviewed, slot: q.slot, replaced: q.replaced, requestedBy: q.requestedBy, exceptional: q.exceptional === true,
      drawn: slot.holder, selection: slot.selection,
    });
    if (ok || slot.slot !== 'additional') drawAdditional(r, label);
  });

  const pairs: DrawPair[] = drawable.map((r) => ({
    reviewed: r.iso3,
    reviewers: reviews.get(r.iso3)!.flatMap((s) => (s.holder ? [{ state: s.holder, slot: s.slot, instruments: s.instruments, selection: s.selection! }] : [])),
  }));
  return {
    seed,
    key,
    algorithm: REVIEWER_ALGORITHM,
    instrument: main,
    cap: inputs.cap,
    mutual: inputs.mutual,
    maxReviewers: inputs.maxReviewers,
    inputsSha256: sha256Hex(canonicalJson(inputs)),
    pairs,
    excluded: excluded.sort((a, b) => byCodeUnits(a.state, b.state)),
    relaxations,
    redraws: applied,
  };
}
