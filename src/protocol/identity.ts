/**
 * Who is calling, and in which region, from the SigV4 `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/ecs/aws4_request, ...`). No signature is
 * checked: the access key id alone names the caller. `root` (or a key configured as root) is the
 * account root user; any other key `K` is the IAM user `arn:aws:iam::<account>:user/K`. The
 * region of the credential scope picks the region's state, as the endpoint's region does in AWS.
 */
const CREDENTIAL = /Credential=([^/,\s]+)\/(?:[^/,\s]*\/([^/,\s]*)\/)?/;

/** The access key id and region of a SigV4 credential scope. */
export interface CredentialScope {
  readonly accessKeyId: string;
  /** absent when the header has no full scope */
  readonly region?: string;
}

/**
 * The credential scope of an `Authorization` header, or undefined when the request is unsigned.
 * @example credentialScope('AWS4-HMAC-SHA256 Credential=alice/20190606/us-east-2/ecs/aws4_request, …') // { accessKeyId: 'alice', region: 'us-east-2' }
 */
export function credentialScope(header: string | undefined): CredentialScope | undefined {
  const m = header === undefined ? null : CREDENTIAL.exec(header);
  return m ? { accessKeyId: m[1]!, ...(m[2] ? { region: m[2] } : {}) } : undefined;
}

export interface IdentityOptions {
  readonly accountId: string;
  /** Access key ids that act as the account root (besides `root`). */
  readonly rootAccessKeys?: readonly string[];
}

/** The caller's principal ARN, or undefined when the request is unsigned (the simulator's default caller). */
export function principalFromAuthorization(header: string | undefined, options: IdentityOptions): string | undefined {
  return principalOf(credentialScope(header), options);
}

/** The principal ARN of a credential scope's access key id; undefined for an unsigned request. */
export function principalOf(scope: CredentialScope | undefined, options: IdentityOptions): string | undefined {
  const key = scope?.accessKeyId;
  if (key === undefined) return undefined;
  if (key === 'root' || options.rootAccessKeys?.includes(key)) return `arn:aws:iam::${options.accountId}:root`;
  // IAM user names allow letters, digits and +=,.@_-; anything else cannot be a user name.
  const user = key.replace(/[^A-Za-z0-9+=,.@_-]/g, '_');
  return `arn:aws:iam::${options.accountId}:user/${user}`;
}
