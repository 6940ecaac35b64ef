import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigDiagnostic } from './diagnostics';
import { createDiagnostic } from './diagnostics';
import type { KeyPath } from './keyPath';
import { isRecord, keyPathFromPointer } from './keyPath';
import { didYouMean } from './levenshtein';
import { runbookConfigSchema } from './schema';
import type { ConfigLocator } from './yamlSource';

let compiled: ValidateFunction | undefined;

/** The schema compiled once, on first use. */
function schemaValidator(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    // `errorMessage` is VS Code's schema extension (also read by the YAML extension); we read it too.
    ajv.addVocabulary(['errorMessage']);
    compiled = ajv.compile(runbookConfigSchema);
  }
  return compiled;
}

/**
 * Checks config data against schemas/runbook-config.schema.json. Each problem becomes one
 * diagnostic at the key or value it is about, with a message that names the key path.
 * An empty text (undefined or null data) is a valid, empty config.
 */
export function validateAgainstSchema(data: unknown, locator: ConfigLocator): ConfigDiagnostic[] {
  if (data === undefined || data === null) return [];
  const validate = schemaValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).flatMap((error) => describeError(error, data, locator));
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

/** Keywords about a value itself, where the schema's `errorMessage` replaces ajv's wording. */
const VALUE_KEYWORDS = new Set(['type', 'pattern', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength']);

function describeError(error: ErrorObject, data: unknown, locator: ConfigLocator): ConfigDiagnostic[] {
  const path = keyPathFromPointer(error.instancePath, data);
  const params = error.params;
  switch (error.keyword) {
    case 'propertyNames':
      // ajv also reports the failing keyword itself, with `propertyName` set: that one is used.
      return [];
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const properties: unknown = error.parentSchema?.['properties'];
      const known = isRecord(properties) ? Object.keys(properties) : [];
      return [createDiagnostic('error', 'unknown-key', path, `unknown key "${key}"${didYouMean(key, known)}`, locator.locate([...path, key], 'key'))];
    }
    case 'required':
      return [diagnostic(path, `missing required key "${String(params['missingProperty'])}"`, locator.locate(path, 'key'))];
    case 'dependencies':
      return [
        diagnostic(
          path,
          `"${String(params['missingProperty'])}" is required when "${String(params['property'])}" is set`,
          locator.locate([...path, String(params['property'])], 'key'),
        ),
      ];
    case 'uniqueItems': {
      const first = Math.min(Number(params['i']), Number(params['j']));
      const second = Math.max(Number(params['i']), Number(params['j']));
      const itemPath = [...path, second];
      return [diagnostic(itemPath, `repeats item ${first} of the list`, locator.locate(itemPath, 'value'))];
    }
    default:
      break;
  }
  const custom = VALUE_KEYWORDS.has(error.keyword) ? errorMessageOf(error) : undefined;
  const text = custom ?? keywordMessage(error);
  if (error.propertyName !== undefined) {
    return [diagnostic(path, `key "${error.propertyName}" ${text}`, locator.locate([...path, error.propertyName], 'key'))];
  }
  if (path.length === 0 && error.keyword === 'type') {
    return [diagnostic(path, 'the config must be a mapping of keys to values, like "environments:"', locator.locate(path, 'value'))];
  }
  return [diagnostic(path, text, locator.locate(path, 'value'))];
}

function diagnostic(path: KeyPath, message: string, location: ReturnType<ConfigLocator['locate']>): ConfigDiagnostic {
  return createDiagnostic('error', 'schema', path, message, location);
}

function errorMessageOf(error: ErrorObject): string | undefined {
  const custom: unknown = error.parentSchema?.['errorMessage'];
  return typeof custom === 'string' ? custom : undefined;
}

function keywordMessage(error: ErrorObject): string {
  const params = error.params;
  switch (error.keyword) {
    case 'type': {
      const types: unknown = params['type'];
      const list = Array.isArray(types) ? types.map(String) : String(types).split(',');
      return `must be ${list.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}`;
    }
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'enum': {
      const allowed: unknown = params['allowedValues'];
      return `must be one of: ${Array.isArray(allowed) ? allowed.map(String).join(', ') : String(allowed)}`;
    }
    case 'minLength':
      return Number(params['limit']) === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters long`;
    case 'minItems':
      return Number(params['limit']) === 1 ? 'must not be an empty list' : `must list at least ${String(params['limit'])} items`;
    case 'minimum':
      return `must be at least ${String(params['limit'])}`;
    case 'maximum':
      return `must be at most ${String(params['limit'])}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params['limit'])}`;
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}`;
    default:
      return error.message ?? `is not valid (${error.keyword})`;
  }
}
