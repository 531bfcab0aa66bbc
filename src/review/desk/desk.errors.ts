import { AppError } from '../../platform/http/errors.ts';

/** The platform's errors, and a 422 for a step whose content is not there yet (an empty list, no summary). */
export { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
export class UnprocessableError extends AppError {
  constructor(message: string) {
    super(422, 'unprocessable', message);
  }
}
