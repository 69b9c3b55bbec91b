package id.narasiahli.testsupport.database;

import id.narasiahli.testsupport.payara.SharedServer;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the shared API server's database, for asserting what an API call did (or did not) write. */
public final class ApiDatabase {

    private ApiDatabase() {
    }

    public static DataSource dataSource() {
        SharedServer.get();
        return TestDatabase.dataSource(SharedServer.DATABASE);
    }

    public static long count(String sql, Object... parameters) {
        Object value = value(sql, parameters);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object value(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet rs = s.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static int execute(String sql, Object... parameters) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
