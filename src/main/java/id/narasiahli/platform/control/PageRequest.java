package id.narasiahli.platform.control;

import java.util.Map;

/**
 * limit/offset/sort as clients send them, checked: limit 1..100 (default 20), offset >= 0, sort one of the
 * allowed keys (each mapped to an indexed column), optionally prefixed with '-' for descending.
 */
public record PageRequest(int limit, int offset, String orderBy, boolean descending) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    /** @param sortable API sort key to the JPQL path it orders by; the first entry is the default */
    public static PageRequest of(String limit, String offset, String sort, Map<String, String> sortable, String defaultSort) {
        int l = number("limit", limit, DEFAULT_LIMIT);
        int o = number("offset", offset, 0);
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw ApiException.invalid("offset", "must not be negative");
        }
        String key = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        boolean descending = key.startsWith("-");
        String name = descending ? key.substring(1) : key;
        String path = sortable.get(name);
        if (path == null) {
            throw ApiException.invalid("sort", "must be one of " + String.join(", ", sortable.keySet())
                    + ", optionally prefixed with '-' for descending");
        }
        return new PageRequest(l, o, path, descending);
    }

    /** Query parameters arrive as text so that a malformed number is a 400 naming it (JAX-RS would answer 404). */
    public static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number");
        }
    }

    /** " ORDER BY alias.path [DESC], alias.id" — the id keeps pages stable when values tie. */
    public String orderClause(String alias) {
        return " ORDER BY " + alias + "." + orderBy + (descending ? " DESC" : "") + ", " + alias + ".id"
                + (descending ? " DESC" : "");
    }
}
