import type { z } from 'zod';
import type { Permission } from './permissions';

/**
 * Who may call a procedure: anyone (`public`, e.g. login), any signed-in unlocked session
 * (`session`), or a session whose role grants the named permission.
 */
export type Access = 'public' | 'session' | Permission;

export type ProcedureKind = 'read' | 'write';

export interface ProcedureDef<Input extends z.ZodType, Output, Kind extends ProcedureKind = ProcedureKind> {
  input: Input;
  access: Access;
  /**
   * Writes run in one immediate transaction and are always audited. The literal is kept in the type:
   * a `read` procedure's handler gets a database handle without write methods (core/db/handles.ts).
   */
  kind: Kind;
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
  return <Input extends z.ZodType, Kind extends ProcedureKind>(
    def: Omit<ProcedureDef<Input, Output, Kind>, 'output'>,
  ): ProcedureDef<Input, Output, Kind> => def;
}

export type AnyProcedure = ProcedureDef<z.ZodType, unknown>;
export type KindOf<P> = P extends ProcedureDef<z.ZodType, unknown, infer K> ? K : never;
export type InputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<P> = P extends ProcedureDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<P> = P extends ProcedureDef<z.ZodType, infer O> ? O : never;
