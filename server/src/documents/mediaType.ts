/**
 * The type of a document is what its bytes are, detected with file-type from the magic
 * numbers, never the name or the Content-Type the client sent. Only PDF, PNG and JPEG pass.
 */
import { fileTypeFromBuffer } from 'file-type';
import { UnsupportedFileTypeError } from '../http/errors';

export const ALLOWED_MEDIA_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;

export type AllowedMediaType = keyof typeof ALLOWED_MEDIA_TYPES;

export function isAllowedMediaType(mime: string): mime is AllowedMediaType {
  return Object.hasOwn(ALLOWED_MEDIA_TYPES, mime);
}

/** The detected type when it is on the allow-list; otherwise UnsupportedFileTypeError (422). */
export async function detectAllowedMediaType(content: Uint8Array): Promise<AllowedMediaType> {
  const detected = content.length > 0 ? await fileTypeFromBuffer(content) : undefined;
  if (!detected || !isAllowedMediaType(detected.mime)) {
    throw new UnsupportedFileTypeError(detected?.mime);
  }
  return detected.mime;
}

export function extensionOf(mediaType: string): string {
  return isAllowedMediaType(mediaType) ? ALLOWED_MEDIA_TYPES[mediaType] : 'bin';
}
