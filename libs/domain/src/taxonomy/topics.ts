/** A professional interest that rooms are tagged with and profiles follow. */
export interface Topic {
  /** Stable kebab-case identifier used in the API (`topics: ["machine-learning"]`). */
  readonly slug: string;
  /** Display name, e.g. "Machine Learning". */
  readonly name: string;
  /** One of {@link TOPIC_CATEGORIES}; groups topics in pickers and in the recommender. */
  readonly category: string;
}

/** The categories topics are grouped into, in display order. */
export const TOPIC_CATEGORIES = [
  'Technology',
  'Data & AI',
  'Product & Design',
  'Business',
  'Sales & Marketing',
  'Finance',
  'People & Careers',
  'Leadership',
  'Industries',
] as const;

export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];

function topicsIn(category: TopicCategory, entries: ReadonlyArray<readonly [string, string]>): Topic[] {
  return entries.map(([slug, name]) => ({ slug, name, category }));
}

/**
 * Every topic a room or a profile may name. Slugs are part of the public API (room filters,
 * profile interests) and of the recommender's features, so never rename one: add a new topic.
 */
export const TOPICS: readonly Topic[] = Object.freeze([
  ...topicsIn('Technology', [
    ['software-engineering', 'Software Engineering'],
    ['frontend-development', 'Frontend Development'],
    ['backend-development', 'Backend Development'],
    ['mobile-development', 'Mobile Development'],
    ['cloud-infrastructure', 'Cloud Infrastructure'],
    ['devops', 'DevOps'],
    ['site-reliability-engineering', 'Site Reliability Engineering'],
    ['cybersecurity', 'Cybersecurity'],
    ['open-source', 'Open Source'],
    ['blockchain', 'Blockchain & Web3'],
    ['quality-engineering', 'Quality Engineering'],
    ['embedded-systems', 'Embedded Systems & IoT'],
    ['developer-experience', 'Developer Experience'],
  ]),
  ...topicsIn('Data & AI', [
    ['machine-learning', 'Machine Learning'],
    ['generative-ai', 'Generative AI'],
    ['data-engineering', 'Data Engineering'],
    ['data-science', 'Data Science'],
    ['analytics', 'Analytics & BI'],
    ['mlops', 'MLOps'],
    ['computer-vision', 'Computer Vision'],
    ['natural-language-processing', 'Natural Language Processing'],
    ['data-governance', 'Data Governance & Privacy'],
  ]),
  ...topicsIn('Product & Design', [
    ['product-management', 'Product Management'],
    ['design', 'Design'],
    ['ux-research', 'UX Research'],
    ['design-systems', 'Design Systems'],
    ['accessibility', 'Accessibility'],
    ['product-growth', 'Product-Led Growth'],
    ['product-analytics', 'Product Analytics'],
  ]),
  ...topicsIn('Business', [
    ['startups', 'Startups'],
    ['entrepreneurship', 'Entrepreneurship'],
    ['business-strategy', 'Business Strategy'],
    ['operations', 'Operations'],
    ['business-development', 'Business Development'],
    ['supply-chain', 'Supply Chain & Logistics'],
    ['e-commerce', 'E-commerce'],
    ['legal-and-compliance', 'Legal & Compliance'],
  ]),
  ...topicsIn('Sales & Marketing', [
    ['sales', 'Sales'],
    ['marketing', 'Marketing'],
    ['content-marketing', 'Content Marketing'],
    ['brand-strategy', 'Brand Strategy'],
    ['seo', 'SEO & SEM'],
    ['customer-success', 'Customer Success'],
    ['demand-generation', 'Demand Generation'],
    ['social-media-marketing', 'Social Media Marketing'],
    ['sales-enablement', 'Sales Enablement'],
  ]),
  ...topicsIn('Finance', [
    ['finance', 'Finance'],
    ['venture-capital', 'Venture Capital'],
    ['fintech', 'Fintech'],
    ['accounting', 'Accounting'],
    ['investing', 'Investing'],
    ['fundraising', 'Fundraising'],
    ['financial-planning-and-analysis', 'Financial Planning & Analysis'],
  ]),
  ...topicsIn('People & Careers', [
    ['human-resources', 'Human Resources'],
    ['career-growth', 'Career Growth'],
    ['recruiting', 'Recruiting & Talent'],
    ['remote-work', 'Remote Work'],
    ['diversity-equity-inclusion', 'Diversity, Equity & Inclusion'],
    ['learning-and-development', 'Learning & Development'],
    ['mentorship', 'Mentorship'],
    ['personal-branding', 'Personal Branding'],
  ]),
  ...topicsIn('Leadership', [
    ['leadership', 'Leadership'],
    ['engineering-management', 'Engineering Management'],
    ['executive-leadership', 'Executive Leadership'],
    ['public-speaking', 'Public Speaking'],
    ['negotiation', 'Negotiation'],
    ['change-management', 'Change Management'],
    ['organizational-culture', 'Organizational Culture'],
  ]),
  ...topicsIn('Industries', [
    ['healthcare-innovation', 'Healthcare Innovation'],
    ['climate-tech', 'Climate Tech'],
    ['edtech', 'EdTech'],
    ['biotech', 'Biotech & Life Sciences'],
    ['legaltech', 'LegalTech'],
    ['proptech', 'PropTech & Real Estate'],
    ['gaming', 'Gaming'],
    ['govtech', 'GovTech & Public Sector'],
    ['mobility', 'Mobility & Transportation'],
    ['media-and-entertainment', 'Media & Entertainment'],
  ]),
]);

const topicsBySlug: ReadonlyMap<string, Topic> = new Map(TOPICS.map((topic) => [topic.slug, topic]));

/** The topic with this slug, or undefined; slugs are matched exactly (they are identifiers). */
export function topicBySlug(slug: string): Topic | undefined {
  return topicsBySlug.get(slug);
}

/** Whether `slug` names a known topic. */
export function isTopicSlug(slug: string): boolean {
  return topicsBySlug.has(slug);
}
