import type { z } from 'zod';
import type { Permission } from './permissions';

/**
 * Who may call a procedure: anyone (`public`, e.g. login), any signed-in unlocked session
 * (`session`), or a session whose role grants the named permission.
 */
export type Access = 'public' | 'session' | Permission;

export interface ProcedureDef<Input extends z.ZodType, Output> {
  input: Input;
  access: Access;
  /** Writes run in one immediate transaction and are always audited. */
  kind: 'read' | 'write';
  /** A read of patient data: audited like a write. */
  phi?: boolean;
  /** Never read at run time: carries the output type to the client. */
  output?: Output;
}

/**
 * Declares a procedure. The output type is given explicitly and the input is inferred:
 * `procedure<UserSummary[]>()({ input: z.object({}), access: 'users:manage', kind: 'read' })`.
 */
export function procedure<Output>() {
  return <Input extends z.ZodType>(def: Omit<ProcedureDef<Input, Output>, 'output'>): ProcedureDef<Input, Output> =>
    def;
}

export type AnyProcedure = ProcedureDef<z.ZodType, unknown>;
export type InputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? O : never;
