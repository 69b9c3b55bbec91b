package id.narasiahli.profiles;

import id.narasiahli.testsupport.http.Api;
import id.narasiahli.testsupport.http.Fixtures;
import id.narasiahli.testsupport.payara.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificate images: recognised by content, size-capped, stored in PostgreSQL, downloaded with a token. */
class CertificateIT {

    private static Api api;

    @BeforeAll
    static void server() {
        api = SharedServer.api();
    }

    @Test
    void jpegPngAndWebpAreStoredAndDownloadedByTheirOwner() throws Exception {
        Api.User user = api.newUser("Tono");
        int education = Fixtures.educationOf(user);
        for (byte[] image : new byte[][]{Fixtures.PNG, Fixtures.JPEG, Fixtures.WEBP}) {
            Api.Response uploaded = user.api().upload("/api/me/education/" + education + "/certificate", "file", "../../ijazah.bin",
                    "application/octet-stream", image);
            assertEquals(200, uploaded.status(), uploaded.body());
            String path = uploaded.json().getString("certificateImage");
            assertTrue(path.startsWith("/api/files/"), path);
            assertEquals(path, SharedServer.queryValue("SELECT certificate_image FROM education_histories WHERE id = ?", education));
            HttpResponse<byte[]> download = user.api().download(path);
            assertEquals(200, download.statusCode());
            assertArrayEquals(image, download.body());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("ijazah.bin"), "name without directories");
        }
        assertEquals("1", SharedServer.queryValue("SELECT count(*)::text FROM stored_files WHERE owner_id = ?", user.id()), "replaced certificates are deleted");
        assertEquals("image/webp", SharedServer.queryValue("SELECT content_type FROM stored_files WHERE owner_id = ?", user.id()));
    }

    @Test
    void aNonImageNamedPngIs415AndNothingIsStored() throws Exception {
        Api.User user = api.newUser("Umar");
        int education = Fixtures.educationOf(user);
        Api.Response spoofed = user.api().upload("/api/me/education/" + education + "/certificate", "file", "ijazah.png",
                "image/png", "%PDF-1.7 not an image at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(415, spoofed.status(), spoofed.body());
        assertEquals("application/problem+json", spoofed.header("Content-Type"));
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM stored_files WHERE owner_id = ?", user.id()));
        assertEquals(null, SharedServer.queryValue("SELECT certificate_image FROM education_histories WHERE id = ?", education));
    }

    @Test
    void aFileOverFiveMegabytesIs413AndNothingIsStored() throws Exception {
        Api.User user = api.newUser("Vina");
        int education = Fixtures.educationOf(user);
        byte[] big = Arrays.copyOf(Fixtures.PNG, 5 * 1024 * 1024 + 1);
        Api.Response tooLarge = user.api().upload("/api/me/education/" + education + "/certificate", "file", "big.png", "image/png", big);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals("application/problem+json", tooLarge.header("Content-Type"));
        assertEquals("0", SharedServer.queryValue("SELECT count(*)::text FROM stored_files WHERE owner_id = ?", user.id()));
        byte[] limit = Arrays.copyOf(Fixtures.PNG, 5 * 1024 * 1024);
        assertEquals(200, user.api().upload("/api/me/education/" + education + "/certificate", "file", "ok.png", "image/png", limit).status());
    }

    @Test
    void aMissingFilePartIs400() {
        Api.User user = api.newUser("Wati");
        int education = Fixtures.educationOf(user);
        Api.Response missing = user.api().upload("/api/me/education/" + education + "/certificate", "other", "x.png", "image/png", Fixtures.PNG);
        assertEquals(400, missing.status(), missing.body());
    }

    @Test
    void downloadsNeedATokenAndTheOwner() {
        Api.User owner = api.newUser("Yudi");
        Api.User other = api.newUser("Zaki");
        int education = Fixtures.educationOf(owner);
        String path = owner.api().upload("/api/me/education/" + education + "/certificate", "file", "c.png", "image/png", Fixtures.PNG)
                .json().getString("certificateImage");
        assertEquals(401, api.download(path).statusCode());
        assertEquals(404, other.api().download(path).statusCode());
        assertEquals(404, owner.api().download("/api/files/not-a-uuid").statusCode());
    }
}
