package id.narasiahli.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A publication of a user (plan step 4). */
@Entity
@Table(name = "research_journals")
public class ResearchJournal extends OwnedRecord {

    public static final int JOURNAL_TITLE_LENGTH = 500;
    public static final int PUBLISHER_LENGTH = 255;
    public static final int JOURNAL_URL_LENGTH = 1000;

    @Column(name = "journal_title", nullable = false, length = JOURNAL_TITLE_LENGTH)
    private String journalTitle;

    @Column(name = "publisher", nullable = false, length = PUBLISHER_LENGTH)
    private String publisher;

    @Column(name = "journal_url", nullable = false, length = JOURNAL_URL_LENGTH)
    private String journalUrl;

    @Column(name = "published_date")
    private LocalDate publishedDate;

    protected ResearchJournal() {
        // for JPA
    }

    public ResearchJournal(Integer userId, LocalDateTime now) {
        super(userId, now);
    }

    public void update(String journalTitle, String publisher, String journalUrl, LocalDate publishedDate, LocalDateTime now) {
        this.journalTitle = journalTitle.trim();
        this.publisher = publisher.trim();
        this.journalUrl = journalUrl.trim();
        this.publishedDate = publishedDate;
        touch(now);
    }

    public String journalTitle() {
        return journalTitle;
    }

    public String publisher() {
        return publisher;
    }

    public String journalUrl() {
        return journalUrl;
    }

    public LocalDate publishedDate() {
        return publishedDate;
    }
}
