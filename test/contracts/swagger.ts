// Validates requests and responses against a Swagger 2.0 description generated from .NET contracts,
// such as Microsoft's Work Item Tracking spec. Three readings of the generator's conventions make
// validation meaningful rather than vacuous, each from the document itself:
// - `{ "type": "object" }` with nothing else is C#'s `object`: any JSON value (work item field
//   values are numbers and strings, yet the spec types the `fields` map's values that way).
// - Definitions are closed: `allOf` parts are merged and properties not described are refused,
//   so an emulator or adapter cannot invent fields. (The spec never says `additionalProperties`.)
// - Collection responses travel in the `VssJsonCollectionWrapper` envelope `{ count, value }`
//   ("used to serialize collections as a single JSON object on the wire"), as the recorded
//   examples show; `value` is checked against the operation's array schema.
// `api-version` may come in the Accept header instead of the query, as the service allows.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;

// ajv-formats is CommonJS; depending on the loader its default export arrives wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface HttpExchange {
  method: string;
  /** Path without the query string. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

interface Operation {
  template: string;
  method: string;
  pattern: RegExp;
  pathParams: string[];
  spec: Json;
}

function isBareObject(node: Json): boolean {
  return node.type === 'object' && !('properties' in node) && !('additionalProperties' in node) && !('allOf' in node) && !('$ref' in node);
}

function refName(ref: string): string {
  return ref.replace(/^#\/definitions\//, '');
}

export class SwaggerContract {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly definitions: Record<string, Json>;
  private readonly operations: Operation[];
  private readonly parameters: Record<string, Json>;

  private constructor(private readonly doc: Json) {
    const raw = (doc.definitions ?? {}) as Record<string, Json>;
    this.parameters = (doc.parameters ?? {}) as Record<string, Json>;
    this.definitions = {};
    for (const name of Object.keys(raw)) this.definitions[name] = this.close(raw[name] as Json, raw, new Set([name]));
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // `T` is the generator's placeholder for a generic type argument: nothing to check by itself.
    this.ajv.addFormat('T', true);
    this.ajv.addSchema({ $id: 'swagger', definitions: this.definitions });
    this.operations = this.buildOperations();
  }

  /** Loads a description from disk; Microsoft's files start with a UTF-8 byte order mark. */
  static load(file: string): SwaggerContract {
    return new SwaggerContract(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Json);
  }

  /** The closed validator of `#/definitions/{name}`. */
  definition(name: string): ValidateFunction {
    if (!(name in this.definitions)) throw new Error(`no definition named ${name}`);
    return this.compile(`swagger#/definitions/${name}`);
  }

  /** Problems of `data` against a definition, as readable lines; empty when it conforms. */
  check(name: string, data: unknown): string[] {
    const validate = this.definition(name);
    return validate(data) ? [] : describeErrors(validate.errors);
  }

  /** The described operation a concrete request hits, or undefined. Optional path segments (x-ms-required: false) may be absent. */
  operation(method: string, path: string): Operation | undefined {
    const m = method.toLowerCase();
    return this.operations
      .filter((o) => o.method === m && o.pattern.test(path))
      .sort((a, b) => literalLength(b.template) - literalLength(a.template))[0];
  }

  /** Every way a request departs from the description: path, query parameters, api-version, body. */
  checkRequest(request: HttpExchange): string[] {
    const op = this.operation(request.method, request.path);
    if (!op) return [`the contract describes no ${request.method.toUpperCase()} ${request.path}`];
    const problems: string[] = [];
    const params = this.params(op);
    const query = request.query ?? {};
    const accept = Object.entries(request.headers ?? {}).find(([k]) => k.toLowerCase() === 'accept')?.[1];
    for (const p of params.filter((p) => p.in === 'query')) {
      const name = p.name as string;
      const value = query[name] ?? (name === 'api-version' ? /api-version=([^;,\s]+)/.exec(accept ?? '')?.[1] : undefined);
      if (value === undefined) {
        if (p.required === true) problems.push(`query parameter ${name} is required`);
        continue;
      }
      problems.push(...checkScalar(`query parameter ${name}`, value, p));
    }
    const declared = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) if (!declared.has(name)) problems.push(`query parameter ${name} is not described`);
    const bodyParam = params.find((p) => p.in === 'body');
    if (bodyParam) {
      if (request.body === undefined) {
        if (bodyParam.required === true) problems.push('a request body is required');
      } else {
        problems.push(...this.validateWith(this.schemaOf(bodyParam.schema as Json), request.body).map((e) => `body${e}`));
      }
    } else if (request.body !== undefined) {
      problems.push('the operation takes no request body');
    }
    return problems;
  }

  /**
   * Problems of a JSON response body for a request, at its status. `omittedItems`: the request
   * asked for `errorPolicy: omit`, under which the service answers null in the slot of each id it
   * cannot return (.NET writes the missing reference as null; Swagger 2.0 has no way to say so).
   */
  checkResponse(
    request: Pick<HttpExchange, 'method' | 'path'>,
    status: number,
    body: unknown,
    options: { omittedItems?: boolean } = {},
  ): string[] {
    const op = this.operation(request.method, request.path);
    if (!op) return [`the contract describes no ${request.method.toUpperCase()} ${request.path}`];
    const responses = (op.spec.responses ?? {}) as Record<string, Json>;
    const response = responses[String(status)];
    if (!response) return [`the contract describes no ${status} answer for ${op.template}`];
    const schema = response.schema as Json | undefined;
    if (!schema) return body === undefined ? [] : ['the contract describes no body for this answer'];
    const resolved = this.schemaOf(schema);
    if (resolved.type === 'array') {
      const envelope = body as { count?: unknown; value?: unknown } | null;
      if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
        return ['a collection must travel as { count, value } (VssJsonCollectionWrapper)'];
      }
      const problems: string[] = [];
      const extra = Object.keys(envelope).filter((k) => k !== 'count' && k !== 'value');
      if (extra.length > 0) problems.push(`the collection envelope has undescribed keys ${extra.join(', ')}`);
      if (!Array.isArray(envelope.value)) return [...problems, 'value must be an array'];
      if (envelope.count !== envelope.value.length) problems.push(`count ${String(envelope.count)} differs from ${envelope.value.length} values`);
      const values = options.omittedItems ? envelope.value.filter((v) => v !== null) : envelope.value;
      return [...problems, ...this.validateWith(resolved, values).map((e) => `value${e}`)];
    }
    return this.validateWith(resolved, body);
  }

  private validateWith(schema: Json, data: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema));
      this.compiled.set(key, validate);
    }
    return validate(data) ? [] : describeErrors(validate.errors);
  }

  /** A parameter or response schema, closed like the definitions; `$ref`s point into them. */
  private schemaOf(schema: Json): Json {
    return this.close(schema, (this.doc.definitions ?? {}) as Record<string, Json>, new Set());
  }

  private compile(ref: string): ValidateFunction {
    let fn = this.compiled.get(ref);
    if (!fn) {
      fn = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, fn);
    }
    return fn;
  }

  private params(op: Operation): Json[] {
    return ((op.spec.parameters ?? []) as Json[]).map((p) =>
      typeof p.$ref === 'string' ? (this.parameters[p.$ref.replace(/^#\/parameters\//, '')] as Json) : p,
    );
  }

  private buildOperations(): Operation[] {
    const paths = { ...((this.doc.paths ?? {}) as Record<string, Json>), ...((this.doc['x-ms-paths'] ?? {}) as Record<string, Json>) };
    const out: Operation[] = [];
    for (const [template, item] of Object.entries(paths)) {
      const bare = template.split('?')[0] as string;
      for (const [method, spec] of Object.entries(item)) {
        if (typeof spec !== 'object' || spec === null) continue;
        const params = ((spec as Json).parameters ?? []) as Json[];
        const optional = new Set(params.filter((p) => p.in === 'path' && p['x-ms-required'] === false).map((p) => p.name));
        let source = '^';
        const pathParams: string[] = [];
        for (const segment of bare.split('/').filter(Boolean)) {
          const param = /^\{(.+)\}$/.exec(segment)?.[1];
          if (param === undefined) source += `/${escapeRegExp(segment)}`;
          else {
            pathParams.push(param);
            source += optional.has(param) ? '(?:/[^/]+)?' : '/[^/]+';
          }
        }
        // Paths are case-insensitive on the service (`workItemsBatch` and `workitemsbatch` are one).
        out.push({ template, method, pattern: new RegExp(`${source}$`, 'i'), pathParams, spec: spec as Json });
      }
    }
    return out;
  }

  /** Closes one schema: vendor keys dropped, bare objects opened to any value, allOf merged, objects closed. */
  private close(node: Json, defs: Record<string, Json>, visiting: Set<string>): Json {
    if (isBareObject(node)) return {};
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || key === 'allOf') continue;
      if (key === 'properties') {
        const props: Json = {};
        for (const [name, prop] of Object.entries(value as Json)) props[name] = this.close(prop as Json, defs, visiting);
        out.properties = props;
      } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value !== null) {
        out[key] = this.close(value as Json, defs, visiting);
      } else {
        out[key] = value;
      }
    }
    if (Array.isArray(node.allOf)) {
      const merged: Json = {};
      for (const part of node.allOf as Json[]) {
        const name = typeof part.$ref === 'string' ? refName(part.$ref) : undefined;
        const resolved = name === undefined ? part : (defs[name] as Json);
        if (name !== undefined && visiting.has(name)) continue;
        const closed = this.close(resolved, defs, name === undefined ? visiting : new Set([...visiting, name]));
        Object.assign(merged, (closed.properties ?? {}) as Json);
      }
      out.properties = { ...merged, ...((out.properties ?? {}) as Json) };
      out.type = 'object';
    }
    if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined) {
      out.additionalProperties = false;
    }
    return out;
  }
}

/** Rewrites `#/definitions/X` to the registered document so a standalone schema can use them. */
function rebase(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"swagger#/definitions/')) as Json;
}

function checkScalar(label: string, value: string, param: Json): string[] {
  const problems: string[] = [];
  if (Array.isArray(param.enum) && !(param.enum as string[]).some((e) => e.toLowerCase() === value.toLowerCase())) {
    problems.push(`${label} ${value} is not one of ${(param.enum as string[]).join(', ')}`);
  }
  if (param.type === 'integer' && !/^-?\d+$/.test(value)) problems.push(`${label} ${value} is not an integer`);
  if (param.type === 'boolean' && !/^(true|false)$/i.test(value)) problems.push(`${label} ${value} is not a boolean`);
  if (param.format === 'array (int32)' && !/^\d+(,\d+)*$/.test(value)) problems.push(`${label} ${value} is not a comma-separated list of integers`);
  if (param.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${label} ${value} is not a date-time`);
  return problems;
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]+\}/g, '').length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ajv errors as readable lines: `/value/0/fields must NOT have additional properties (foo)`. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}
