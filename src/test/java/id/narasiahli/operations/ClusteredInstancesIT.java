package id.narasiahli.operations;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.PayaraMicroProcess;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, test 4: two instances started the production way (clustered, one data grid name, one database).
 * Any instance serves any request: a token issued by one is accepted by the other (the generated signing key
 * is shared through the database), a refresh token issued by one rotates on the other, and a file uploaded
 * through one downloads through the other (files live in PostgreSQL).
 */
class ClusteredInstancesIT {

    @Test
    void tokensAndFilesFromOneInstanceWorkOnTheOther() {
        String database = TestDatabase.createDatabase("cluster");
        String cluster = "narasi-it-" + UUID.randomUUID().toString().substring(0, 8);
        try (PayaraMicroProcess first = PayaraMicroProcess.launchClustered("cluster-1", database, cluster);
             PayaraMicroProcess second = PayaraMicroProcess.launchClustered("cluster-2", database, cluster)) {
            first.awaitReady(Duration.ofSeconds(300));
            second.awaitReady(Duration.ofSeconds(300));
            assertTrue((first.log() + second.log()).contains("DG Name: " + cluster + " DG Size: 2"),
                    "the two instances form one Payara data grid: " + first.logFile() + ", " + second.logFile());

            Api.User user = new Api(first.baseUri()).newUser("Klaster Satu");
            Api onSecond = new Api(second.baseUri());
            Api.Response me = onSecond.as(user.accessToken()).get("/api/me");
            assertEquals(200, me.status(), me.body());
            assertEquals(user.email(), me.json().getString("email"));

            int education = Fixtures.educationOf(user);
            String path = user.api().upload("/api/me/education/" + education + "/certificate", "file", "ijazah.png",
                    "image/png", Fixtures.PNG).json().getString("certificateImage");
            assertArrayEquals(Fixtures.PNG, onSecond.as(user.accessToken()).download(path).body());

            Api.Response refreshed = onSecond.post("/api/auth/refresh",
                    Json.createObjectBuilder().add("refreshToken", user.refreshToken()).build());
            assertEquals(200, refreshed.status(), refreshed.body());
            assertEquals(200, new Api(first.baseUri()).as(refreshed.json().getString("accessToken")).get("/api/me").status());
        }
    }
}
