// The WIQL the adapter sends: a hierarchy link query per level and a title search. Ids are
// integers we produced; user text is quoted as a WIQL string literal ('' escapes a quote).

/** Conservative bound on the WIQL text the service accepts (its documented limit is 32K characters). */
export const MAX_WIQL_LENGTH = 32_000;

export function wiqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Children of these work items through the parent→child link type. */
export function childLinksQuery(ids: readonly number[]): string {
  return (
    'SELECT [System.Id] FROM WorkItemLinks' +
    ` WHERE [Source].[System.Id] IN (${ids.join(',')})` +
    " AND [System.Links.LinkType] = 'System.LinkTypes.Hierarchy-Forward'" +
    ' MODE (MustContain)'
  );
}

/** Work items of the current project whose title contains `text`, most recently changed first. */
export function titleSearchQuery(text: string): string {
  return (
    'SELECT [System.Id] FROM WorkItems' +
    ` WHERE [System.TeamProject] = @project AND [System.Title] CONTAINS ${wiqlString(text)}` +
    ' ORDER BY [System.ChangedDate] DESC'
  );
}

/** Splits source ids into as few link queries as fit the WIQL length limit (one, in practice). */
export function chunkForLinkQueries(ids: readonly number[], maxLength: number = MAX_WIQL_LENGTH): number[][] {
  const fixed = childLinksQuery([]).length;
  const chunks: number[][] = [];
  let current: number[] = [];
  let length = fixed;
  for (const id of ids) {
    if (current.length > 0 && length + 1 + String(id).length > maxLength) {
      chunks.push(current);
      current = [];
      length = fixed;
    }
    // Every id after the first also costs its separating comma.
    length += String(id).length + (current.length > 0 ? 1 : 0);
    current.push(id);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
