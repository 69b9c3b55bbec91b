package id.narasiahli.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A job a user held (plan step 3); an open end date means current. */
@Entity
@Table(name = "work_histories")
public class WorkHistory extends OwnedRecord {

    public static final int JOB_TITLE_LENGTH = 255;
    public static final int COMPANY_NAME_LENGTH = 255;

    @Column(name = "job_title", nullable = false, length = JOB_TITLE_LENGTH)
    private String jobTitle;

    @Column(name = "company_name", nullable = false, length = COMPANY_NAME_LENGTH)
    private String companyName;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    protected WorkHistory() {
        // for JPA
    }

    public WorkHistory(Integer userId, LocalDateTime now) {
        super(userId, now);
    }

    public void update(String jobTitle, String companyName, LocalDate startDate, LocalDate endDate, LocalDateTime now) {
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end date before start date"); // chk_work_dates
        }
        this.jobTitle = jobTitle.trim();
        this.companyName = companyName.trim();
        this.startDate = startDate;
        this.endDate = endDate;
        touch(now);
    }

    public String jobTitle() {
        return jobTitle;
    }

    public String companyName() {
        return companyName;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }
}
