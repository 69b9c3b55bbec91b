package id.narasiahli;

import id.narasiahli.testsupport.database.Changelogs;
import id.narasiahli.testsupport.database.SchemaSnapshot;
import id.narasiahli.testsupport.database.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real WAR on a real Payara Micro (Arquillian, black-box) with the post-boot datasource: the startup
 * singleton migrated the deployment database, and readiness and liveness say so.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentIT {

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive productionWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("narasi.it.war")));
    }

    @Test
    void readinessIsUpWithEveryChangesetApplied() throws Exception {
        HttpResponse<String> response = get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject schema = Json.createReader(new StringReader(response.body())).readObject()
                .getJsonArray("checks").getJsonObject(0);
        assertEquals("schema", schema.getString("name"));
        assertEquals("UP", schema.getString("status"));
        assertEquals("update", schema.getJsonObject("data").getString("mode"));
        assertEquals("0", schema.getJsonObject("data").getString("pending"));
        assertEquals(String.valueOf(Changelogs.productionChangesets().size()), schema.getJsonObject("data").getString("changesets"));
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get("/health/live");
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void migrationsRanAtDeployInChangelogOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        Changelogs.productionChangesets().forEach(c -> expected.add(c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor() + " EXECUTED"));
        List<String> recorded = new ArrayList<>();
        try (Connection c = TestDatabase.dataSource(TestDatabase.DEPLOYMENT_DATABASE).getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT filename, id, author, exectype FROM databasechangelog ORDER BY orderexecuted")) {
            while (rows.next()) {
                recorded.add(rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3) + " " + rows.getString(4));
            }
        }
        assertEquals(expected, recorded);
    }

    @Test
    void deployedSchemaMatchesThePlan() throws Exception {
        assertEquals(id.narasiahli.schema.PlanSchemaIT.expected(), SchemaSnapshot.text(TestDatabase.DEPLOYMENT_DATABASE));
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = base.toURI().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
