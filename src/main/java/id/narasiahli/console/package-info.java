/**
 * The operations console: the static page under {@code /console/} (src/main/webapp/console) that administrators
 * use over the schema and database admin APIs, and the response headers that keep it from running anything but
 * its own files. The page holds no server-side logic: every action is a call to {@code /api} with the bearer
 * token of an ADMIN login, so the API's role checks and audit apply unchanged. See src/site/markdown/console.md.
 */
package id.narasiahli.console;
