// @neo4j/graphql (v7) served by its own ApolloServer, for comparison: same graph, its own driver and port.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { NEO4J_GRAPHQL_TYPE_DEFS } from './neo4jGraphqlTypeDefs';

export interface Neo4jGraphqlServer {
  url: string;
  close(): Promise<void>;
}

export async function startNeo4jGraphqlServer(opts: {
  uri: string;
  user: string | undefined;
  password: string | undefined;
}): Promise<Neo4jGraphqlServer> {
  const auth =
    opts.user !== undefined && opts.password !== undefined
      ? neo4j.auth.basic(opts.user, opts.password)
      : undefined;
  const driver = neo4j.driver(opts.uri, auth, { maxConnectionPoolSize: 50 });
  const schema = await new Neo4jGraphQL({
    typeDefs: NEO4J_GRAPHQL_TYPE_DEFS,
    driver,
    // Dates are yyyy-mm-dd strings, so "held at" needs string comparisons, which the library keeps behind a flag.
    features: { filters: { String: { LTE: true, GTE: true } } },
  }).getSchema();
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url: url.replace(/\/$/, ''),
    async close() {
      await server.stop();
      await driver.close();
    },
  };
}
