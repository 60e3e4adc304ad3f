// Type definitions for @neo4j/graphql over the same graph, for the side-by-side benchmark: the nodes and
// relationships the benchmark's shapes need, as that library models them (@node, @relationship with properties).
// Where our API derives a field (an organisation's dialogues, ranked search) the library's own escape hatch,
// @cypher, carries the same Cypher. Here, not under scripts/, because it holds Cypher.

/** Dialogues where someone represented the organisation, or whose working group it is: Organization.dialogues. */
const ORGANIZATION_DIALOGUES = `
CALL (this) {
  MATCH (:Person)-[a:ATTENDED]->(d:Dialogue) WHERE a.onBehalfOf = this.id RETURN d
  UNION MATCH (d:Dialogue)-[:WORKING_GROUP]->(this) RETURN d
}
RETURN d ORDER BY d.startKey DESC`;

/** The API's search statement, over the same fulltext index; the Lucene text is built by the caller. */
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score
RETURN node ORDER BY score DESC, node.sortKey, node.id LIMIT $first`;

export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Person @node @mutation(operations: []) {
    id: ID!
    name: String!
    country: String
    posts: [Organization!]! @relationship(type: "HOLDS_POST", direction: OUT, properties: "HoldsPost")
    attended: [Dialogue!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attendance")
  }

  type HoldsPost @relationshipProperties {
    title: String!
    from: String
    to: String
    attestedFrom: String
    attestedTo: String
    validFrom: String
    validTo: String
  }

  type Attendance @relationshipProperties {
    role: String!
    title: String
    country: String
    onBehalfOf: String
  }

  type Organization @node @mutation(operations: []) {
    id: ID!
    name: String!
    kind: String!
    members: [Person!]! @relationship(type: "HOLDS_POST", direction: IN, properties: "HoldsPost")
    dialogues: [Dialogue!]! @cypher(statement: """${ORGANIZATION_DIALOGUES}""", columnName: "d")
  }

  type Dialogue @node @mutation(operations: []) {
    id: ID!
    name: String!
    startDate: String!
    themes: [Theme!]! @relationship(type: "DISCUSSED", direction: OUT)
    participants: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attendance")
  }

  type Theme @node @mutation(operations: []) {
    id: ID!
    name: String!
  }

  type Country @node @mutation(operations: []) {
    id: ID!
    name: String!
  }

  type DialogueSeries @node @mutation(operations: []) {
    id: ID!
    name: String!
  }

  type Agreement @node @mutation(operations: []) {
    id: ID!
    name: String!
  }

  type Source @node @mutation(operations: []) {
    id: ID!
    title: String!
  }

  union Entity = Person | Organization | Country | Dialogue | DialogueSeries | Theme | Agreement | Source

  type Query {
    search(query: String!, first: Int!): [Entity!]! @cypher(statement: """${SEARCH}""", columnName: "node")
  }
`;
