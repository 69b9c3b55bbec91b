package id.narasiahli.profiles.boundary;

import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Bodies of history create/update requests; the rules mirror the columns and the plan's CHECKs so clients
 * get a 400 naming the field before the database would refuse. Classes with public fields, not records:
 * Payara's OpenAPI scanner fails on constraint annotations of record components.
 */
public final class Requests {

    private Requests() {
    }

    @Schema(name = "EducationRequest")
    public static class Education {
        @NotBlank @Size(max = EducationHistory.SCHOOL_NAME_LENGTH)
        public String schoolName;
        @NotBlank @Size(max = EducationHistory.MAJOR_LENGTH)
        public String major;
        @NotBlank @Size(max = EducationHistory.EDUCATION_LEVEL_LENGTH)
        public String educationLevel;
        @NotNull @Min(EducationHistory.FIRST_GRADUATION_YEAR) @Max(EducationHistory.LAST_GRADUATION_YEAR)
        public Integer graduationYear;
    }

    /** endDate, when given, must not be before startDate (checked in {@link Histories}). */
    @Schema(name = "WorkRequest")
    public static class Work {
        @NotBlank @Size(max = WorkHistory.JOB_TITLE_LENGTH)
        public String jobTitle;
        @NotBlank @Size(max = WorkHistory.COMPANY_NAME_LENGTH)
        public String companyName;
        @NotNull
        public LocalDate startDate;
        public LocalDate endDate;
    }

    /** journalUrl must be an absolute http(s) URL (checked in {@link Histories}). */
    @Schema(name = "JournalRequest")
    public static class Journal {
        @NotBlank @Size(max = ResearchJournal.JOURNAL_TITLE_LENGTH)
        public String journalTitle;
        @NotBlank @Size(max = ResearchJournal.PUBLISHER_LENGTH)
        public String publisher;
        @NotBlank @Size(max = ResearchJournal.JOURNAL_URL_LENGTH)
        public String journalUrl;
        public LocalDate publishedDate;
    }
}
