/**
 * Retention: a scheduled EJB timer (and an ADMIN endpoint running the same code) that purges AI sessions
 * deleted longer ago than the configured days, with their messages and logs, and stored files no message or
 * certificate refers to any more. Every instance schedules it; a PostgreSQL advisory lock lets one run at a time.
 */
package id.narasiahli.retention;
