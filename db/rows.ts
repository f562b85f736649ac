/** The first row of a query, or undefined: the portable `.get()`. */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** The first row of an insert/update … returning() that must produce one. */
export async function onlyRow<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error("Expected the statement to return a row.");
  return row;
}
