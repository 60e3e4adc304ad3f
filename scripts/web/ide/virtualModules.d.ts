// Modules generated at build time by the plugins in scripts/web/vite.config.mts.
declare module 'virtual:readme-examples' {
  export interface ReadmeExample {
    /** The question as the README titles it, e.g. "1. Who are Ajay Bhalla's counterparts, and where did they meet?". */
    title: string;
    /** The GraphQL query, as written in the README. */
    query: string;
  }
  const examples: ReadmeExample[];
  export default examples;
}

declare module 'virtual:schema-sdl' {
  /** schema/*.graphql, joined: the schema this server serves. */
  const sdl: string;
  export default sdl;
}
