import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { articleInQuery } from './article-query.ts';

/** A search that names an article offers the article's page (issue 14), in every language and only for articles that exist. */

describe('articleInQuery', () => {
  it.each([
    ['article 18', 'UNTOC', 18, null],
    ['art. 18(13)', 'UNTOC', 18, 13],
    ['mutual legal assistance article 18', 'UNTOC', 18, null],
    ["l'article 16 de la Convention", 'UNTOC', 16, null],
    // a query too short for the detector to tell Spanish: every language is tried
    ['Artículo 18', 'UNTOC', 18, null],
    ['artículo 18, párrafo 13', 'UNTOC', 18, 13],
    ['статья 18 Конвенции', 'UNTOC', 18, null],
    ['المادة 18', 'UNTOC', 18, null],
    ['الفقرة 13 من المادة 18', 'UNTOC', 18, 13],
    ['第十八条', 'UNTOC', 18, null],
    ['公约第十八条第十三款', 'UNTOC', 18, 13],
    ['Article 5 of the Trafficking in Persons Protocol', 'TIP', 5, null],
    ['article 6 of the Smuggling of Migrants Protocol', 'SOM', 6, null],
  ])('%s → %s art. %s para. %s', (q, instrument, article, paragraph) => {
    expect(articleInQuery(q)).toEqual({ instrument, article, paragraph });
  });

  it.each(['mutual legal assistance', '2016 extradition', 'A/RES/55/25', 'resolution 8/1', 'CTOC/COP/2020/2', '中央机关', '', '   '])('%j names no article', (q) => {
    expect(articleInQuery(q)).toBeNull();
  });

  it('names no article in a query with no words at all', () => {
    expect(articleInQuery(undefined)).toBeNull();
  });
});

describe('GET /api/v1/search: the article named', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const article = async (q: string) => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { article: unknown }).article;
  };

  it('comes with the results when the instrument has that article', async () => {
    expect(await article('article 18, paragraph 13')).toEqual({ instrument: 'UNTOC', article: 18, paragraph: 13 });
    expect(await article('第十八条')).toEqual({ instrument: 'UNTOC', article: 18, paragraph: null });
    expect(await article('المادة 16')).toEqual({ instrument: 'UNTOC', article: 16, paragraph: null });
  });

  it('is null for an article the instrument does not have, and for words that name none', async () => {
    expect(await article('article 99')).toBeNull();
    expect(await article('article 25 of the Trafficking in Persons Protocol')).toBeNull();
    expect(await article('central authority')).toBeNull();
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/search' });
    expect(r.json().article).toBeNull();
  });
});
