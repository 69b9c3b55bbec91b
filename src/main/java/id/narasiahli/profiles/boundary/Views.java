package id.narasiahli.profiles.boundary;

import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What the API shows of history entries (entities never go to JSON directly). */
public final class Views {

    private Views() {
    }

    public record Education(int id, String schoolName, String major, String educationLevel, int graduationYear,
                            String certificateImage, LocalDateTime createdAt, LocalDateTime updatedAt) {

        static Education of(EducationHistory e) {
            return new Education(e.id(), e.schoolName(), e.major(), e.educationLevel(), e.graduationYear(),
                    e.certificateImage(), e.createdAt(), e.updatedAt());
        }
    }

    public record Work(int id, String jobTitle, String companyName, LocalDate startDate, LocalDate endDate,
                       LocalDateTime createdAt, LocalDateTime updatedAt) {

        static Work of(WorkHistory w) {
            return new Work(w.id(), w.jobTitle(), w.companyName(), w.startDate(), w.endDate(), w.createdAt(), w.updatedAt());
        }
    }

    public record Journal(int id, String journalTitle, String publisher, String journalUrl, LocalDate publishedDate,
                          LocalDateTime createdAt, LocalDateTime updatedAt) {

        static Journal of(ResearchJournal j) {
            return new Journal(j.id(), j.journalTitle(), j.publisher(), j.journalUrl(), j.publishedDate(),
                    j.createdAt(), j.updatedAt());
        }
    }

    /** Public view of an education entry: whether a certificate exists, not where (it is the owner's file). */
    public record PublicEducation(String schoolName, String major, String educationLevel, int graduationYear,
                                  boolean hasCertificate) {

        static PublicEducation of(EducationHistory e) {
            return new PublicEducation(e.schoolName(), e.major(), e.educationLevel(), e.graduationYear(),
                    e.certificateImage() != null);
        }
    }

    public record PublicWork(String jobTitle, String companyName, LocalDate startDate, LocalDate endDate) {

        static PublicWork of(WorkHistory w) {
            return new PublicWork(w.jobTitle(), w.companyName(), w.startDate(), w.endDate());
        }
    }

    public record PublicJournal(String journalTitle, String publisher, String journalUrl, LocalDate publishedDate) {

        static PublicJournal of(ResearchJournal j) {
            return new PublicJournal(j.journalTitle(), j.publisher(), j.journalUrl(), j.publishedDate());
        }
    }
}
