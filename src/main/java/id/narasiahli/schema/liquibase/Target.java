package id.narasiahli.schema.liquibase;

/**
 * How far an operation goes: every pending changeset (neither field), up to and including the changeset
 * that carries a tag, or a number of changesets. Requests name at most one of the two.
 */
public record Target(String toTag, Integer count) {

    public static final Target ALL = new Target(null, null);

    public static Target toTag(String tag) {
        return new Target(tag, null);
    }

    public static Target count(int count) {
        return new Target(null, count);
    }

    public boolean all() {
        return toTag == null && count == null;
    }

    /** Stable text for audit records and confirmation tokens: "all", "toTag:v1" or "count:2". */
    public String key() {
        if (toTag != null) {
            return "toTag:" + toTag;
        }
        return count != null ? "count:" + count : "all";
    }

    @Override
    public String toString() {
        if (toTag != null) {
            return "to tag '" + toTag + "'";
        }
        return count != null ? count + (count == 1 ? " changeset" : " changesets") : "all pending changesets";
    }
}
