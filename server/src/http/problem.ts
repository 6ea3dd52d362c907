/**
 * RFC 9457 problem details: the one place where errors become HTTP responses. The title is
 * translated (de-CH by default, English by Accept-Language); clients never see stack traces or
 * database error text. Unknown errors are logged with the request id and answered as 500.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import {
  HttpError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from './errors';
import { DEFAULT_LOCALE, LOCALES, translate, type Locale, type MessageKey } from './messages';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function requestLocale(req: Request): Locale {
  const accepted = req.acceptsLanguages([...LOCALES, 'de', 'en-US', 'en-GB']);
  if (!accepted) return DEFAULT_LOCALE;
  return accepted.startsWith('en') ? 'en' : 'de-CH';
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

export function sendProblem(
  req: Request,
  res: Response,
  status: number,
  titleKey: MessageKey,
  extra: { detailKey?: MessageKey; errors?: ProblemBody['errors'] } = {},
): void {
  const locale = requestLocale(req);
  const body: ProblemBody = {
    type: `about:blank#${titleKey.replace(/^problem\./, '')}`,
    title: translate(locale, titleKey),
    status,
    instance: req.originalUrl.split('?')[0],
    requestId: String(req.id),
  };
  if (extra.detailKey) body.detail = translate(locale, extra.detailKey);
  if (extra.errors) body.errors = extra.errors;
  res
    .status(status)
    .set('Content-Language', locale)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(body));
}

/** Body-parser and other framework errors carry a `type` or `status`; turn them into ours. */
function normalise(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new MalformedJsonError('malformed JSON');
  if (type === 'entity.too.large') return new PayloadTooLargeError('payload too large');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new UnsupportedMediaTypeError('unsupported encoding');
  }
  return undefined;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError('no route'));
};

export const problemHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const known = normalise(err);
  if (res.headersSent) {
    req.log.error({ err: known ? undefined : err }, 'error after response started');
    res.end();
    return;
  }
  if (known) {
    for (const [name, value] of Object.entries(known.headers)) res.set(name, value);
    sendProblem(req, res, known.status, known.titleKey, {
      ...(known.detailKey ? { detailKey: known.detailKey } : {}),
      ...(known.errors ? { errors: known.errors } : {}),
    });
    return;
  }
  req.log.error({ err }, 'unhandled error');
  sendProblem(req, res, 500, 'problem.internal', { detailKey: 'problem.internal.detail' });
};
