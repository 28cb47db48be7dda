import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { Seniority } from '../taxonomy/seniority';
import { type ProfileUpdateInput, validateProfileUpdate } from './profile-update';

function rejectedField(input: ProfileUpdateInput): string | undefined {
  try {
    validateProfileUpdate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toEqual(expect.objectContaining({ code: DomainErrorCode.InvalidInput }));
    return (error as DomainError).field;
  }
  throw new Error('expected a DomainError');
}

describe('validateProfileUpdate', () => {
  it('returns only the fields given', () => {
    expect(validateProfileUpdate({})).toEqual({});
    expect(validateProfileUpdate({ headline: ' Staff Engineer at Acme ' })).toEqual({ headline: 'Staff Engineer at Acme' });
  });

  it('normalises every field', () => {
    expect(
      validateProfileUpdate({
        displayName: '  Ada Lovelace ',
        headline: '',
        company: ' Acme ',
        industry: 'financial services',
        seniority: 'SENIOR',
        avatarUrl: ' https://cdn.example.com/a.png ',
        skills: ['k8s', ' Kubernetes', 'golang', 'Go', ' Event   Sourcing ', 'event sourcing'],
        interests: ['devops', 'cloud-infrastructure', 'devops'],
      }),
    ).toEqual({
      displayName: 'Ada Lovelace',
      headline: null,
      company: 'Acme',
      industry: 'financial-services',
      seniority: Seniority.Senior,
      avatarUrl: 'https://cdn.example.com/a.png',
      skills: ['Kubernetes', 'Go', 'Event Sourcing'],
      interests: ['devops', 'cloud-infrastructure'],
    });
  });

  it('clears optional fields with null and leaves required ones unchanged', () => {
    expect(
      validateProfileUpdate({ displayName: null, headline: null, company: null, industry: null, seniority: null, avatarUrl: null, skills: null, interests: null }),
    ).toEqual({ headline: null, company: null, industry: null, seniority: null, avatarUrl: null });
    expect(validateProfileUpdate({ skills: [], interests: [] })).toEqual({ skills: [], interests: [] });
  });

  it('accepts an industry slug', () => {
    expect(validateProfileUpdate({ industry: 'healthcare' }).industry).toBe('healthcare');
  });

  it.each<[string, ProfileUpdateInput, string]>([
    ['a blank display name', { displayName: ' ' }, 'displayName'],
    ['a long display name', { displayName: 'x'.repeat(81) }, 'displayName'],
    ['a long headline', { headline: 'x'.repeat(161) }, 'headline'],
    ['a long company', { company: 'x'.repeat(121) }, 'company'],
    ['an unknown industry', { industry: 'alchemy' }, 'industry'],
    ['an unknown seniority', { seniority: 'INTERN' }, 'seniority'],
    ['a relative avatar URL', { avatarUrl: '/me.png' }, 'avatarUrl'],
    ['a javascript: avatar URL', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ['a data: avatar URL', { avatarUrl: 'data:image/png;base64,AAAA' }, 'avatarUrl'],
    ['a long avatar URL', { avatarUrl: `https://example.com/${'a'.repeat(2030)}` }, 'avatarUrl'],
    ['a blank skill', { skills: ['Go', '  '] }, 'skills'],
    ['a long skill', { skills: ['x'.repeat(61)] }, 'skills'],
    ['more than 50 skills', { skills: Array.from({ length: 51 }, (_, i) => `Skill ${i}`) }, 'skills'],
    ['an unknown interest', { interests: ['alchemy'] }, 'interests'],
    ['more than 20 interests', { interests: ['sales', 'marketing', 'finance', 'design', 'devops', 'seo', 'gaming', 'edtech', 'biotech', 'mlops', 'fintech', 'accounting', 'investing', 'fundraising', 'leadership', 'negotiation', 'mentorship', 'recruiting', 'remote-work', 'startups', 'analytics'] }, 'interests'],
  ])('rejects %s', (_name, input, field) => {
    expect(rejectedField(input)).toBe(field);
  });

  it('counts skills after deduplication', () => {
    const skills = [...Array.from({ length: 50 }, (_, i) => `Skill ${i}`), 'skill 0', 'SKILL 1'];
    expect(validateProfileUpdate({ skills }).skills).toHaveLength(50);
  });
});
