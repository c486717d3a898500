// Starts what the integration tests need once per run (a throwaway PostgreSQL, filled in by the server work).
export default async function setup(): Promise<void | (() => Promise<void>)> {}
