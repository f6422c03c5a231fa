const run = process.env.CHRONICLE_TEST_RUN ?? 'default';

/** Names carry the run's id: runs side by side each have their own template and databases. */
export const TEMPLATE_DATABASE = `chronicle_test_${run}_template`;
export const TEST_DATABASE_PREFIX = `chronicle_test_${run}_db_`;

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
