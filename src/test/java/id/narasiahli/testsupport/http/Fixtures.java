package id.narasiahli.testsupport.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;

/** Request bodies and files the API tests share. */
public final class Fixtures {

    /** The first bytes of real images: enough for content detection. */
    public static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE);
    public static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9);
    public static final byte[] WEBP = concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(26, 0, 0, 0),
            "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), bytes(14, 0, 0, 0, 0x30, 1, 0, 0x9D, 1, 0x2A, 1, 0, 1, 0, 0, 0));

    private Fixtures() {
    }

    public static JsonObject education(String school, int year) {
        return Json.createObjectBuilder().add("schoolName", school).add("major", "Informatika")
                .add("educationLevel", "S1").add("graduationYear", year).build();
    }

    public static JsonObject work(String start, String end) {
        var body = Json.createObjectBuilder().add("jobTitle", "Dosen").add("companyName", "ITB").add("startDate", start);
        return end == null ? body.build() : body.add("endDate", end).build();
    }

    public static JsonObject journal(String url) {
        return Json.createObjectBuilder().add("journalTitle", "Machine Learning untuk Bahasa Jawa").add("publisher", "IEEE")
                .add("journalUrl", url).add("publishedDate", "2023-05-01").build();
    }

    /** Creates an education entry for {@code user} and returns its id. */
    public static int educationOf(Api.User user) {
        return user.api().post("/api/me/education", education("ITB", 2010)).json().getInt("id");
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
