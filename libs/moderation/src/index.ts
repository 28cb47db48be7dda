export * from './errors/moderation-error';
export * from './screening/word-lists';
export * from './screening/screen-text';
export * from './reports/report-category';
export * from './reports/report-eligibility';
