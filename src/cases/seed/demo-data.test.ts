import { describe, expect, it } from 'vitest';
import { newCaseBody } from '../cases.schemas.ts';
import { caseMachine, initialState } from '../case.workflow.ts';
import { demoCases } from './demo-data.ts';

/** The demo cases as generated (no database): deterministic, valid, every path one the machine allows, varied. */

const TODAY = '2026-12-02';

describe('demo case data', () => {
  const cases = demoCases(TODAY);

  it('is the same list for the same day, with unique references marked as demo', () => {
    expect(demoCases(TODAY)).toEqual(cases);
    const refs = cases.map((c) => `${c.owner}/${c.newCase.reference}`);
    expect(new Set(refs).size).toBe(refs.length);
    for (const c of cases) {
      expect(c.newCase.reference).toMatch(/-DEMO-/);
      expect(c.newCase.title).toMatch(/^\[DEMO\].*\(fictitious\)$/);
      for (const p of c.newCase.persons ?? []) expect(p.name).toMatch(/^\[DEMO\] Fictitious/);
    }
  });

  it('gives core valid new cases, and paths the machine allows, dated in order within the last 18 months', () => {
    for (const c of cases) {
      expect(newCaseBody.safeParse(c.newCase).error?.issues ?? [], c.newCase.reference).toEqual([]);
      expect(c.createdOn >= '2025-06-01' && c.createdOn < TODAY).toBe(true);
      let state = c.newCase.initialState ?? initialState(c.newCase.direction);
      let last = c.createdOn;
      for (const s of c.steps) {
        const t = caseMachine.find(state, s.action);
        expect(t, `${c.newCase.reference}: ${s.action} from ${state}`).toBeDefined();
        if (t!.to) state = t!.to;
        expect(s.on >= last && s.on < TODAY).toBe(true);
        last = s.on;
      }
    }
  });

  it('covers both directions, every kind, several legal bases and outcomes, open and finished cases', () => {
    const count = (f: (c: (typeof cases)[number]) => string) => cases.reduce<Record<string, number>>((m, c) => ({ ...m, [f(c)]: (m[f(c)] ?? 0) + 1 }), {});
    const fra = cases.filter((c) => c.owner === 'FRA');
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(count((c) => c.newCase.kind)).length).toBe(7);
    // statistics need groups of five or more (small cells are suppressed in what is shared)
    const fraBasis = count((c) => (c.owner === 'FRA' ? c.newCase.legalBasis.type : 'other'));
    expect(fraBasis.convention).toBeGreaterThanOrEqual(5);
    expect(fra.filter((c) => c.newCase.direction === 'incoming').length).toBeGreaterThanOrEqual(5);
    expect(fra.filter((c) => c.newCase.kind === 'mla').length).toBeGreaterThanOrEqual(5);
    const ends = count((c) => c.steps.at(-1)?.action ?? 'created');
    expect(ends.close).toBeGreaterThanOrEqual(10);
    expect(Object.keys(ends).length).toBeGreaterThanOrEqual(5); // open at several stages
    const actions = new Set(cases.flatMap((c) => c.steps.map((s) => s.action)));
    for (const a of ['refuse', 'consult', 'request_info', 'supply_info', 'progress_query', 'answer_query', 'withdraw', 'execute', 'report_partial']) expect(actions).toContain(a);
  });
});
