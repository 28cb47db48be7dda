import { collapseWhitespace } from '../common/text';

/** The industry a profile works in. */
export interface Industry {
  /** Stable kebab-case identifier; profiles store this. */
  readonly slug: string;
  readonly name: string;
}

/** Every industry a profile may name. Slugs are stored on profiles: never rename one. */
export const INDUSTRIES: readonly Industry[] = Object.freeze([
  { slug: 'software', name: 'Software' },
  { slug: 'internet', name: 'Internet' },
  { slug: 'financial-services', name: 'Financial Services' },
  { slug: 'banking', name: 'Banking' },
  { slug: 'insurance', name: 'Insurance' },
  { slug: 'healthcare', name: 'Healthcare' },
  { slug: 'pharmaceuticals', name: 'Pharmaceuticals & Biotech' },
  { slug: 'education', name: 'Education' },
  { slug: 'retail', name: 'Retail' },
  { slug: 'consumer-goods', name: 'Consumer Goods' },
  { slug: 'manufacturing', name: 'Manufacturing' },
  { slug: 'automotive', name: 'Automotive' },
  { slug: 'aerospace-and-defense', name: 'Aerospace & Defense' },
  { slug: 'telecommunications', name: 'Telecommunications' },
  { slug: 'media', name: 'Media & Publishing' },
  { slug: 'entertainment', name: 'Entertainment & Gaming' },
  { slug: 'consulting', name: 'Consulting' },
  { slug: 'legal-services', name: 'Legal Services' },
  { slug: 'government', name: 'Government & Public Sector' },
  { slug: 'non-profit', name: 'Non-profit' },
  { slug: 'energy', name: 'Energy & Utilities' },
  { slug: 'real-estate', name: 'Real Estate' },
  { slug: 'construction', name: 'Construction' },
  { slug: 'transportation-and-logistics', name: 'Transportation & Logistics' },
  { slug: 'hospitality', name: 'Hospitality & Travel' },
  { slug: 'agriculture', name: 'Agriculture' },
  { slug: 'marketing-and-advertising', name: 'Marketing & Advertising' },
  { slug: 'staffing-and-recruiting', name: 'Staffing & Recruiting' },
]);

const industriesBySlug: ReadonlyMap<string, Industry> = new Map(
  INDUSTRIES.map((industry) => [industry.slug, industry]),
);

/** The industry with this slug, or undefined. */
export function industryBySlug(slug: string): Industry | undefined {
  return industriesBySlug.get(slug);
}

/**
 * Resolves what a person typed (a slug or a display name, any case and spacing) to an
 * industry, so profile forms can send either.
 */
export function findIndustry(raw: string): Industry | undefined {
  const key = collapseWhitespace(raw).toLowerCase();
  return (
    industriesBySlug.get(key) ?? INDUSTRIES.find((industry) => industry.name.toLowerCase() === key)
  );
}
