package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.phonenumbers.control.PhoneNumbers;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Timestamps;
import id.narasiahli.profiles.control.ProfileCompletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Calendar;

/**
 * {@code GET /api/me}: the caller's profile and its completion in one statement, read without an entity, an EJB or
 * a transaction (the request asked most after the history page). The profile after a change is {@link Profiles#view},
 * inside that change's transaction; ProfilesIT checks that the two read the same.
 */
@ApplicationScoped
public class ProfileViews {

    private static final String PROFILE = "SELECT u.id, u.email, u.fullname, u.phone_number, u.whatsapp_number, u.last_education,"
            + " u.degree, u.last_job_title, u.role, u.created_at, u.updated_at,"
            + " EXISTS (SELECT 1 FROM education_histories WHERE user_id = u.id),"
            + " EXISTS (SELECT 1 FROM work_histories WHERE user_id = u.id),"
            + " EXISTS (SELECT 1 FROM research_journals WHERE user_id = u.id) FROM users u WHERE u.id = ?";

    @Inject
    DataSource dataSource;

    @Inject
    PhoneNumbers phoneNumbers;

    /** The statement, its one parameter the user id (bench/EndpointsBench runs it alone). */
    public static String sql() {
        return PROFILE;
    }

    public Profiles.Profile view(int userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PROFILE)) {
            statement.setInt(1, userId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.unauthorized("The account no longer exists");
                }
                String phone = phoneNumbers.reveal(PhoneNumbers.PHONE_NUMBER, row.getString(4));
                String whatsapp = phoneNumbers.reveal(PhoneNumbers.WHATSAPP_NUMBER, row.getString(5));
                String[] fields = {row.getString(3), row.getString(2), phone, whatsapp, row.getString(6), row.getString(7),
                        row.getString(8)};
                Calendar utc = Timestamps.utcCalendar();
                ProfileCompletion completion = ProfileCompletion.of(Arrays.asList(fields),
                        row.getBoolean(12), row.getBoolean(13), row.getBoolean(14));
                return new Profiles.Profile(row.getInt(1), fields[1], fields[0], phone, whatsapp, fields[4], fields[5], fields[6],
                        row.getString(9), Timestamps.column(row, 10, utc), Timestamps.column(row, 11, utc),
                        completion.percent(), completion.missing());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the profile of user " + userId + ": " + e.getMessage(), e);
        }
    }
}
