import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, isInputObjectType, isObjectType } from 'graphql';

import { ApiError } from './api-error';
import { FIELD_LABELS, labelForField, readableFieldMessage } from './field-labels';

/** Every argument and input field name of the served schema: what `extensions.field` can name. */
function schemaFieldNames(): string[] {
  const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) names.add(field.name);
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) for (const arg of field.args) names.add(arg.name);
  }
  return [...names].sort();
}

describe('kind: error messages name API fields instead of the labels people read', () => {
  it('every argument and input field of the served schema has a label', () => {
    expect(schemaFieldNames().filter((name) => !(name in FIELD_LABELS))).toEqual([]);
  });

  it('given cases: displayName, maxSpeakers and id read as their labels', () => {
    expect(readableFieldMessage('displayName', 'displayName must not be empty')).toBe('Display name must not be empty');
    expect(readableFieldMessage('maxSpeakers', 'maxSpeakers must be an integer between 2 and 50')).toBe(
      'Speakers on stage (max) must be an integer between 2 and 50',
    );
    expect(readableFieldMessage('id', 'id is not a valid id')).toBe('The link is not valid');
  });

  it('variant: a mention inside the sentence, a name no label lists, and a message with no mention', () => {
    expect(readableFieldMessage('scheduledFor', 'The room cannot start before scheduledFor')).toBe('The room cannot start before scheduled time');
    expect(labelForField('somethingNewId')).toBe('Something new');
    expect(readableFieldMessage('somethingNew', 'somethingNew is too long')).toBe('Something new is too long');
    expect(readableFieldMessage('title', 'A title has at most 120 characters')).toBe('A title has at most 120 characters');
    // A field name inside another word is not replaced.
    expect(readableFieldMessage('name', 'displayName must not be empty')).toBe('displayName must not be empty');
  });

  it('kind: a list item\'s field named by its path — pinnedLinks.1.title (the given case) and pinnedLinks.0.url (a variant) read with the item\'s number from 1', () => {
    expect(readableFieldMessage('pinnedLinks.1.title', 'pinnedLinks.1.title contains a slur or hate term')).toBe('Title (item 2 of pinned links) contains a slur or hate term');
    expect(labelForField('pinnedLinks.0.url')).toBe('Link (item 1 of pinned links)');
  });

  it('ApiError carries the readable sentence, for the toast and for the field', () => {
    const error = ApiError.fromGraphQLErrors([{ message: 'maxSpeakers must be at most 50', extensions: { code: 'BAD_USER_INPUT', field: 'maxSpeakers' } }]);
    expect(error.message).toBe('Speakers on stage (max) must be at most 50');
    expect(error.fieldErrors).toEqual({ maxSpeakers: 'Speakers on stage (max) must be at most 50' });
  });
});
