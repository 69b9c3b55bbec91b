package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.entity.User;
import id.narasiahli.files.boundary.FileStore;
import id.narasiahli.files.control.UploadedContent;
import id.narasiahli.files.entity.StoredFile;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.profiles.control.OwnedRecords;
import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.OwnedRecord;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.UUID;

/** The caller's education, work and journal entries: the transaction border for all three. */
@Stateless
public class Histories {

    public static final Map<String, String> EDUCATION_SORT = Map.of("graduationYear", "graduationYear", "educationLevel", "educationLevel");
    public static final Map<String, String> WORK_SORT = Map.of("startDate", "startDate", "companyName", "companyName");
    public static final Map<String, String> JOURNAL_SORT = Map.of("publishedDate", "publishedDate", "publisher", "publisher");

    @PersistenceContext
    EntityManager em;

    @Inject
    OwnedRecords records;

    @Inject
    FileStore files;

    public <T extends OwnedRecord> T find(Class<T> type, int userId, int id) {
        return records.find(type, id, userId);
    }

    public <T extends OwnedRecord> Page<T> list(Class<T> type, int userId, PageRequest page) {
        return records.list(type, userId, page);
    }

    public EducationHistory saveEducation(int userId, Integer id, Requests.Education body) {
        EducationHistory entry = id == null ? new EducationHistory(userId, User.now()) : records.find(EducationHistory.class, id, userId);
        entry.update(body.schoolName, body.major, body.educationLevel, body.graduationYear, User.now());
        return persistedIfNew(entry, id);
    }

    public WorkHistory saveWork(int userId, Integer id, Requests.Work body) {
        if (body.endDate != null && body.endDate.isBefore(body.startDate)) {
            throw ApiException.invalid("endDate", "must not be before startDate");
        }
        WorkHistory entry = id == null ? new WorkHistory(userId, User.now()) : records.find(WorkHistory.class, id, userId);
        entry.update(body.jobTitle, body.companyName, body.startDate, body.endDate, User.now());
        return persistedIfNew(entry, id);
    }

    public ResearchJournal saveJournal(int userId, Integer id, Requests.Journal body) {
        checkHttpUrl(body.journalUrl);
        ResearchJournal entry = id == null ? new ResearchJournal(userId, User.now()) : records.find(ResearchJournal.class, id, userId);
        entry.update(body.journalTitle, body.publisher, body.journalUrl, body.publishedDate, User.now());
        return persistedIfNew(entry, id);
    }

    public <T extends OwnedRecord> void delete(Class<T> type, int userId, int id) {
        T entry = records.find(type, id, userId);
        if (entry instanceof EducationHistory education) {
            deleteCertificateFile(education.certificateImage());
        }
        em.remove(entry);
    }

    /** Stores the image and points the entry at it; the previous certificate file is deleted. */
    public EducationHistory attachCertificate(int userId, int id, UploadedContent image, String fileName) {
        EducationHistory entry = records.find(EducationHistory.class, id, userId);
        String previous = entry.certificateImage();
        StoredFile stored = files.store(userId, image, fileName);
        entry.attachCertificate(stored.downloadPath(), User.now());
        deleteCertificateFile(previous);
        return entry;
    }

    private void deleteCertificateFile(String downloadPath) {
        if (downloadPath != null && downloadPath.startsWith(StoredFile.DOWNLOAD_PATH)) {
            try {
                files.delete(UUID.fromString(downloadPath.substring(StoredFile.DOWNLOAD_PATH.length())));
            } catch (IllegalArgumentException ignored) {
                // not one of our files: nothing to delete
            }
        }
    }

    /** New entries are inserted at once, so the response can carry their id. */
    private <T> T persistedIfNew(T entry, Integer id) {
        if (id == null) {
            em.persist(entry);
            em.flush();
        }
        return entry;
    }

    private static void checkHttpUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiException.invalid("journalUrl", "must be an absolute http or https URL");
    }
}
