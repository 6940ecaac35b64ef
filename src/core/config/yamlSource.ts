import { LineCounter, isAlias, isCollection, isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { ConfigDiagnostic, ConfigLocation, ConfigOrigin } from './diagnostics';
import { createDiagnostic } from './diagnostics';
import type { KeyPath } from './keyPath';

/** 'key': the key of the entry (`timeout` in `timeout: 50s`); 'value': its value (`50s`). */
export type LocationTarget = 'key' | 'value';

/** Finds where a key path is written. */
export interface ConfigLocator {
  locate(path: KeyPath, target: LocationTarget): ConfigLocation;
}

/** One YAML text (front matter or sidecar), parsed, with its syntax diagnostics and a locator. */
export interface YamlSource extends ConfigLocator {
  readonly origin: ConfigOrigin;
  /** The YAML as plain data (undefined for an empty text). */
  readonly data: unknown;
  /** YAML syntax errors and warnings, positioned in `origin.file`. */
  readonly diagnostics: readonly ConfigDiagnostic[];
  /** True when the YAML has syntax errors (schema and semantic checks then wait for a fix). */
  readonly hasSyntaxErrors: boolean;
  /** How many leading segments of `path` are written in this text. */
  depthOf(path: KeyPath): number;
}

type Offsets = readonly [number, number];

interface Step {
  readonly key: unknown;
  readonly value: unknown;
}

/**
 * Parses YAML 1.2 (eemeli/yaml) with merge keys (`<<: *anchor`) allowed and duplicate keys
 * refused. Never throws: problems become diagnostics, with lines offset by `origin.lineOffset`.
 */
export function parseYamlSource(text: string, origin: ConfigOrigin): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true, logLevel: 'error' });

  const toLocation = ([start, end]: Offsets): ConfigLocation => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return {
      file: origin.file,
      line: from.line - 1 + origin.lineOffset,
      column: from.col - 1,
      endLine: to.line - 1 + origin.lineOffset,
      endColumn: to.col - 1,
    };
  };

  const diagnostics: ConfigDiagnostic[] = [];
  for (const error of doc.errors) {
    diagnostics.push(yamlDiagnostic(doc, error, 'error', toLocation));
  }
  for (const warning of doc.warnings) {
    diagnostics.push(yamlDiagnostic(doc, warning, 'warning', toLocation));
  }
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      const where = alias.range ? toLocation([alias.range[0], alias.range[1]]) : toLocation([0, 0]);
      diagnostics.push(
        createDiagnostic('error', 'yaml-syntax', [], `YAML syntax error: unknown alias "*${alias.source}" (define the anchor "&${alias.source}" before it)`, where),
      );
      return doc.createNode(null);
    },
  });

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(createDiagnostic('error', 'yaml-syntax', [], `YAML syntax error: ${message}`, toLocation([0, 0])));
  }

  const walk = (path: KeyPath): { step: Step; depth: number } => {
    let step: Step = { key: undefined, value: doc.contents };
    let depth = 0;
    for (const segment of path) {
      const next = childOf(doc, step.value, segment, new Set());
      if (next === undefined) break;
      step = next;
      depth++;
    }
    return { step, depth };
  };

  return {
    origin,
    data,
    diagnostics,
    hasSyntaxErrors: diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    depthOf: (path) => walk(path).depth,
    locate(path, target) {
      const { step, depth } = walk(path);
      const keyRange = rangeOf(step.key);
      const valueRange = rangeOf(step.value);
      const wantKey = target === 'key' || depth < path.length || isCollection(step.value);
      if (wantKey && keyRange) return toLocation(keyRange);
      if (valueRange && valueRange[1] > valueRange[0]) return toLocation(clipToLine(text, valueRange));
      if (keyRange) return toLocation(keyRange);
      return toLocation(valueRange ?? [0, 0]);
    },
  };
}

function yamlDiagnostic(
  doc: Document,
  error: YAMLError,
  severity: 'error' | 'warning',
  toLocation: (offsets: Offsets) => ConfigLocation,
): ConfigDiagnostic {
  let range: Offsets = error.pos;
  let message = error.message;
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyStartingAt(doc, error.pos[0]);
    if (key) {
      range = key.range;
      message = `duplicate key "${key.text}" (keys of a mapping must be unique)`;
    }
  } else if (error.code === 'MULTIPLE_DOCS') {
    message = 'only one YAML document is allowed here (remove the "---" line)';
  }
  const prefix = severity === 'error' ? 'YAML syntax error' : 'YAML';
  return createDiagnostic(severity, severity === 'error' ? 'yaml-syntax' : 'yaml-warning', [], `${prefix}: ${message}`, toLocation(range));
}

function keyStartingAt(doc: Document, offset: number): { text: string; range: Offsets } | undefined {
  let found: { text: string; range: Offsets } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const range = rangeOf(pair.key);
      if (range && range[0] === offset && isScalar(pair.key)) {
        found = { text: String(pair.key.value), range };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function childOf(doc: Document, node: unknown, segment: string | number, seen: Set<unknown>): Step | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (seen.has(target)) return undefined;
  seen.add(target);
  if (isMap(target)) {
    for (const pair of target.items) {
      if (isScalar(pair.key) && !isMergeKey(pair.key.value) && String(pair.key.value) === String(segment)) {
        return { key: pair.key, value: pair.value };
      }
    }
    for (const pair of target.items) {
      if (!isScalar(pair.key) || !isMergeKey(pair.key.value)) continue;
      const sources: unknown[] = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const found = childOf(doc, source, segment, seen);
        if (found) return found;
      }
    }
  } else if (isSeq(target) && typeof segment === 'number' && segment < target.items.length) {
    return { key: undefined, value: target.items[segment] };
  }
  return undefined;
}

function isMergeKey(value: unknown): boolean {
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function rangeOf(node: unknown): Offsets | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** The part of a range on its first line (a block mapping is pointed at by its first line). */
function clipToLine(text: string, [start, end]: Offsets): Offsets {
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return [start, Math.min(end, Math.max(start, lineEnd))];
}
