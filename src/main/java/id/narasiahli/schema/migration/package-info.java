/**
 * The startup migration: a startup singleton ({@code boundary.SchemaMigrator}) brings the schema to the
 * changelog's head before the application serves, waiting for the migration lock while another instance
 * migrates; {@code control.SchemaState} is what it is doing, which readiness ({@code boundary.SchemaReadinessCheck})
 * reports; {@code control.ChangesetTimer} logs and times each changeset and {@code control.ChangesetDurations}
 * keeps the times (Liquibase records when, not how long).
 */
package id.narasiahli.schema.migration;
