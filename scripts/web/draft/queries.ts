// What the Draft page asks the API, and the shapes of the answers.
export interface Issue {
  path: string;
  line: number | null;
  message: string;
}

export interface Evidence {
  path: string;
  value: string;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  confidence: number;
}

export interface Match {
  path: string;
  name: string;
  isNew: boolean;
  node: { id: string; __typename: string } | null;
}

export interface ReadoutDraft {
  yaml: string;
  evidence: Evidence[];
  matches: Match[];
  checks: string[];
  issues: Issue[];
}

export const DRAFT = `query Draft($text: String!, $published: Date, $url: String, $publisher: String) {
  draftReadout(text: $text, published: $published, url: $url, publisher: $publisher) {
    yaml
    evidence { path value text start end line column confidence }
    matches { path name isNew node { id __typename } }
    checks
    issues { path line message }
  }
}`;

export const VALIDATE = `query Validate($readout: String!) {
  validateReadout(readout: $readout) { path line message }
}`;

export interface IngestResult {
  dryRun: boolean;
  nodesCreated: number;
  relationshipsCreated: number;
  readouts: {
    sourceId: string;
    dialogueId: string;
    nodesCreated: number;
    nodesMatched: number;
    relationshipsCreated: number;
    relationshipsMatched: number;
    source: { id: string; title: string } | null;
    dialogue: { id: string; name: string } | null;
  }[];
}

export const INGEST = `mutation Ingest($readout: String!, $dryRun: Boolean!) {
  ingestReadout(readout: $readout, dryRun: $dryRun) {
    dryRun nodesCreated relationshipsCreated
    readouts {
      sourceId dialogueId nodesCreated nodesMatched relationshipsCreated relationshipsMatched
      source { id title } dialogue { id name }
    }
  }
}`;
