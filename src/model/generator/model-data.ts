/**
 * The committed model data file (`ecs-model.json`): the ECS service model trimmed to the
 * simulated operations. Stage 1 writes it, stage 2 reads it.
 */

/** One shape, as in botocore's `service-2.json` with `{ shape }` references flattened to names. */
export interface ModelShape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob';
  doc?: string;
  members?: Record<string, { shape: string; doc?: string }>;
  /** required members, as the model states them (what validation checks) */
  required?: string[];
  /** model-required members the SDK's types make optional (the types follow the SDK) */
  sdkOptional?: string[];
  /** members the SDK's types require that the model does not */
  sdkRequired?: string[];
  member?: string;
  key?: string;
  value?: string;
  enum?: string[];
  /** enum values the SDK's types know but this model does not (newer than the model) */
  sdkOnlyEnum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: true;
  fault?: true;
}

export interface ModelOperation {
  doc?: string;
  input: string;
  output: string;
  errors: string[];
}

export interface ModelData {
  /** where the data came from */
  source: { model: string; sdk: string };
  metadata: { apiVersion: string; targetPrefix: string; jsonVersion: string };
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}
