/**
 * Parses one uploaded file from a multipart/form-data request into memory (multer), with the
 * size limit from configuration. Afterwards `uploadedFile(req)` gives the bytes and the
 * cleaned original name; `DocumentService.store` checks the type by content and the quota.
 *
 * Errors, as problem+json through the error mapper: not multipart → 415; file larger than
 * `maxBytes` → 413 (refused from Content-Length before reading when the declared body is
 * clearly too large); no file, a second file or other fields over their limits → 400
 * ValidationError; a broken multipart body → 400 MalformedUploadError.
 */
import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import {
  MalformedUploadError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
  type HttpError,
} from '../http/errors';
import { sanitiseFileName } from './fileName';

export interface UploadOptions {
  /** Largest file in bytes (config.uploadMaxBytes). */
  maxBytes: number;
  /** The form field holding the file; default `file`. */
  fieldName?: string;
}

export interface UploadedFile {
  content: Buffer;
  /** The uploader's name after `sanitiseFileName`, or undefined. */
  originalName: string | undefined;
}

/** Room for boundaries, part headers and a few small fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function uploadDocument(options: UploadOptions): RequestHandler {
  const field = options.fieldName ?? 'file';
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: options.maxBytes,
      files: 1,
      fields: 10,
      fieldSize: 10 * 1024,
      fieldNameSize: 100,
      parts: 11,
      headerPairs: 20,
    },
  }).single(field);

  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next(new UnsupportedMediaTypeError('multipart/form-data expected'));
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes + MULTIPART_OVERHEAD_BYTES) {
      // Do not read megabytes we will refuse; close the connection after answering.
      res.set('Connection', 'close');
      next(new PayloadTooLargeError('upload too large'));
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err) {
        next(toHttpError(err, field));
        return;
      }
      if (!req.file) {
        next(new ValidationError([{ field, message: 'a file is required' }]));
        return;
      }
      next();
    });
  };
}

/** The file `uploadDocument` parsed; calling it without that middleware is a bug. */
export function uploadedFile(req: Request): UploadedFile {
  if (!req.file) throw new Error('uploadedFile(): uploadDocument() has not run for this route');
  return { content: req.file.buffer, originalName: sanitiseFileName(req.file.originalname) };
}

function toHttpError(err: unknown, field: string): HttpError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError('upload too large');
    const message =
      err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT'
        ? `exactly one file is expected, in the field "${field}"`
        : err.message;
    return new ValidationError([{ field: err.field ?? field, message }]);
  }
  return new MalformedUploadError('malformed multipart body');
}
