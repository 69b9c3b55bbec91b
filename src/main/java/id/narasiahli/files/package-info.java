/**
 * Uploaded files, kept in PostgreSQL (stored_files) so that any instance serves them: the content type
 * is decided from the bytes (Apache Tika's magic detection), never from the name; sizes are capped while
 * reading; downloads are authenticated and only for those allowed to see the file.
 */
package id.narasiahli.files;
