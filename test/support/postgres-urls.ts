export const TEMPLATE_DATABASE = 'chronicle_test_template';
export const TEST_DATABASE_PREFIX = 'chronicle_test_db_';

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
