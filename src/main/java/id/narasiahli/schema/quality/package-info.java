/**
 * Schema quality: the migration lint ({@code control.MigrationLint}: rules on the SQL each changeset runs,
 * parsed by JSqlParser, with exemptions and a baseline) and drift ({@code control.ChangelogDrift}: the live
 * schema against the changelog applied to a shadow database; {@code control.EntityDrift}: the JPA mappings
 * against the live schema), served to admins by {@code boundary.SchemaQualityResource}.
 */
package id.narasiahli.schema.quality;
