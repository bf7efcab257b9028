// Checks a JQL query with Atlassian's own grammar (@atlassianlabs/jql-ast) before it is sent, so
// a query that cannot parse fails here with the position of the problem instead of costing a
// request and coming back as Jira's 400. Kept apart from the source: the grammar and its ANTLR
// runtime are large, and only code that sends JQL a user wrote needs them (the adapter's own
// queries are built from escaped values and checked in its tests).
import { JastBuilder, type Jast } from '@atlassianlabs/jql-ast';

export interface JqlProblem {
  message: string;
  /** 1-based, as Jira counts. */
  line: number;
  character: number;
}

/** The parsed query, or the syntax problems that stop it from parsing (none when it parses). */
export function checkJql(jql: string): { jast: Jast; problems: JqlProblem[] } {
  const jast = new JastBuilder().build(jql);
  const problems = jast.errors.map((e) => {
    const at = e as { description?: string; line?: number; charPositionInLine?: number };
    return { message: at.description ?? e.message, line: at.line ?? 1, character: (at.charPositionInLine ?? 0) + 1 };
  });
  return { jast, problems };
}
