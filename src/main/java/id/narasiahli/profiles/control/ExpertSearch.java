package id.narasiahli.profiles.control;

import id.narasiahli.platform.control.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The directory's query, each filter written so that an index serves it: {@code q} matches words of the name
 * by prefix (GIN idx_users_fullname_search on to_tsvector('simple', fullname)), {@code jobTitle} is a
 * case-insensitive prefix of the last job title (idx_users_last_job_title_lower, text_pattern_ops),
 * {@code degree} a case-insensitive exact match (idx_users_degree_lower). Administrators are not listed.
 */
public record ExpertSearch(String where, List<Object> parameters) {

    static final String COLUMNS = "id, fullname, degree, last_job_title, last_education";

    public static ExpertSearch of(String q, String jobTitle, String degree) {
        StringBuilder where = new StringBuilder("role = 'USER'");
        List<Object> parameters = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" AND to_tsvector('simple', fullname) @@ to_tsquery('simple', ?)");
            parameters.add(prefixQuery(q));
        }
        if (jobTitle != null && !jobTitle.isBlank()) {
            where.append(" AND lower(last_job_title) LIKE ? ESCAPE '\\'");
            parameters.add(escapeLike(jobTitle.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (degree != null && !degree.isBlank()) {
            where.append(" AND lower(degree) = ?");
            parameters.add(degree.trim().toLowerCase(Locale.ROOT));
        }
        return new ExpertSearch(where.toString(), List.copyOf(parameters));
    }

    public String pageSql() {
        return "SELECT " + COLUMNS + " FROM users WHERE " + where + " ORDER BY fullname, id LIMIT ? OFFSET ?";
    }

    public String countSql() {
        return "SELECT count(*) FROM users WHERE " + where;
    }

    /** "budi san" becomes "budi:* & san:*"; only letters and digits of each word are kept. */
    static String prefixQuery(String q) {
        List<String> terms = new ArrayList<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
            String cleaned = word.replaceAll("[^\\p{L}\\p{N}]", "");
            if (!cleaned.isEmpty()) {
                terms.add(cleaned + ":*");
            }
        }
        if (terms.isEmpty()) {
            throw ApiException.invalid("q", "must contain a letter or digit");
        }
        if (terms.size() > 8) {
            throw ApiException.invalid("q", "must have at most 8 words");
        }
        return String.join(" & ", terms);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
