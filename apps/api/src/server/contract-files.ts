import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, type GraphQLSchema } from 'graphql';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** The repository's copy of the public contract (`contract/`). */
export const CONTRACT_COPY_DIR = resolve(REPO_ROOT, 'contract');

/** The published contract beside the checkout (`../shared/contract/`), absent in a plain clone. */
export const PUBLISHED_CONTRACT_DIR = resolve(REPO_ROOT, '..', 'shared', 'contract');

/**
 * Every contract file, in the order they build one schema: each extension extends the files
 * before it (`extend type Room`, `extend type Mutation`, ...).
 */
export const CONTRACT_FILES = ['schema.graphql', 'trust-and-safety.graphql', 'room-conversation.graphql', 'audience.graphql'] as const;

export type ContractFile = (typeof CONTRACT_FILES)[number];

/**
 * Extension files whose issues have not landed yet, with the issues that serve them. The contract
 * test checks every other file; a pending file must really be unserved (a test fails once all of
 * it is served, so the entry is removed then). The list is empty when the last issue lands.
 */
export const PENDING_EXTENSIONS: Readonly<Partial<Record<ContractFile, string>>> = {};

/**
 * The parts of a pending extension already served, by type or `Type.field` name: the contract
 * test holds each to the contract (no breaking change names it) while the rest of the file waits.
 */
export const SERVED_PARTS_OF_PENDING: Readonly<Partial<Record<ContractFile, readonly string[]>>> = {};

/** Whether a graphql-js change description (`Room.questions was removed.`) is about `part`. */
export function changeConcerns(description: string, part: string): boolean {
  return description.startsWith(`${part}.`) || description.startsWith(`${part} `);
}

/** The files the served schema must keep today: every contract file but the pending ones. */
export const SERVED_CONTRACT_FILES: readonly ContractFile[] = CONTRACT_FILES.filter((file) => !(file in PENDING_EXTENSIONS));

/** Reads contract files from `directory` (default: the repository's copy) as one SDL text. */
export function contractText(files: readonly ContractFile[], directory = CONTRACT_COPY_DIR): string {
  return files.map((file) => readFileSync(resolve(directory, file), 'utf8')).join('\n');
}

/** Builds the schema of `files`, read together. */
export function contractSchema(files: readonly ContractFile[], directory = CONTRACT_COPY_DIR): GraphQLSchema {
  return buildSchema(contractText(files, directory));
}

/** Whether the repository holds its own copy of every contract file. */
export function hasContractCopy(): boolean {
  return CONTRACT_FILES.every((file) => existsSync(resolve(CONTRACT_COPY_DIR, file)));
}
