/** Errors a service may throw; the HTTP layer turns each into its status and a JSON body. */

export interface Issue {
  /** Where the problem is: "body.username", "querystring.group", or "line 12, column status". */
  path: string;
  message: string;
  /** The check that failed, for clients to say it in their own words: zod's issue code ("too_big", "invalid_format" …). */
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues: Issue[] = []) {
    super(400, 'invalid_request', message, issues);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You need to log in for this') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your roles do not allow this') {
    super(403, 'forbidden', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_requests', message);
  }
}
