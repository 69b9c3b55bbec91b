package id.narasiahli.schema.operations.control;

import id.narasiahli.schema.liquibase.ErrorMessages;
import id.narasiahli.schema.liquibase.SchemaMigrationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fingerprint of everything databasechangelog records, every column of every row: any changeset
 * applied, rolled back, re-tagged or edited in between gives a different value.
 */
public final class TrackingDigest {

    private static final String ABSENT = "no databasechangelog";

    private TrackingDigest() {
    }

    public static String of(Connection connection) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM databasechangelog ORDER BY orderexecuted, dateexecuted, id, author, filename")) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        String value = rows.getString(i);
                        digest.update((columns.getColumnName(i) + "=" + (value == null ? "\u0000" : value) + "\u001f")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) '\n');
                }
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
                rollbackQuietly(connection);
                digest.update(ABSENT.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read databasechangelog: " + ErrorMessages.oneLine(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failed statement aborts the transaction Liquibase keeps open on this connection. */
    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // the next statement reports whatever is wrong with the connection
        }
    }
}
