// Port: the people of the host, for owners. A plan stores an owner as a plain id (an Atlassian
// accountId, an Azure DevOps identity, a demo name); surfaces pick owners from a search and show
// display names, never ids. Each host answers as the viewer, so nobody is found whom the viewer
// could not find in the host itself.

export interface Person {
  /** What the plan stores as `owner`. */
  id: string;
  /** What surfaces show. */
  name: string;
  /** A second line to tell two people of one name apart (e-mail, unique name). */
  detail?: string;
}

export interface PeopleDirectory {
  /** People matching typed text (name or e-mail), at most `limit`. */
  search(text: string, limit: number): Promise<Person[]>;
  /** The people of these ids that the host knows; unknown ids are left out. */
  resolve(ids: readonly string[]): Promise<Person[]>;
}
