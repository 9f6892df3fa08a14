/**
 * Who is calling, from the SigV4 `Authorization` header. The endpoint checks no signature: the
 * access key id alone names the caller. `root` (or a key configured as root) is the account
 * root user; any other key `K` is the IAM user `arn:aws:iam::<account>:user/K`.
 */
const CREDENTIAL = /Credential=([^/,\s]+)\//;

export interface IdentityOptions {
  readonly accountId: string;
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
}

/** The caller's principal ARN, or undefined when the request is unsigned (the simulator's default caller). */
export function principalFromAuthorization(header: string | undefined, options: IdentityOptions): string | undefined {
  if (header === undefined) return undefined;
  const m = CREDENTIAL.exec(header);
  if (!m) return undefined;
  const key = m[1]!;
  if (key === 'root' || options.rootAccessKeys?.includes(key)) return `arn:aws:iam::${options.accountId}:root`;
  // IAM user names allow letters, digits and +=,.@_-; anything else cannot be a user name.
  const user = key.replace(/[^A-Za-z0-9+=,.@_-]/g, '_');
  return `arn:aws:iam::${options.accountId}:user/${user}`;
}
