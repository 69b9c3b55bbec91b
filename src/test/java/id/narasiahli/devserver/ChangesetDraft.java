package id.narasiahli.devserver;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.Table;
import liquibase.ui.LoggerUIService;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A formatted-SQL changeset that adds what the entities need and the development database lacks (tables and
 * columns), computed by Liquibase's diff between a scratch database holding EclipseLink's DDL for the entities
 * (the reference) and the development database. Only additions: objects the entities do not map (indexes,
 * constraints, unmapped tables) are the changelog's business, and changed columns are left to the drift report
 * because EclipseLink's defaults (lengths, nullability) would turn every difference into a wrong ALTER.
 */
final class ChangesetDraft {

    record Draft(List<String> statements, List<String> rollback) {
        boolean isEmpty() {
            return statements.isEmpty();
        }

        String render(String id) {
            StringBuilder text = new StringBuilder("--liquibase formatted sql\n\n--changeset narasi:").append(id).append('\n')
                    .append("--comment: DRAFT generated from the JPA entities (mvn -Pschema-drift). Review it, run the lint,")
                    .append(" then register it in db.changelog-master.xml.\n")
                    .append("SET LOCAL lock_timeout = '10s';\n");
            statements.forEach(s -> text.append(s).append(";\n"));
            text.append("--rollback SET LOCAL lock_timeout = '10s';\n");
            rollback.forEach(s -> text.append("--rollback ").append(s.replace("\n", " ")).append(";\n"));
            return text.toString();
        }
    }

    private ChangesetDraft() {
    }

    /** Closes both connections. */
    static Draft between(Connection entities, Connection development) throws Exception {
        return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.analytics.enabled", Boolean.FALSE), () -> {
            Database reference = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(entities));
            Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(development));
            try {
                DiffResult diff = DiffGeneratorFactory.getInstance().compare(reference, target,
                        new CompareControl(new java.util.HashSet<>(Set.of(Table.class, Column.class))));
                DiffOutputControl output = new DiffOutputControl(false, false, false, null);
                output.setObjectChangeFilter(new OnlyMissing());
                List<ChangeSet> changeSets = new DiffToChangeLog(diff, output).generateChangeSets();
                List<String> statements = new ArrayList<>();
                List<String> rollback = new ArrayList<>();
                for (ChangeSet changeSet : changeSets) {
                    for (Change change : changeSet.getChanges()) {
                        for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, target)) {
                            statements.add(sql.toSql());
                        }
                        if (change.supportsRollback(target)) {
                            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change.generateRollbackStatements(target), target)) {
                                rollback.add(0, sql.toSql());
                            }
                        }
                    }
                }
                return new Draft(statements, rollback);
            } finally {
                reference.close();
                target.close();
            }
        });
    }

    private static final class OnlyMissing implements ObjectChangeFilter {
        @Override
        public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
            return true;
        }

        @Override
        public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
            return false;
        }

        @Override
        public boolean includeChanged(DatabaseObject object, liquibase.diff.ObjectDifferences differences,
                                      Database reference, Database comparison) {
            return false;
        }

        @Override
        public boolean include(DatabaseObject object) {
            return true;
        }
    }
}
