package id.narasiahli.retention.control;

import id.narasiahli.files.entity.StoredFile;

/**
 * Every column that may hold a stored file's download path (/api/files/{uuid}). A file referenced by none
 * of them is garbage once its grace period is over. A new column that refers to files must be added here,
 * or retention purges the files it refers to.
 */
public final class FileReferences {

    private FileReferences() {
    }

    /**
     * The SQL condition, on stored_files aliased {@code f}, that the file is referenced. chat_messages.file_url is
     * written by this application in exactly the download-path form (indexed: idx_chat_messages_file_url);
     * certificate_image is typed by clients, so any URL containing the path counts.
     */
    public static String referenced() {
        String path = StoredFile.DOWNLOAD_PATH;
        return "(EXISTS (SELECT 1 FROM chat_messages m WHERE m.file_url = '" + path + "' || f.id::text)"
                + " OR EXISTS (SELECT 1 FROM certificate_files c WHERE c.id = f.id::text))";
    }

    /** A WITH item naming the file ids that education histories refer to, read once per run. */
    public static String certificateFiles() {
        String path = StoredFile.DOWNLOAD_PATH;
        return "certificate_files AS (SELECT DISTINCT lower(substring(e.certificate_image from '" + path
                + "([0-9A-Fa-f-]{36})')) AS id FROM education_histories e WHERE e.certificate_image LIKE '%" + path + "%')";
    }
}
