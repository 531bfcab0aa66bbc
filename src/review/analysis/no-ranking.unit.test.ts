import { describe, expect, it } from 'vitest';
import { csvObjects, findRankings, rankingWords } from './no-ranking.ts';

/** The scanner itself: it must catch a ranked list, or its silence on the real answers proves nothing. */
describe('the no-ranking scanner', () => {
  const states = [
    { iso3: 'BRA', name: 'Brazil', gaps: 9 },
    { iso3: 'KEN', name: 'Kenya', gaps: 5 },
    { iso3: 'FRA', name: 'France', gaps: 2 },
    { iso3: 'ARG', name: 'Argentina', gaps: 1 },
  ];

  it('finds a list of States ordered by a figure, even nested', () => {
    expect(findRankings({ data: { items: states } })).toEqual([{ path: '$.data.items', problem: 'a list of States ordered by the figure "gaps", not by ISO3 or name' }]);
    const nested = states.map(({ iso3, name, gaps }) => ({ reviewed: { iso3, name }, overdue: gaps }));
    expect(findRankings(nested)).toHaveLength(1);
    const ascending = [...states].reverse();
    expect(findRankings(ascending)).toHaveLength(1);
  });

  it('finds fields named like a ranking', () => {
    expect(findRankings({ rows: [{ group: 'african', score: 3 }] }).map((f) => f.path)).toEqual(['$.rows[0].score']);
    for (const k of ['rank', 'overallRanking', 'rating', 'position', 'leagueTable']) expect(findRankings({ [k]: 1 }), k).toHaveLength(1);
  });

  it('accepts lists of States in ISO3 or name order, and lists that are not of States', () => {
    const byIso3 = [...states].sort((a, b) => a.iso3.localeCompare(b.iso3));
    const byName = [...states].sort((a, b) => a.name.localeCompare(b.name));
    expect(findRankings(byIso3)).toEqual([]);
    expect(findRankings(byName)).toEqual([]);
    expect(findRankings([{ group: 'african', gap: 9 }, { group: 'weog', gap: 5 }, { group: 'none', gap: 1 }])).toEqual([]);
  });

  it('reads CSV tables and document text the same way', () => {
    const csv = '\uFEFFiso3,gaps\r\nBRA,9\r\nKEN,5\r\nFRA,2\r\n';
    expect(findRankings(csvObjects(csv))).toHaveLength(1);
    expect(rankingWords('Ranking of States by score')).toEqual(['Ranking', 'score']);
    expect(rankingWords('Good practices on article 5')).toEqual([]);
  });
});
