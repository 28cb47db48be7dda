export { int, type IntegerRange, parseInteger } from './int-validator';
export { bearerTokenCheck, MIN_PRODUCTION_SECRET_BYTES, MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS, weakSecretProblem } from './secrets';
export { hydrateEmbeddedPostgresLinks } from './embedded-postgres-links';
export { API_NODE_FLAGS } from './api-node-flags';
export { entryArguments, type EntryArguments, handleEntryArguments } from './entry-arguments';
export { runCommand, type CommandFailureReport, UsageError, usageMessage } from './command-main';
