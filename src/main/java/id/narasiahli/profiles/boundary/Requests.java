package id.narasiahli.profiles.boundary;

import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Bodies of history create/update requests; the rules mirror the columns and the plan's CHECKs so clients
 * get a 400 naming the field before the database would refuse.
 */
public final class Requests {

    private Requests() {
    }

    public record Education(
            @NotBlank @Size(max = EducationHistory.SCHOOL_NAME_LENGTH) String schoolName,
            @NotBlank @Size(max = EducationHistory.MAJOR_LENGTH) String major,
            @NotBlank @Size(max = EducationHistory.EDUCATION_LEVEL_LENGTH) String educationLevel,
            @NotNull @Min(EducationHistory.FIRST_GRADUATION_YEAR) @Max(EducationHistory.LAST_GRADUATION_YEAR) Integer graduationYear) {
    }

    /** endDate, when given, must not be before startDate (checked in {@link Histories}). */
    public record Work(
            @NotBlank @Size(max = WorkHistory.JOB_TITLE_LENGTH) String jobTitle,
            @NotBlank @Size(max = WorkHistory.COMPANY_NAME_LENGTH) String companyName,
            @NotNull LocalDate startDate,
            LocalDate endDate) {
    }

    /** journalUrl must be an absolute http(s) URL (checked in {@link Histories}). */
    public record Journal(
            @NotBlank @Size(max = ResearchJournal.JOURNAL_TITLE_LENGTH) String journalTitle,
            @NotBlank @Size(max = ResearchJournal.PUBLISHER_LENGTH) String publisher,
            @NotBlank @Size(max = ResearchJournal.JOURNAL_URL_LENGTH) String journalUrl,
            LocalDate publishedDate) {
    }
}
