package id.narasiahli.files.control;

/**
 * A client's file name made safe to store and to send back in Content-Disposition: no directories, no
 * control or quoting characters, at most 255 characters.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String sanitize(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String cleaned = base.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").replaceAll("\\s+", " ").strip();
        cleaned = cleaned.replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            return "file";
        }
        return cleaned.length() > 255 ? cleaned.substring(cleaned.length() - 255) : cleaned;
    }
}
