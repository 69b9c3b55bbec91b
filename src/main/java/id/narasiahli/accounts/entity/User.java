package id.narasiahli.accounts.entity;

import id.narasiahli.platform.control.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/** A person with an account: credentials and role, plus the profile fields of the schema plan. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.FIND_BY_EMAIL, query = "SELECT u FROM User u WHERE LOWER(u.email) = :email")
public class User {

    public static final String FIND_BY_EMAIL = "User.findByEmail";

    public static final int FULL_NAME_LENGTH = 255;
    public static final int EMAIL_LENGTH = 255;
    public static final int PHONE_LENGTH = 20;
    public static final int LAST_EDUCATION_LENGTH = 255;
    public static final int DEGREE_LENGTH = 100;
    public static final int LAST_JOB_TITLE_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "fullname", nullable = false, length = FULL_NAME_LENGTH)
    private String fullName;

    @Column(name = "email", nullable = false, length = EMAIL_LENGTH)
    private String email;

    /** Encrypted at rest (PhoneNumberConverter); the column holds at most 1 + 4 + 15 characters. */
    @Column(name = "phone_number", length = PHONE_LENGTH)
    @Convert(converter = PhoneNumberConverter.class)
    private String phoneNumber;

    @Column(name = "whatsapp_number", length = PHONE_LENGTH)
    @Convert(converter = PhoneNumberConverter.Whatsapp.class)
    private String whatsappNumber;

    @Column(name = "last_education", length = LAST_EDUCATION_LENGTH)
    private String lastEducation;

    @Column(name = "degree", length = DEGREE_LENGTH)
    private String degree;

    @Column(name = "last_job_title", length = LAST_JOB_TITLE_LENGTH)
    private String lastJobTitle;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected User() {
        // for JPA
    }

    public User(String email, String fullName, String passwordHash, Role role) {
        this.email = Objects.requireNonNull(email).trim();
        this.fullName = Objects.requireNonNull(fullName).trim();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static LocalDateTime now() {
        return Timestamps.now();
    }

    public void touch() {
        updatedAt = now();
    }

    public Integer id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public String whatsappNumber() {
        return whatsappNumber;
    }

    public String lastEducation() {
        return lastEducation;
    }

    public String degree() {
        return degree;
    }

    public String lastJobTitle() {
        return lastJobTitle;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    public void changeFullName(String value) {
        fullName = Objects.requireNonNull(value).trim();
    }

    public void changeEmail(String value) {
        email = Objects.requireNonNull(value).trim();
    }

    public void changePhoneNumber(String value) {
        phoneNumber = value;
    }

    public void changeWhatsappNumber(String value) {
        whatsappNumber = value;
    }

    public void changeLastEducation(String value) {
        lastEducation = value;
    }

    public void changeDegree(String value) {
        degree = value;
    }

    public void changeLastJobTitle(String value) {
        lastJobTitle = value;
    }

    public void changePasswordHash(String value) {
        passwordHash = Objects.requireNonNull(value);
    }

    public void changeRole(Role value) {
        role = Objects.requireNonNull(value);
    }
}
