package id.narasiahli.schema.quality.control;

/**
 * One difference between two schemas. {@code kind}: {@code missing} (expected but absent from the live
 * database), {@code unexpected} (in the live database only) or {@code changed}; {@code type}: table, column,
 * index, primarykey, foreignkey, uniqueconstraint.
 */
public record DriftItem(String kind, String type, String name, String detail) {
}
