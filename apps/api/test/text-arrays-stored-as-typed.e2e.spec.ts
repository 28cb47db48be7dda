// Kind: a text[] element that PostgreSQL's array syntax reads otherwise than it was written.
// MikroORM wrote `text[]` values as array literals with only some elements quoted, and PostgreSQL
// reads an unquoted NULL (any case) as SQL NULL and trims unquoted blanks. Found by the schema
// fuzz: a profile's skill "null" came back as null, and recommendedRooms failed on it with an
// INTERNAL_SERVER_ERROR. Every text[] column is now written with every element quoted.
import { ArrayType } from '@mikro-orm/core';

import { Migration20261213TextArrayNulls, TEXT_ARRAY_COLUMNS } from '../src/database/migrations/migration-20261213-text-array-nulls';
import { TextArrayType, textArrayLiteral } from '../src/database/text-array.type';
import { sql } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';

/** Spellings PostgreSQL's array input treats specially when unquoted, and a few ordinary ones. */
const TRICKY = ['NULL', 'null', 'Null', ' lead', 'trail ', '  ', '', 'a,b', '{x}', 'quo"te', 'back\\slash', '\\N', 'new\nline', 'tab\tbed', 'ünï 😀', 'NULL ', '"NULL"'];

describe('kind: a text[] element PostgreSQL would read otherwise than written', () => {
  const api = useTestApi({ RECOMMENDER_URL: 'http://127.0.0.1:1' });

  it('every element round-trips through PostgreSQL exactly, one by one and all together', async () => {
    for (const value of TRICKY) {
      const [row] = await sql<{ value: string[] }>(api, 'select ?::text[] as value', [textArrayLiteral([value])]);
      expect(row?.value).toEqual([value]);
    }
    const [all] = await sql<{ value: string[] }>(api, 'select ?::text[] as value', [textArrayLiteral(TRICKY)]);
    expect(all?.value).toEqual(TRICKY);
    const [empty] = await sql<{ value: string[] }>(api, 'select ?::text[] as value', [textArrayLiteral([])]);
    expect(empty?.value).toEqual([]);
  });

  it('given case: a skill spelled "null" is stored as typed, and recommendedRooms ranks with it', async () => {
    await api.clear();
    const viewer = await tokenFor('null-skill', { name: 'Nell Null' });
    const updated = await api.request<{ updateViewerProfile: { skills: string[] } }>(
      `mutation { updateViewerProfile(input: { skills: ["null", "Go"], industry: "software" }) { skills } }`,
      {},
      viewer,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateViewerProfile.skills).toEqual(['null', 'Go']);
    const [stored] = await sql<{ skills: (string | null)[] }>(api, 'select skills from profiles where id = ?', ['null-skill']);
    expect(stored?.skills).toEqual(['null', 'Go']);
    const ranked = await api.request(`query { recommendedRooms(first: 5) { items { score } } }`, {}, viewer);
    expect(ranked.errors).toBeUndefined();
  });

  it('variant: "NULL" in capitals beside skills with commas and braces keeps its place', async () => {
    await api.clear();
    const host = await tokenFor('null-host', { name: 'Hal Host' });
    const updated = await api.request<{ updateViewerProfile: { skills: string[] } }>(
      `mutation { updateViewerProfile(input: { skills: ["NULL", "C, the language", "{braces}"] }) { skills } }`,
      {},
      host,
    );
    expect(updated.errors).toBeUndefined();
    const [stored] = await sql<{ skills: (string | null)[] }>(api, 'select skills from profiles where id = ?', ['null-host']);
    expect(stored?.skills).toEqual(updated.data?.updateViewerProfile.skills);
    expect(stored?.skills).toContain('NULL');
  });

  it('every text[] property of every entity is written this way, and the migration repairs each of their columns', () => {
    const columns = Object.values(api.api.db.orm.getMetadata().getAll())
      .flatMap((meta) => Object.values(meta.properties).map((prop) => ({ where: `${meta.tableName}.${prop.fieldNames?.[0]}`, prop })))
      .filter(({ prop }) => prop.columnTypes?.some((type) => type.endsWith('[]')) || prop.customType instanceof ArrayType);
    for (const { where, prop } of columns) expect({ where, textArrayType: prop.customType instanceof TextArrayType }).toEqual({ where, textArrayType: true });
    expect(columns.map(({ where }) => where).sort()).toEqual(TEXT_ARRAY_COLUMNS.map(([table, column]) => `${table}.${column}`).sort());
  });

  it('the migration removes the NULL elements stored before, and touches no other row', async () => {
    await api.clear();
    // As stored before TextArrayType, written straight in SQL.
    await sql(
      api,
      `insert into profiles (id, display_name, created_at, updated_at, skills)
       values ('had-null', 'Had Null', now(), now(), array['Go', null, 'Rust']::text[]), ('had-none', 'Had None', now(), now(), array['Go']::text[])`,
    );
    const [before] = await sql<{ xmin: string }>(api, `select xmin::text from profiles where id = 'had-none'`);
    const migration = new Migration20261213TextArrayNulls(api.api.db.orm.em.getDriver(), api.api.db.orm.config);
    await migration.up();
    for (const statement of migration.getQueries()) await sql(api, String(statement));
    const rows = await sql<{ id: string; skills: (string | null)[]; xmin: string }>(api, `select id, skills, xmin::text from profiles where id in ('had-null', 'had-none') order by id`);
    expect(rows.map(({ id, skills }) => ({ id, skills }))).toEqual([
      { id: 'had-none', skills: ['Go'] },
      { id: 'had-null', skills: ['Go', 'Rust'] },
    ]);
    // Not rewritten: the same row version.
    expect(rows[0]?.xmin).toBe(before?.xmin);
  });
});
