import type { DrawStateFacts, ReviewerDrawInputs, ReviewerDrawResult } from './draw.types.ts';

/**
 * Every rule a reviewers' draw must keep, checked on a result against its inputs (used by the property tests).
 * Returns the violations found, empty when the draw keeps them all.
 */
export function violations(inputs: ReviewerDrawInputs, result: ReviewerDrawResult): string[] {
  const out: string[] = [];
  const by = new Map<string, DrawStateFacts>(inputs.states.map((s) => [s.iso3, s]));
  const main = inputs.instrument;
  const load = new Map<string, number>();
  const reviews = new Map(result.pairs.map((p) => [p.reviewed, new Set(p.reviewers.map((r) => r.state))]));
  const excludedFor = (iso: string) => result.excluded.filter((e) => e.state === iso).map((e) => e.reason);
  for (const s of inputs.states) {
    if (s.unknown.includes(main) && reviews.has(s.iso3)) out.push(`${s.iso3} has an unknown ${main} status and is reviewed`);
    if (s.unknown.includes(main) && !excludedFor(s.iso3).length) out.push(`${s.iso3} has an unknown ${main} status and is not listed`);
    if (s.parties.includes(main) && !reviews.has(s.iso3)) out.push(`${s.iso3} is party but not reviewed`);
  }
  for (const p of result.pairs) {
    const r = by.get(p.reviewed);
    if (!r?.parties.includes(main)) out.push(`${p.reviewed} reviewed but not party`);
    if (!r) continue;
    if (p.reviewers.length > inputs.maxReviewers) out.push(`${p.reviewed} has ${p.reviewers.length} reviewers`);
    if (new Set(p.reviewers.map((x) => x.state)).size !== p.reviewers.length) out.push(`${p.reviewed} has a reviewer twice`);
    for (const slot of ['own-group', 'other-group'] as const) {
      const n = p.reviewers.filter((x) => x.slot === slot).length;
      if (n > 1) out.push(`${p.reviewed} has ${n} ${slot} reviewers`);
      if (n === 0 && !excludedFor(p.reviewed).some((e) => e.startsWith(`${slot} slot unfilled`))) out.push(`${p.reviewed}: ${slot} slot empty and not listed`);
    }
    for (const x of p.reviewers) {
      const c = by.get(x.state);
      load.set(x.state, (load.get(x.state) ?? 0) + 1);
      if (!c?.parties.includes(main)) out.push(`${x.state} reviews ${p.reviewed} but is not party to ${main}`);
      if (x.state === p.reviewed) out.push(`${p.reviewed} reviews itself`);
      if (!c) continue;
      if (x.slot === 'own-group' && c.group !== r.group) out.push(`${x.state} own-group reviewer of ${p.reviewed} from another group`);
      if (x.slot === 'other-group' && c.group === r.group) out.push(`${x.state} other-group reviewer of ${p.reviewed} from its group`);
      for (const i of x.instruments) {
        if (!c.parties.includes(i) || !r.parties.includes(i)) out.push(`${x.state} reviews ${p.reviewed} for ${i} without both being party`);
      }
      if (!inputs.mutual && reviews.get(x.state)?.has(p.reviewed)) out.push(`${x.state} and ${p.reviewed} review each other`);
    }
    // Coverage: each Protocol of the reviewed State has as many reviewers party to it as primary slots filled, or is listed.
    const filled = p.reviewers.filter((x) => x.slot !== 'additional').length;
    for (const i of r.parties.filter((c) => c !== main && inputs.instruments.includes(c))) {
      const n = p.reviewers.filter((x) => x.instruments.includes(i)).length;
      if (n < filled && !excludedFor(p.reviewed).some((e) => e.startsWith('additional reviewer for') && e.includes(i))) {
        out.push(`${p.reviewed}: ${i} covered by ${n} of ${filled} and not listed`);
      }
    }
  }
  for (const [s, n] of load) if (n > inputs.cap) out.push(`${s} reviews ${n} > cap ${inputs.cap}`);
  return out;
}
