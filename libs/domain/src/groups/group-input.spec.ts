import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { validateGroupInput } from './group-input';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toEqual(expect.objectContaining({ code: DomainErrorCode.InvalidInput }));
    return (error as DomainError).field;
  }
  throw new Error('expected a DomainError');
}

describe('validateGroupInput', () => {
  it('trims the name and turns a blank description into null', () => {
    expect(validateGroupInput({ name: '  Platform Guild ', description: '  ' })).toEqual({ name: 'Platform Guild', description: null });
    expect(validateGroupInput({ name: 'x'.repeat(80), description: ' d ' })).toEqual({ name: 'x'.repeat(80), description: 'd' });
    expect(validateGroupInput({ name: 'g' }).description).toBeNull();
  });

  it('rejects a blank or long name and a long description', () => {
    expect(fieldOf(() => validateGroupInput({ name: '  ' }))).toBe('name');
    expect(fieldOf(() => validateGroupInput({ name: 'x'.repeat(81) }))).toBe('name');
    expect(fieldOf(() => validateGroupInput({ name: 'ok', description: 'd'.repeat(1001) }))).toBe('description');
  });
});
