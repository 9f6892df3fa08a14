/**
 * The form of the generated tables (`tables.generated.ts`, `operations.generated.ts`): the
 * ECS service model's shapes and operations as data, for the validator and the operation table.
 *
 * @example
 * const t: ShapeTable = { type: 'string', enum: ['ACTIVE', 'DRAINING'] };
 */

/** One model shape as the validator reads it; members, items and values name other shapes. */
export type ShapeTable =
  | { readonly type: 'structure'; readonly members: Readonly<Record<string, string>>; readonly required?: readonly string[] }
  | { readonly type: 'list'; readonly member: string; readonly min?: number; readonly max?: number }
  | { readonly type: 'map'; readonly key: string; readonly value: string; readonly min?: number; readonly max?: number }
  | {
      readonly type: 'string';
      /** the model's values */
      readonly enum?: readonly string[];
      /** values the SDK's types know that are newer than the model */
      readonly newerEnum?: readonly string[];
      readonly min?: number;
      readonly max?: number;
      /** a model regular expression (Java syntax the model uses, valid as a JavaScript `u` regex) */
      readonly pattern?: string;
    }
  | { readonly type: 'integer' | 'long' | 'double' | 'float'; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' | 'timestamp' | 'blob' };

/**
 * One operation of the simulated API.
 *
 * @example
 * OPERATIONS.RunTask.target // 'AmazonEC2ContainerServiceV20141113.RunTask'
 */
export interface OperationSpec {
  /** the `X-Amz-Target` header value that names it on the wire */
  readonly target: string;
  readonly input: string;
  readonly output: string;
  /** the error shapes the model documents for it (ECS names: `__type` on the wire) */
  readonly errors: readonly string[];
  /** its first sentence of documentation */
  readonly doc: string;
}
