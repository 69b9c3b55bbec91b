package id.narasiahli.files.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.UUID;

/** An uploaded file and its bytes. */
@Entity
@Table(name = "stored_files")
public class StoredFile {

    /** The path clients download a file from; what certificate_image and file_url hold. */
    public static final String DOWNLOAD_PATH = "/api/files/";

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "owner_id", nullable = false)
    private Integer ownerId;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "data", nullable = false)
    private byte[] data;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected StoredFile() {
        // for JPA
    }

    public StoredFile(UUID id, Integer ownerId, String contentType, String sha256, String fileName, byte[] data,
                      LocalDateTime createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.contentType = contentType;
        this.sha256 = sha256;
        this.fileName = fileName;
        this.data = data;
        this.byteSize = data.length;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Integer ownerId() {
        return ownerId;
    }

    public String contentType() {
        return contentType;
    }

    public long byteSize() {
        return byteSize;
    }

    public String fileName() {
        return fileName;
    }

    public byte[] data() {
        return data;
    }

    public String downloadPath() {
        return DOWNLOAD_PATH + id;
    }
}
