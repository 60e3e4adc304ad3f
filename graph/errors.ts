// One error vocabulary for the whole app: codes clients can switch on, and GraphQLError subclasses that carry them.
// Anything that is not one of these is treated as unexpected and masked by the server's formatError.
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  InvalidReadout = 'INVALID_READOUT',
  Ambiguous = 'AMBIGUOUS_NAME',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  Timeout = 'QUERY_TIMEOUT',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** Base class: every error we raise on purpose. `expose` marks the message as safe to show to clients. */
export class DomainError extends GraphQLError {
  readonly expose = true;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BadUserInput, message, extensions);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
  }
}

/** A change the graph cannot take as asked (e.g. a retraction that would strand other documents' references). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}

export interface Candidate {
  id: string;
  name: string;
}

/** A name that matches more than one entity: the message and extensions list every candidate. */
export class AmbiguousNameError extends DomainError {
  constructor(kind: string, name: string, candidates: Candidate[]) {
    const list = candidates.map((c) => `${c.name} (${c.id})`).join(', ');
    super(
      ErrorCode.Ambiguous,
      `The ${kind} name "${name}" matches ${candidates.length} entities: ${list}. Ask by id.`,
      {
        candidates,
      },
    );
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Unauthenticated, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message);
  }
}

export class QueryTooComplexError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.QueryTooComplex, message);
  }
}

export class TimeoutError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Timeout, message);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message = 'The graph database is unavailable right now; try again shortly.') {
    super(ErrorCode.ServiceUnavailable, message);
  }
}

/** One problem in one readout file: where (file, path, line) and what. */
export interface ReadoutIssue {
  file: string;
  path: string;
  line?: number | undefined;
  message: string;
}

export function formatIssue(i: ReadoutIssue): string {
  const where = i.path === '' ? '' : ` ${i.path}${i.line === undefined ? '' : ` (line ${i.line})`}`;
  return `${i.file}:${where}: ${i.message}`.replace(/:: /, ': ');
}

/** A readout (or a batch of them) failed validation; nothing was written. */
export class InvalidReadoutError extends DomainError {
  readonly issues: ReadoutIssue[];
  constructor(issues: ReadoutIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > 20 ? `\n… and ${issues.length - 20} more` : '';
    super(
      ErrorCode.InvalidReadout,
      `Invalid readout (${issues.length} problem(s)):\n${shown.join('\n')}${more}`,
      {
        issues,
      },
    );
    this.issues = issues;
  }
}
