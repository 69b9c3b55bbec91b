package id.narasiahli.profiles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A school a user graduated from (plan step 2). */
@Entity
@Table(name = "education_histories")
public class EducationHistory extends OwnedRecord {

    public static final int SCHOOL_NAME_LENGTH = 255;
    public static final int MAJOR_LENGTH = 255;
    public static final int EDUCATION_LEVEL_LENGTH = 100;
    public static final int CERTIFICATE_IMAGE_LENGTH = 500;
    /** chk_graduation_year */
    public static final int FIRST_GRADUATION_YEAR = 1950;
    public static final int LAST_GRADUATION_YEAR = 2030;

    @Column(name = "school_name", nullable = false, length = SCHOOL_NAME_LENGTH)
    private String schoolName;

    @Column(name = "major", nullable = false, length = MAJOR_LENGTH)
    private String major;

    @Column(name = "education_level", nullable = false, length = EDUCATION_LEVEL_LENGTH)
    private String educationLevel;

    @Column(name = "graduation_year", nullable = false)
    private Integer graduationYear;

    @Column(name = "certificate_image", length = CERTIFICATE_IMAGE_LENGTH)
    private String certificateImage;

    protected EducationHistory() {
        // for JPA
    }

    public EducationHistory(Integer userId, LocalDateTime now) {
        super(userId, now);
    }

    public void update(String schoolName, String major, String educationLevel, int graduationYear, LocalDateTime now) {
        if (graduationYear < FIRST_GRADUATION_YEAR || graduationYear > LAST_GRADUATION_YEAR) {
            throw new IllegalArgumentException("graduation year outside " + FIRST_GRADUATION_YEAR + "-" + LAST_GRADUATION_YEAR);
        }
        this.schoolName = schoolName.trim();
        this.major = major.trim();
        this.educationLevel = educationLevel.trim();
        this.graduationYear = graduationYear;
        touch(now);
    }

    public void attachCertificate(String downloadPath, LocalDateTime now) {
        certificateImage = downloadPath;
        touch(now);
    }

    public String schoolName() {
        return schoolName;
    }

    public String major() {
        return major;
    }

    public String educationLevel() {
        return educationLevel;
    }

    public Integer graduationYear() {
        return graduationYear;
    }

    public String certificateImage() {
        return certificateImage;
    }
}
