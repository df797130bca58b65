/** The nested list DESIGN.md "How performance is measured" names; the list benchmark and the soak both send it. */
export const LIST_FIRST = 50;
export const LIST_QUERY_TEXT = `{ cases(first: ${LIST_FIRST}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id serialNo status channel summary receivedAt assignments { id status deadlineState unit { id name } } } } } }`;
