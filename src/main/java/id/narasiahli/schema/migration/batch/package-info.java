/**
 * Batched data changes: a Liquibase {@code customChange} ({@link id.narasiahli.schema.migration.batch.BatchedDataChange})
 * that updates or deletes the rows of a table in use in batches keyed by primary key, each batch its own short
 * transaction, resumable from the progress table {@code schema_batch_progress}. Documented in
 * src/site/markdown/zero-downtime.md.
 */
package id.narasiahli.schema.migration.batch;
