// The executable schema's parts: SDL from schema/*.graphql and the resolver map, merged by domain.
import fs from 'node:fs';
import path from 'node:path';
import type { Resolvers } from './__generated__/types';
import { agreementResolvers } from './agreement';
import { countryResolvers } from './country';
import { dialogueResolvers } from './dialogue';
import { draftResolvers } from './draft';
import { exploreResolvers } from './explore';
import { historyResolvers } from './history';
import { ingestResolvers } from './ingest';
import { nodeResolvers } from './node';
import { organizationResolvers } from './organization';
import { personResolvers } from './person';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars';
import { themeResolvers } from './theme';
import { repoPath } from '../graph/paths';

export const SCHEMA_DIR = repoPath('schema');

export function loadTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

const parts: Resolvers[] = [
  nodeResolvers,
  personResolvers,
  organizationResolvers,
  dialogueResolvers,
  themeResolvers,
  agreementResolvers,
  countryResolvers,
  exploreResolvers,
  ingestResolvers,
  historyResolvers,
  draftResolvers,
];

/** Merges the per-domain maps type by type (Query and Mutation are split across files). */
export function buildResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      merged[type] = { ...(merged[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return { ...(merged as Resolvers), Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar };
}
