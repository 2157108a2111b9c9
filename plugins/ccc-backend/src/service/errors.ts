import { ErrorRequestHandler } from 'express';

/**
 * An error with an HTTP status that Backstage's error handler does not map
 * by itself (410, 412). The router's {@link cccErrorHandler} answers it in
 * Backstage's error shape.
 */
export class CccHttpError extends Error {
  constructor(
    name: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = name;
  }
}

/** Answers {@link CccHttpError}s; everything else goes on to Backstage's handler. */
export const cccErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof CccHttpError)) {
    next(error);
    return;
  }
  res.status(error.status).json({
    error: { name: error.name, message: error.message, ...error.details },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: error.status },
  });
};
