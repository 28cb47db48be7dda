import {
  ALL_SKILLS,
  INDUSTRIES,
  SENIORITY_LEVELS,
  SKILLS_BY_TOPIC,
  Seniority,
  TOPICS,
  TOPIC_CATEGORIES,
  findIndustry,
  industryBySlug,
  isKnownSkill,
  isSeniority,
  isTopicSlug,
  normalizeSkill,
  seniorityRank,
  skillKey,
  topicBySlug,
} from '../index';

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('topics', () => {
  it('has at least 60 topics with unique kebab-case slugs and names', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TOPICS.map((t) => t.slug)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.name)).size).toBe(TOPICS.length);
    for (const topic of TOPICS) expect(topic.slug).toMatch(KEBAB_CASE);
  });

  it('puts every topic in a known category and every category has topics', () => {
    const categories = new Set<string>(TOPIC_CATEGORIES);
    for (const topic of TOPICS) expect(categories).toContain(topic.category);
    for (const category of TOPIC_CATEGORIES) {
      expect(TOPICS.some((t) => t.category === category)).toBe(true);
    }
  });

  it.each([
    'software-engineering', 'product-management', 'machine-learning', 'sales', 'marketing',
    'finance', 'design', 'human-resources', 'data-engineering', 'cloud-infrastructure',
    'cybersecurity', 'devops', 'frontend-development', 'backend-development', 'mobile-development',
    'leadership', 'startups', 'venture-capital', 'career-growth', 'healthcare-innovation', 'climate-tech',
  ])('knows %s', (slug) => {
    expect(isTopicSlug(slug)).toBe(true);
    expect(topicBySlug(slug)?.slug).toBe(slug);
  });

  it('matches slugs exactly', () => {
    expect(topicBySlug('Machine-Learning')).toBeUndefined();
    expect(isTopicSlug('machine learning')).toBe(false);
    expect(topicBySlug('machine-learning')?.name).toBe('Machine Learning');
  });
});

describe('industries', () => {
  it('has at least 20 with unique kebab-case slugs', () => {
    expect(INDUSTRIES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(INDUSTRIES.map((i) => i.slug)).size).toBe(INDUSTRIES.length);
    for (const industry of INDUSTRIES) expect(industry.slug).toMatch(KEBAB_CASE);
  });

  it.each(['software', 'financial-services', 'healthcare', 'education', 'retail', 'manufacturing',
    'telecommunications', 'media', 'consulting', 'government', 'energy'])('knows %s', (slug) => {
    expect(industryBySlug(slug)?.slug).toBe(slug);
  });

  it('finds an industry by slug or by name, ignoring case and spacing', () => {
    expect(findIndustry(' Financial  services ')?.slug).toBe('financial-services');
    expect(findIndustry('FINANCIAL-SERVICES')?.slug).toBe('financial-services');
    expect(findIndustry('Underwater basket weaving')).toBeUndefined();
  });
});

describe('seniority', () => {
  it('orders the levels from Entry (0) to Executive (6)', () => {
    expect(SENIORITY_LEVELS).toEqual(['ENTRY', 'MID', 'SENIOR', 'LEAD', 'MANAGER', 'DIRECTOR', 'EXECUTIVE']);
    expect(seniorityRank(Seniority.Entry)).toBe(0);
    expect(seniorityRank(Seniority.Lead)).toBe(3);
    expect(seniorityRank(Seniority.Executive)).toBe(6);
  });

  it('recognises contract values only', () => {
    expect(isSeniority('SENIOR')).toBe(true);
    expect(isSeniority('senior')).toBe(false);
  });
});

describe('skills', () => {
  it('gives every topic 4 to 10 skills, and no skills to unknown topics', () => {
    for (const topic of TOPICS) {
      const skills = SKILLS_BY_TOPIC[topic.slug];
      expect(skills).toBeDefined();
      expect(skills?.length).toBeGreaterThanOrEqual(4);
      expect(skills?.length).toBeLessThanOrEqual(10);
      expect(new Set(skills).size).toBe(skills?.length);
    }
    for (const slug of Object.keys(SKILLS_BY_TOPIC)) expect(isTopicSlug(slug)).toBe(true);
  });

  it('lists every skill once, with one casing per skill', () => {
    expect(new Set(ALL_SKILLS).size).toBe(ALL_SKILLS.length);
    expect(new Set(ALL_SKILLS.map((s) => s.toLowerCase())).size).toBe(ALL_SKILLS.length);
    for (const skill of ALL_SKILLS) expect(skill).toBe(skill.trim());
  });

  it('lets skills co-occur under several topics', () => {
    expect(SKILLS_BY_TOPIC['cloud-infrastructure']).toEqual(
      expect.arrayContaining(['Kubernetes', 'Terraform', 'AWS', 'Go', 'Docker']),
    );
    expect(SKILLS_BY_TOPIC['machine-learning']).toEqual(expect.arrayContaining(['PyTorch', 'Python', 'MLOps']));
    expect(SKILLS_BY_TOPIC['devops']).toContain('Kubernetes');
  });

  it.each([
    ['k8s', 'Kubernetes'],
    ['K8S', 'Kubernetes'],
    ['golang', 'Go'],
    ['js', 'JavaScript'],
    ['ts', 'TypeScript'],
    ['ML', 'Machine Learning'],
    ['  kubernetes ', 'Kubernetes'],
    ['pytorch', 'PyTorch'],
    ['machine   learning', 'Machine Learning'],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(normalizeSkill(raw)).toBe(expected);
  });

  it('keeps unknown skills as typed, apart from whitespace', () => {
    expect(normalizeSkill('  Quantum   Basket Weaving ')).toBe('Quantum Basket Weaving');
    expect(isKnownSkill('Quantum Basket Weaving')).toBe(false);
    expect(isKnownSkill('k8s')).toBe(true);
  });

  it('compares skills through skillKey', () => {
    expect(skillKey('K8s')).toBe(skillKey('kubernetes'));
    expect(skillKey('Foo  Bar')).toBe('foo bar');
  });

  it('keeps every canonical skill stable under normalisation', () => {
    for (const skill of ALL_SKILLS) expect(normalizeSkill(skill)).toBe(skill);
  });
});
