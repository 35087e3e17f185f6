import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Document, Node as YamlNode } from 'yaml';
import { UsageError } from './errors.js';
import { packageRoot } from './paths.js';

// ajv and yaml are loaded on first use: a run on the built-in rules, compiled at build time,
// with no config file needs neither (they are most of the start-up otherwise).
const require = createRequire(import.meta.url);
let ajv: Ajv | undefined;
let yaml: typeof import('yaml') | undefined;
const loadYaml = () => (yaml ??= require('yaml') as typeof import('yaml'));
const compiled = new Map<string, ValidateFunction>();

export function validator(schemaName: string): ValidateFunction {
  let fn = compiled.get(schemaName);
  if (!fn) {
    const schema = JSON.parse(readFileSync(`${packageRoot}/schemas/${schemaName}`, 'utf8'));
    if (!ajv) {
      const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    }
    fn = ajv.compile(schema);
    compiled.set(schemaName, fn);
  }
  return fn;
}

export interface ParsedData {
  data: unknown;
  /** Line of a JSON pointer in the source, where known. */
  lineOf(pointer: string): number | undefined;
}

/** Parses YAML or JSON text; syntax errors become one clear line naming file and place. */
export function parseDataFile(file: string, text: string): ParsedData {
  const { isMap, isSeq, parseDocument, LineCounter } = loadYaml();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    throw new UsageError(`${file}: cannot parse: ${(err as Error).message}`);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new UsageError(`${file}:${pos.line}:${pos.col}: invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`);
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  return {
    data,
    lineOf(pointer: string) {
      let node: unknown = doc.contents;
      for (const raw of pointer.split('/').slice(1)) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (isMap(node)) node = node.get(key, true);
        else if (isSeq(node)) node = node.get(Number(key), true);
        else break;
      }
      const range = (node as YamlNode | undefined)?.range;
      return range ? lineCounter.linePos(range[0]).line : undefined;
    },
  };
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
    default:
      return e.message ?? 'is invalid';
  }
}

/** Validates data against a schema; the first problems become one error naming file, pointer, line. */
export function validateData(file: string, schemaName: string, parsed: ParsedData, what: string): void {
  const validate = validator(schemaName);
  if (validate(parsed.data)) return;
  const errors = (validate.errors ?? []).slice(0, 3).map((e) => {
    const pointer = e.instancePath || '/';
    const line = parsed.lineOf(e.instancePath);
    return `${pointer}${line ? ` (line ${line})` : ''}: ${describe(e)}`;
  });
  throw new UsageError(`${file}: invalid ${what}: ${errors.join('; ')}`);
}

export function loadDataFile(file: string, schemaName: string, what: string): ParsedData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseDataFile(file, text);
  validateData(file, schemaName, parsed, what);
  return parsed;
}
