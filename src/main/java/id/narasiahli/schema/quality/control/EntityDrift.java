package id.narasiahli.schema.quality.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JPA mappings against the live schema: every mapped table and column must exist, with a type that can
 * hold the field, the mapped length of a VARCHAR, and the nullability the mapping promises. Read from the
 * mapping annotations of the entity classes (the ones the persistence unit's metamodel lists), so it needs
 * no running persistence provider.
 */
public final class EntityDrift {

    private static final Map<Class<?>, Set<String>> TYPES = Map.ofEntries(
            Map.entry(String.class, Set.of("varchar", "text", "bpchar", "citext")),
            Map.entry(Integer.class, Set.of("int4", "serial")), Map.entry(int.class, Set.of("int4", "serial")),
            Map.entry(Long.class, Set.of("int8", "bigserial")), Map.entry(long.class, Set.of("int8", "bigserial")),
            Map.entry(Short.class, Set.of("int2")), Map.entry(Boolean.class, Set.of("bool")), Map.entry(boolean.class, Set.of("bool")),
            Map.entry(LocalDateTime.class, Set.of("timestamp")), Map.entry(LocalDate.class, Set.of("date")),
            Map.entry(OffsetDateTime.class, Set.of("timestamptz")), Map.entry(Instant.class, Set.of("timestamptz", "timestamp")),
            Map.entry(byte[].class, Set.of("bytea")), Map.entry(UUID.class, Set.of("uuid")),
            Map.entry(BigDecimal.class, Set.of("numeric")), Map.entry(Double.class, Set.of("float8")));

    private record LiveColumn(String type, int size, boolean nullable, boolean hasDefault) {
    }

    private EntityDrift() {
    }

    public static List<DriftItem> compare(Collection<Class<?>> entities, Connection live) throws SQLException {
        List<DriftItem> items = new ArrayList<>();
        DatabaseMetaData meta = live.getMetaData();
        for (Class<?> entity : entities) {
            String table = tableName(entity);
            Map<String, LiveColumn> columns = columns(meta, table);
            if (columns.isEmpty()) {
                items.add(new DriftItem("missing", "table", table, "mapped by " + entity.getSimpleName()));
                continue;
            }
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (persistent(field)) {
                        compareField(entity, table, field, columns, items);
                    }
                }
            }
        }
        return items;
    }

    private static void compareField(Class<?> entity, String table, Field field, Map<String, LiveColumn> columns,
                                     List<DriftItem> items) {
        String mappedBy = entity.getSimpleName() + "." + field.getName();
        Column column = field.getAnnotation(Column.class);
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        String name = lower(column != null && !column.name().isEmpty() ? column.name()
                : join != null && !join.name().isEmpty() ? join.name() : field.getName());
        LiveColumn live = columns.get(name);
        String where = table + "." + name;
        if (live == null) {
            items.add(new DriftItem("missing", "column", where, "mapped by " + mappedBy));
            return;
        }
        Class<?> javaType = converted(field).orElseGet(() -> field.getType().isEnum() ? enumStorage(field) : field.getType());
        Set<String> accepted = TYPES.get(javaType);
        if (accepted != null && !accepted.contains(live.type())) {
            items.add(new DriftItem("changed", "column", where, "type: mapping " + javaType.getSimpleName()
                    + " expects " + String.join("/", accepted.stream().sorted().toList()) + ", live " + live.type()));
        }
        if (column != null && javaType == String.class && "varchar".equals(live.type()) && column.length() != live.size()) {
            items.add(new DriftItem("changed", "column", where, "length: mapping " + column.length() + ", live " + live.size()));
        }
        boolean mappedNullable = column == null ? join == null || join.nullable() : column.nullable();
        if (!mappedNullable && live.nullable()) {
            items.add(new DriftItem("changed", "column", where, "nullability: mapping NOT NULL, live nullable"));
        } else if (mappedNullable && !live.nullable() && !live.hasDefault() && !field.isAnnotationPresent(Id.class)) {
            items.add(new DriftItem("changed", "column", where, "nullability: mapping nullable, live NOT NULL without default"));
        }
    }

    /** The column type a field's {@code @Convert} converter writes: the Y of its AttributeConverter<X, Y>. */
    private static java.util.Optional<Class<?>> converted(Field field) {
        jakarta.persistence.Convert convert = field.getAnnotation(jakarta.persistence.Convert.class);
        if (convert == null || convert.disableConversion() || convert.converter() == void.class) {
            return java.util.Optional.empty();
        }
        for (java.lang.reflect.Type type : convert.converter().getGenericInterfaces()) {
            if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == jakarta.persistence.AttributeConverter.class
                    && p.getActualTypeArguments()[1] instanceof Class<?> column) {
                return java.util.Optional.of(column);
            }
        }
        return java.util.Optional.empty();
    }

    private static Class<?> enumStorage(Field field) {
        Enumerated e = field.getAnnotation(Enumerated.class);
        return e != null && e.value() == EnumType.STRING ? String.class : Integer.class;
    }

    private static boolean persistent(Field field) {
        int m = field.getModifiers();
        return !Modifier.isStatic(m) && !Modifier.isTransient(m) && !field.isSynthetic()
                && !field.isAnnotationPresent(Transient.class) && !field.isAnnotationPresent(OneToMany.class)
                && !field.isAnnotationPresent(ManyToMany.class);
    }

    static String tableName(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return lower(table.name());
        }
        Entity e = entity.getAnnotation(Entity.class);
        return lower(e != null && !e.name().isEmpty() ? e.name() : entity.getSimpleName());
    }

    private static Map<String, LiveColumn> columns(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, LiveColumn> columns = new HashMap<>();
        try (ResultSet rows = meta.getColumns(null, "public", table, null)) {
            while (rows.next()) {
                columns.put(rows.getString("COLUMN_NAME"), new LiveColumn(rows.getString("TYPE_NAME"),
                        rows.getInt("COLUMN_SIZE"), "YES".equals(rows.getString("IS_NULLABLE")),
                        rows.getString("COLUMN_DEF") != null));
            }
        }
        return columns;
    }

    /** Unquoted identifiers fold to lower case in PostgreSQL, and the entities name them unquoted. */
    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
