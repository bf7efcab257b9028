// Azure DevOps error bodies: `{ $id, innerException, message, typeName, typeKey, errorCode, eventId }`.
// Messages with a TF/VS code (TF401232, TF51005, TF51535, TF200016, TF400813, VS403474, VS402337)
// and the api-version and expand/fields messages follow what the service is seen to answer; the
// type names of the rarer ones are our best reading, and messages about WIQL the emulator does
// not implement say so plainly rather than imitate a service message.

export interface AdoErrorBody {
  $id: '1';
  innerException: null;
  message: string;
  typeName: string;
  typeKey: string;
  errorCode: 0;
  eventId: number;
}

export interface AdoErrorReply {
  status: number;
  body: AdoErrorBody;
  headers?: Record<string, string>;
}

function reply(status: number, message: string, typeKey: string, namespace: string, eventId = 3000): AdoErrorReply {
  const assembly = namespace.split('.').slice(0, 4).join('.');
  return {
    status,
    body: {
      $id: '1',
      innerException: null,
      message,
      typeName: `${namespace}.${typeKey}, ${assembly}`,
      typeKey,
      errorCode: 0,
      eventId,
    },
  };
}

const WIT = 'Microsoft.TeamFoundation.WorkItemTracking.Server';
const FRAMEWORK = 'Microsoft.TeamFoundation.Framework.Server';
const COMMON = 'Microsoft.VisualStudio.Services.Common';
const WEBAPI = 'Microsoft.VisualStudio.Services.WebApi';

export const adoErrors = {
  unauthorized: (): AdoErrorReply => ({
    ...reply(401, 'TF400813: Resource not available for anonymous access. Client authentication required.', 'UnauthorizedRequestException', FRAMEWORK),
    headers: { 'WWW-Authenticate': 'Basic realm="https://dev.azure.com/"' },
  }),
  workItemNotFound: (id: number): AdoErrorReply =>
    reply(404, `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`, 'WorkItemUnauthorizedAccessException', WIT, 3200),
  projectNotFound: (name: string): AdoErrorReply =>
    reply(
      404,
      `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
      'ProjectDoesNotExistWithNameException',
      'Microsoft.TeamFoundation.Core.WebApi',
    ),
  typeNotFound: (project: string, type: string): AdoErrorReply =>
    reply(404, `Work item type ${type} does not exist in project ${project}.`, 'WorkItemTypeNotFoundException', WIT, 3200),
  tooManyIds: (count: number): AdoErrorReply =>
    reply(400, `VS403474: You requested ${count} work items which exceeds the limit of 200`, 'VssServiceException', COMMON),
  expandWithFields: (): AdoErrorReply =>
    reply(400, 'The expand parameter can not be used with the fields parameter.', 'VssPropertyValidationException', COMMON),
  unknownField: (name: string): AdoErrorReply =>
    reply(400, `TF51535: Cannot find field ${name}.`, 'WorkItemTrackingFieldDefinitionNotFoundException', WIT, 3200),
  badRequest: (message: string): AdoErrorReply => reply(400, message, 'VssPropertyValidationException', COMMON),
  wiql: (message: string): AdoErrorReply => reply(400, message, 'WorkItemTrackingQueryException', WIT, 3200),
  tooManyResults: (cap: number): AdoErrorReply =>
    reply(
      400,
      `VS402337: The number of work items returned exceeds the size limit of ${cap}. Change the query to return fewer items.`,
      'WorkItemTrackingQueryResultSizeLimitExceededException',
      WIT,
      3200,
    ),
  noApiVersion: (method: string): AdoErrorReply =>
    reply(
      400,
      `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. "?api-version=1.0").`,
      'VssVersionNotSpecifiedException',
      WEBAPI,
    ),
  notFound: (path: string): AdoErrorReply =>
    reply(404, `The Azure DevOps emulator serves no resource at ${path}.`, 'VssResourceNotFoundException', COMMON),
  throttled: (retryAfterSeconds: number, header?: string | null): AdoErrorReply => {
    const headers: Record<string, string> = {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Resource': 'WorkItemTracking',
      'X-RateLimit-Delay': '0',
      'X-RateLimit-Limit': '200',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + retryAfterSeconds),
    };
    // Tests may send any header text, or none, to see how a client copes.
    if (header === null) delete headers['Retry-After'];
    else if (header !== undefined) headers['Retry-After'] = header;
    return {
      ...reply(429, 'Request was blocked due to exceeding usage of resource WorkItemTracking (throttling injected by the emulator).', 'RequestBlockedException', FRAMEWORK),
      headers,
    };
  },
};
