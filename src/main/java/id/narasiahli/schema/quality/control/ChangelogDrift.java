package id.narasiahli.schema.quality.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.LiquibaseSession;
import id.narasiahli.schema.migration.control.InvalidIndexes;

import id.narasiahli.schema.liquibase.SchemaMigrationException;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live schema against what the changelog produces: the changelog is applied to a shadow database, then
 * Liquibase's own diff compares the two. Liquibase's open-source snapshot has no CHECK constraints, so
 * those are not compared.
 */
public final class ChangelogDrift {

    private static final Set<Class<? extends DatabaseObject>> TYPES =
            Set.of(Table.class, Column.class, Index.class, PrimaryKey.class, ForeignKey.class, UniqueConstraint.class);

    private ChangelogDrift() {
    }

    /** Brings {@code shadow} to head, then compares it (the reference) with {@code live}, which it closes. */
    public static List<DriftItem> compare(Connection live, ShadowDatabase shadow, String changelog, String contexts) {
        try (LiquibaseSession reference = LiquibaseSession.forCommands(shadow.connect(), changelog, contexts);
             LiquibaseSession compared = LiquibaseSession.forReading(live, changelog, contexts)) {
            try {
                reference.update(new AbstractChangeExecListener() { });
            } catch (Exception e) {
                throw new SchemaMigrationException("The changelog could not be applied to the shadow database: "
                        + ErrorMessages.oneLine(e), e);
            }
            List<DriftItem> items = reference.call("compare the schemas", () -> diff(reference.database(), compared.database()));
            // the catalog comparison sees an INVALID index as present; PostgreSQL never uses it
            compared.call("list INVALID indexes", () -> InvalidIndexes.list(compared.connection())).forEach(index ->
                    items.add(new DriftItem("changed", "index", index.index(), "INVALID on " + index.table()
                            + ": a failed CREATE INDEX CONCURRENTLY left it; queries do not use it."
                            + " REINDEX INDEX CONCURRENTLY, or drop it and let its changeset build it again")));
            return items;
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot connect to the shadow database: " + ErrorMessages.oneLine(e), e);
        }
    }

    private static List<DriftItem> diff(Database expected, Database actual) throws Exception {
        DiffResult result = DiffGeneratorFactory.getInstance().compare(expected, actual,
                new CompareControl(TYPES.stream().collect(Collectors.toSet())));
        List<DriftItem> items = new ArrayList<>();
        result.getMissingObjects().stream().filter(ChangelogDrift::relevant)
                .forEach(o -> items.add(new DriftItem("missing", type(o), name(o), "the changelog creates it; the live database lacks it")));
        result.getUnexpectedObjects().stream().filter(ChangelogDrift::relevant)
                .forEach(o -> items.add(new DriftItem("unexpected", type(o), name(o), "in the live database only")));
        result.getChangedObjects().forEach((o, differences) -> {
            if (relevant(o)) {
                items.add(new DriftItem("changed", type(o), name(o), describe(differences)));
            }
        });
        items.sort(Comparator.comparing(DriftItem::kind).thenComparing(DriftItem::type).thenComparing(DriftItem::name));
        return items;
    }

    /** Liquibase's own tracking tables differ by nature (the shadow's history is new). */
    private static boolean relevant(DatabaseObject o) {
        String table = tableOf(o);
        return table == null || !table.toLowerCase(Locale.ROOT).startsWith("databasechangelog");
    }

    private static String tableOf(DatabaseObject o) {
        if (o instanceof Table t) {
            return t.getName();
        }
        if (o instanceof Column c && c.getRelation() != null) {
            return c.getRelation().getName();
        }
        if (o instanceof Index i && i.getRelation() != null) {
            return i.getRelation().getName();
        }
        if (o instanceof PrimaryKey p && p.getTable() != null) {
            return p.getTable().getName();
        }
        if (o instanceof ForeignKey f && f.getForeignKeyTable() != null) {
            return f.getForeignKeyTable().getName();
        }
        if (o instanceof UniqueConstraint u && u.getRelation() != null) {
            return u.getRelation().getName();
        }
        return null;
    }

    private static String type(DatabaseObject o) {
        return o.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String name(DatabaseObject o) {
        String table = tableOf(o);
        return o instanceof Table || table == null ? o.getName() : table + "." + o.getName();
    }

    private static String describe(ObjectDifferences differences) {
        return differences.getDifferences().stream()
                .map(d -> d.getField() + ": changelog " + d.getReferenceValue() + ", live " + d.getComparedValue())
                .collect(Collectors.joining("; "));
    }
}
