import { collapseWhitespace } from '../common/text';
import { TOPICS } from './topics';

/**
 * Realistic skills per topic slug, in canonical casing. A skill may sit under several topics
 * because that is how skills co-occur in real profiles (Python under data science and ML,
 * Kubernetes under cloud and DevOps); the recommender relies on that overlap.
 */
export const SKILLS_BY_TOPIC: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // Technology
  'software-engineering': ['TypeScript', 'Java', 'Python', 'Go', 'System Design', 'Git', 'Code Review', 'Testing'],
  'frontend-development': ['JavaScript', 'TypeScript', 'React', 'Vue.js', 'Angular', 'CSS', 'HTML', 'Web Performance'],
  'backend-development': ['Node.js', 'Java', 'Go', 'PostgreSQL', 'GraphQL', 'REST APIs', 'Microservices', 'Redis'],
  'mobile-development': ['Swift', 'Kotlin', 'React Native', 'Flutter', 'iOS', 'Android'],
  'cloud-infrastructure': ['Kubernetes', 'Terraform', 'AWS', 'Go', 'Docker', 'Google Cloud', 'Azure', 'Networking'],
  devops: ['Kubernetes', 'Docker', 'CI/CD', 'Terraform', 'GitHub Actions', 'Ansible', 'Linux', 'Bash'],
  'site-reliability-engineering': ['Kubernetes', 'Prometheus', 'Incident Management', 'Observability', 'Linux', 'Go', 'SLOs'],
  cybersecurity: ['Threat Modeling', 'Penetration Testing', 'Identity and Access Management', 'SIEM', 'Cloud Security', 'Incident Response', 'Zero Trust'],
  'open-source': ['Git', 'Community Management', 'Technical Writing', 'Code Review', 'Licensing'],
  blockchain: ['Solidity', 'Ethereum', 'Smart Contracts', 'Cryptography', 'Rust', 'DeFi'],
  'quality-engineering': ['Test Automation', 'Playwright', 'Cypress', 'Selenium', 'Testing', 'Performance Testing'],
  'embedded-systems': ['C', 'C++', 'Rust', 'RTOS', 'Firmware', 'IoT', 'Embedded Linux'],
  'developer-experience': ['Developer Advocacy', 'Technical Writing', 'API Design', 'Platform Engineering', 'CI/CD', 'Developer Tooling'],
  // Data & AI
  'machine-learning': ['PyTorch', 'Python', 'MLOps', 'TensorFlow', 'scikit-learn', 'Deep Learning', 'Machine Learning', 'Feature Engineering'],
  'generative-ai': ['Large Language Models', 'Prompt Engineering', 'Retrieval-Augmented Generation', 'LangChain', 'Python', 'PyTorch', 'Fine-Tuning', 'Vector Databases'],
  'data-engineering': ['SQL', 'Apache Spark', 'Apache Kafka', 'Airflow', 'dbt', 'Python', 'Snowflake', 'Data Modeling'],
  'data-science': ['Python', 'R', 'Statistics', 'SQL', 'pandas', 'Machine Learning', 'A/B Testing', 'Data Visualization'],
  analytics: ['SQL', 'Tableau', 'Power BI', 'Looker', 'Excel', 'Data Visualization', 'dbt'],
  mlops: ['MLOps', 'Kubeflow', 'MLflow', 'Kubernetes', 'Docker', 'Python', 'Model Monitoring'],
  'computer-vision': ['OpenCV', 'PyTorch', 'Deep Learning', 'Image Processing', 'Python', 'CUDA'],
  'natural-language-processing': ['Hugging Face Transformers', 'spaCy', 'Large Language Models', 'Python', 'PyTorch', 'Text Classification'],
  'data-governance': ['GDPR', 'Data Privacy', 'Data Quality', 'Data Cataloging', 'Master Data Management', 'SQL'],
  // Product & Design
  'product-management': ['Product Strategy', 'Roadmapping', 'User Research', 'Prioritization', 'Agile', 'Jira', 'Stakeholder Management', 'A/B Testing'],
  design: ['Figma', 'UI Design', 'Interaction Design', 'Prototyping', 'Visual Design', 'Typography', 'Design Thinking'],
  'ux-research': ['User Research', 'Usability Testing', 'User Interviews', 'Survey Design', 'Journey Mapping', 'Design Thinking'],
  'design-systems': ['Figma', 'Design Tokens', 'Storybook', 'React', 'CSS', 'Accessibility'],
  accessibility: ['WCAG', 'Accessibility', 'ARIA', 'Screen Readers', 'HTML', 'Inclusive Design'],
  'product-growth': ['Growth Experimentation', 'A/B Testing', 'Onboarding', 'Product Analytics', 'Retention', 'Pricing'],
  'product-analytics': ['Amplitude', 'Mixpanel', 'SQL', 'Product Analytics', 'A/B Testing', 'Funnel Analysis'],
  // Business
  startups: ['Fundraising', 'Product-Market Fit', 'Go-to-Market Strategy', 'Hiring', 'Pitching', 'Business Modeling'],
  entrepreneurship: ['Business Modeling', 'Pitching', 'Fundraising', 'Customer Discovery', 'Negotiation', 'Bootstrapping'],
  'business-strategy': ['Strategic Planning', 'Market Analysis', 'Competitive Analysis', 'OKRs', 'Business Modeling', 'M&A'],
  operations: ['Process Improvement', 'Lean', 'Six Sigma', 'Project Management', 'Vendor Management', 'OKRs'],
  'business-development': ['Partnerships', 'Negotiation', 'Lead Generation', 'Salesforce', 'Account Management', 'Go-to-Market Strategy'],
  'supply-chain': ['Supply Chain Management', 'Logistics', 'Procurement', 'Demand Planning', 'SAP', 'Inventory Management'],
  'e-commerce': ['Shopify', 'Conversion Rate Optimization', 'Merchandising', 'Digital Marketing', 'Payments', 'Marketplace Operations'],
  'legal-and-compliance': ['Contract Law', 'Regulatory Compliance', 'GDPR', 'Intellectual Property', 'Risk Management', 'Corporate Governance'],
  // Sales & Marketing
  sales: ['Salesforce', 'Negotiation', 'Prospecting', 'Account Management', 'Enterprise Sales', 'Pipeline Management', 'Cold Calling', 'HubSpot'],
  marketing: ['Digital Marketing', 'Marketing Strategy', 'HubSpot', 'Google Analytics', 'Copywriting', 'Market Research', 'Brand Management'],
  'content-marketing': ['Copywriting', 'Content Strategy', 'SEO', 'Storytelling', 'Editing', 'Technical Writing'],
  'brand-strategy': ['Brand Management', 'Positioning', 'Storytelling', 'Market Research', 'Creative Direction'],
  seo: ['SEO', 'Google Analytics', 'Google Ads', 'Keyword Research', 'Content Strategy', 'Link Building'],
  'customer-success': ['Account Management', 'Customer Onboarding', 'Gainsight', 'Retention', 'Zendesk', 'Customer Journey Mapping'],
  'demand-generation': ['Lead Generation', 'Marketing Automation', 'HubSpot', 'Marketo', 'Account-Based Marketing', 'Google Ads'],
  'social-media-marketing': ['Social Media Strategy', 'Community Management', 'Copywriting', 'Influencer Marketing', 'Paid Social', 'Video Production'],
  'sales-enablement': ['Sales Training', 'Salesforce', 'Gong', 'Playbook Development', 'Content Strategy', 'Onboarding'],
  // Finance
  finance: ['Financial Modeling', 'Excel', 'Corporate Finance', 'Valuation', 'Budgeting', 'Accounting'],
  'venture-capital': ['Due Diligence', 'Valuation', 'Term Sheets', 'Portfolio Management', 'Deal Sourcing', 'Financial Modeling'],
  fintech: ['Payments', 'Regulatory Compliance', 'Open Banking', 'KYC/AML', 'Fraud Detection', 'Blockchain'],
  accounting: ['GAAP', 'IFRS', 'Financial Reporting', 'Auditing', 'Tax', 'QuickBooks', 'Excel'],
  investing: ['Portfolio Management', 'Equity Research', 'Valuation', 'Risk Management', 'Asset Allocation', 'Financial Modeling'],
  fundraising: ['Fundraising', 'Pitching', 'Investor Relations', 'Term Sheets', 'Financial Modeling', 'Storytelling'],
  'financial-planning-and-analysis': ['Financial Modeling', 'Forecasting', 'Budgeting', 'Excel', 'Variance Analysis', 'Anaplan'],
  // People & Careers
  'human-resources': ['Talent Management', 'Employee Relations', 'HR Operations', 'Compensation and Benefits', 'Workday', 'Performance Management'],
  'career-growth': ['Networking', 'Personal Branding', 'Interviewing', 'Goal Setting', 'Mentoring', 'Public Speaking'],
  recruiting: ['Sourcing', 'Interviewing', 'Employer Branding', 'Applicant Tracking Systems', 'Hiring', 'Talent Acquisition'],
  'remote-work': ['Asynchronous Communication', 'Remote Team Management', 'Notion', 'Slack', 'Time Management'],
  'diversity-equity-inclusion': ['Inclusive Hiring', 'Employee Resource Groups', 'Inclusive Design', 'Training Facilitation', 'Pay Equity Analysis'],
  'learning-and-development': ['Instructional Design', 'Training Facilitation', 'Coaching', 'Curriculum Development', 'Learning Management Systems'],
  mentorship: ['Mentoring', 'Coaching', 'Active Listening', 'Feedback', 'Career Planning'],
  'personal-branding': ['Personal Branding', 'LinkedIn', 'Public Speaking', 'Storytelling', 'Content Strategy', 'Networking'],
  // Leadership
  leadership: ['People Management', 'Strategic Planning', 'Coaching', 'Decision Making', 'Communication', 'Feedback'],
  'engineering-management': ['People Management', 'Hiring', 'Agile', 'Technical Roadmapping', 'Performance Management', 'System Design'],
  'executive-leadership': ['Strategic Planning', 'Board Management', 'P&L Management', 'Corporate Governance', 'Change Management', 'Communication'],
  'public-speaking': ['Public Speaking', 'Storytelling', 'Presentation Skills', 'Communication', 'Podcasting'],
  negotiation: ['Negotiation', 'Conflict Resolution', 'Persuasion', 'Contract Negotiation', 'Active Listening'],
  'change-management': ['Change Management', 'Stakeholder Management', 'Communication', 'Process Improvement', 'Prosci ADKAR'],
  'organizational-culture': ['Employee Engagement', 'Organizational Design', 'Feedback', 'Team Building', 'Communication'],
  // Industries
  'healthcare-innovation': ['Digital Health', 'HIPAA', 'Electronic Health Records', 'Telemedicine', 'HL7 FHIR', 'Clinical Research'],
  'climate-tech': ['Carbon Accounting', 'Renewable Energy', 'Life Cycle Assessment', 'ESG Reporting', 'Energy Storage', 'Sustainability Strategy'],
  edtech: ['Instructional Design', 'Learning Management Systems', 'Curriculum Development', 'Learning Analytics', 'Product Management'],
  biotech: ['Bioinformatics', 'Clinical Trials', 'Regulatory Affairs', 'Python', 'Genomics', 'Drug Discovery'],
  legaltech: ['Contract Lifecycle Management', 'E-Discovery', 'Legal Operations', 'Contract Law', 'Document Automation'],
  proptech: ['Real Estate Development', 'Property Management', 'Financial Modeling', 'Smart Buildings', 'Real Estate Investment'],
  gaming: ['Unity', 'Unreal Engine', 'C++', 'C#', 'Game Design', 'LiveOps'],
  govtech: ['Public Policy', 'Procurement', 'Digital Transformation', 'Accessibility', 'Open Data', 'Cloud Security'],
  mobility: ['Autonomous Vehicles', 'Electric Vehicles', 'Fleet Management', 'Logistics', 'Computer Vision', 'Embedded Systems'],
  'media-and-entertainment': ['Video Production', 'Content Strategy', 'Streaming', 'Audience Development', 'Podcasting', 'Storytelling'],
});

/** Every known skill once, in canonical casing, in order of first appearance in {@link TOPICS}. */
export const ALL_SKILLS: readonly string[] = Object.freeze([
  ...new Set(TOPICS.flatMap((topic) => SKILLS_BY_TOPIC[topic.slug] ?? [])),
]);

/**
 * Shorthands people actually type, keyed by lowercase form. Only unambiguous ones: 'go' is
 * already a skill, and 'ai' could mean several of them, so it is not aliased.
 */
const SKILL_ALIASES: Readonly<Record<string, string>> = {
  k8s: 'Kubernetes',
  golang: 'Go',
  js: 'JavaScript',
  ts: 'TypeScript',
  ml: 'Machine Learning',
  'deep-learning': 'Deep Learning',
  dl: 'Deep Learning',
  llm: 'Large Language Models',
  llms: 'Large Language Models',
  rag: 'Retrieval-Augmented Generation',
  nodejs: 'Node.js',
  node: 'Node.js',
  'react.js': 'React',
  reactjs: 'React',
  vue: 'Vue.js',
  vuejs: 'Vue.js',
  postgres: 'PostgreSQL',
  'amazon web services': 'AWS',
  gcp: 'Google Cloud',
  'google cloud platform': 'Google Cloud',
  'microsoft azure': 'Azure',
  tf: 'Terraform',
  sklearn: 'scikit-learn',
  'ci-cd': 'CI/CD',
  cicd: 'CI/CD',
  'c sharp': 'C#',
  'c plus plus': 'C++',
  cpp: 'C++',
  seo: 'SEO',
  ux: 'User Research',
};

const canonicalByKey: ReadonlyMap<string, string> = new Map([
  ...ALL_SKILLS.map((skill): [string, string] => [skill.toLowerCase(), skill]),
  ...Object.entries(SKILL_ALIASES),
]);

/**
 * A skill in canonical form: whitespace trimmed and collapsed, then mapped case-insensitively
 * to the known spelling (or an alias's target, e.g. 'k8s' → 'Kubernetes'). Unknown skills are
 * kept as typed (after whitespace cleanup) so people can list niche skills.
 */
export function normalizeSkill(raw: string): string {
  const cleaned = collapseWhitespace(raw);
  return canonicalByKey.get(cleaned.toLowerCase()) ?? cleaned;
}

/** The key to compare and deduplicate skills by: 'K8S', 'kubernetes ' and 'Kubernetes' agree. */
export function skillKey(raw: string): string {
  return normalizeSkill(raw).toLowerCase();
}

/** Whether the skill (after normalisation) is one of {@link ALL_SKILLS}. */
export function isKnownSkill(raw: string): boolean {
  return canonicalByKey.has(collapseWhitespace(raw).toLowerCase());
}
