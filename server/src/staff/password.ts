/**
 * Password hashing with scrypt from node:crypto (no native addon). The stored value carries
 * its parameters in PHC string format, `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (base64 without
 * padding), so the cost can be raised later: `needsRehash` tells when a login should store a
 * fresh hash. N=2^15, r=8, p=3 is one of OWASP's equivalent minimum settings for scrypt and
 * takes about 32 MiB and 0.1–0.2 s per hash.
 */
import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

export const SCRYPT_PARAMS = { ln: 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface Params {
  ln: number;
  r: number;
  p: number;
}

function scrypt(password: string, salt: Buffer, length: number, params: Params): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 * N * r bytes; leave headroom above Node's 32 MiB default.
    maxmem: 256 * N * params.r,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, length, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

export async function hashPassword(
  password: string,
  params: Params = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, KEY_LENGTH, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** Constant-time comparison; false for a malformed or foreign hash instead of throwing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.ln < 10 || params.ln > 22 || params.r < 1 || params.p < 1) return false;
  const salt = Buffer.from(match[4]!, 'base64');
  const expected = Buffer.from(match[5]!, 'base64');
  if (expected.length < 16) return false;
  const actual = await scrypt(password, salt, expected.length, params);
  return timingSafeEqual(actual, expected);
}

/** Whether the stored hash uses weaker parameters than the current ones. */
export function needsRehash(stored: string): boolean {
  const match = PHC.exec(stored);
  if (!match) return true;
  return (
    Number(match[1]) < SCRYPT_PARAMS.ln ||
    Number(match[2]) < SCRYPT_PARAMS.r ||
    Number(match[3]) < SCRYPT_PARAMS.p
  );
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first login of an unknown account. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Spends the same work as a real verification, for logins of unknown or password-less
 * accounts, so that the answer time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, await prepareDummyHash());
  return false;
}
