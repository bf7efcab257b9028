// Validates JSON against a published API description (OpenAPI 3 or Swagger 2), so emulators and
// adapters are held to the vendor's contract rather than to our own reading of it. The whole
// document is registered with ajv under an id and schemas are compiled by JSON pointer into it,
// so every `$ref` resolves exactly as the vendor wrote it, `additionalProperties: false` included.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'options' | 'head';

// ajv-formats is CommonJS; depending on the loader its default export arrives wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

interface OperationMatch {
  /** The description's path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  operation: Json;
}

/** One published API description, ready to validate request and response bodies. */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly isSwagger2: boolean;
  private readonly basePath: string;
  private readonly templates: { template: string; pattern: RegExp; literalChars: number; item: Json }[];

  private constructor(
    private readonly id: string,
    private readonly doc: Json,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, id);
    this.isSwagger2 = doc.swagger === '2.0';
    this.basePath = typeof doc.basePath === 'string' && doc.basePath !== '/' ? doc.basePath : '';
    const paths = { ...((doc.paths ?? {}) as Json), ...((doc['x-ms-paths'] ?? {}) as Json) };
    this.templates = Object.entries(paths).map(([template, item]) => {
      const bare = template.split('?')[0] ?? template;
      const pattern = new RegExp(
        `^${escapeRegExp(this.basePath + bare).replace(/\\\{[^}]+\\\}/g, '[^/]+')}$`,
      );
      return { template, pattern, literalChars: bare.replace(/\{[^}]+\}/g, '').length, item: item as Json };
    });
  }

  /** Loads a description from disk (a UTF-8 byte order mark, as in Microsoft's files, is skipped). */
  static load(file: string, id = `contract:${file}`): OpenApiContract {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return new OpenApiContract(id, JSON.parse(text) as Json);
  }

  /** A named component schema (`components/schemas` in OpenAPI 3, `definitions` in Swagger 2). */
  schema(name: string): ValidateFunction {
    const section = this.isSwagger2 ? '/definitions/' : '/components/schemas/';
    if (!this.resolvePointer(section + pointerEscape(name))) throw new Error(`no schema named ${name}`);
    return this.compile(section + pointerEscape(name));
  }

  /** The operation a concrete request path hits; literal segments win over `{param}` ones. */
  operation(method: string, pathname: string): OperationMatch | undefined {
    const m = method.toLowerCase() as HttpMethod;
    const hits = this.templates
      .filter((t) => t.pattern.test(pathname) && typeof t.item[m] === 'object')
      .sort((a, b) => b.literalChars - a.literalChars);
    const best = hits[0];
    return best ? { template: best.template, operation: best.item[m] as Json } : undefined;
  }

  /** Validator for the JSON request body of an operation; undefined when it declares none. */
  requestBody(method: string, pathname: string): ValidateFunction | undefined {
    const match = this.requireOperation(method, pathname);
    const base = `/paths/${pointerEscape(match.template)}/${method.toLowerCase()}`;
    if (this.isSwagger2) {
      const params = (match.operation.parameters ?? []) as Json[];
      const index = params.findIndex((p) => this.deref(p).in === 'body');
      return index < 0 ? undefined : this.compile(`${base}/parameters/${index}/schema`);
    }
    const body = match.operation.requestBody as Json | undefined;
    if (!body) return undefined;
    if (typeof body.$ref === 'string') {
      return this.compile(`${body.$ref.replace(/^#/, '')}/content/application~1json/schema`);
    }
    const content = body.content as Json | undefined;
    return content?.['application/json'] ? this.compile(`${base}/requestBody/content/application~1json/schema`) : undefined;
  }

  /** Validator for the JSON response body of an operation at a status; undefined when none is described. */
  responseBody(method: string, pathname: string, status: number): ValidateFunction | undefined {
    const match = this.requireOperation(method, pathname);
    const responses = (match.operation.responses ?? {}) as Json;
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
    if (!key) return undefined;
    const base = `/paths/${pointerEscape(match.template)}/${method.toLowerCase()}/responses/${key}`;
    const response = responses[key] as Json;
    if (typeof response.$ref === 'string') {
      const target = response.$ref.replace(/^#/, '');
      const suffix = this.isSwagger2 ? '/schema' : '/content/application~1json/schema';
      return this.resolvePointer(target + suffix) ? this.compile(target + suffix) : undefined;
    }
    if (this.isSwagger2) return response.schema ? this.compile(`${base}/schema`) : undefined;
    const content = response.content as Json | undefined;
    return content?.['application/json'] ? this.compile(`${base}/content/application~1json/schema`) : undefined;
  }

  private requireOperation(method: string, pathname: string): OperationMatch {
    const match = this.operation(method, pathname);
    if (!match) throw new Error(`the contract describes no ${method.toUpperCase()} ${pathname}`);
    return match;
  }

  private compile(pointer: string): ValidateFunction {
    let fn = this.compiled.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${this.id}#${pointer}` });
      this.compiled.set(pointer, fn);
    }
    return fn;
  }

  private deref(node: Json): Json {
    return typeof node.$ref === 'string' ? ((this.resolvePointer(node.$ref.replace(/^#/, '')) ?? {}) as Json) : node;
  }

  private resolvePointer(pointer: string): unknown {
    let node: unknown = this.doc;
    for (const raw of pointer.split('/').slice(1)) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Json)[part];
    }
    return node;
  }
}

/** ajv errors as readable lines: `/issues/0/fields must NOT have additional properties (foo)`. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})`
        : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

/** Throws with every violation listed when `data` does not satisfy `validate`. */
export function assertValid(validate: ValidateFunction, data: unknown, label: string): void {
  if (!validate(data)) {
    throw new Error(`${label} violates the published contract:\n  ${describeErrors(validate.errors).join('\n  ')}`);
  }
}

function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
