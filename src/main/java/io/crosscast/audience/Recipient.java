package io.crosscast.audience;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Someone Crosscast can reach: by email, by SMS, or both. The email is unique whatever its case; the
 * mobile phone is stored in E.164 form. Opt-outs are the recipient's choice, quarantines the deliveries'
 * finding (an address that bounces).
 */
@Entity
@Table(name = "recipient")
public class Recipient implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Size(max = 100)
    @Column(name = "first_name", length = 100)
    private String firstName;

    @Size(max = 100)
    @Column(name = "last_name", length = 100)
    private String lastName;

    @Size(max = 254)
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "email_key", length = 254)
    private String emailKey;

    @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "{recipient.mobilePhone.e164}")
    @Column(name = "mobile_phone", length = 16)
    private String mobilePhone;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private MembershipStatus status = MembershipStatus.NONE;

    @Pattern(regexp = "[A-Z]{2}", message = "{recipient.country.iso}")
    @Column(name = "country", length = 2)
    private String country;

    @Size(max = 8)
    @Column(name = "language", length = 8)
    private String language;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "email_opt_out", nullable = false)
    private boolean emailOptOut;

    @Column(name = "sms_opt_out", nullable = false)
    private boolean smsOptOut;

    @Column(name = "email_quarantined_at")
    private Instant emailQuarantinedAt;

    @Column(name = "email_quarantine_reason", length = 500)
    private String emailQuarantineReason;

    @Column(name = "sms_quarantined_at")
    private Instant smsQuarantinedAt;

    @Column(name = "sms_quarantine_reason", length = 500)
    private String smsQuarantineReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @PrePersist
    void beforeInsert() {
        createdAt = Instant.now();
        beforeUpdate();
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now();
        emailKey = email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public String getMobilePhone() {
        return mobilePhone;
    }

    public void setMobilePhone(String mobilePhone) {
        this.mobilePhone = mobilePhone;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public void setStatus(MembershipStatus status) {
        this.status = status;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public boolean isEmailOptOut() {
        return emailOptOut;
    }

    public void setEmailOptOut(boolean emailOptOut) {
        this.emailOptOut = emailOptOut;
    }

    public boolean isSmsOptOut() {
        return smsOptOut;
    }

    public void setSmsOptOut(boolean smsOptOut) {
        this.smsOptOut = smsOptOut;
    }

    public Instant getEmailQuarantinedAt() {
        return emailQuarantinedAt;
    }

    public String getEmailQuarantineReason() {
        return emailQuarantineReason;
    }

    public Instant getSmsQuarantinedAt() {
        return smsQuarantinedAt;
    }

    public String getSmsQuarantineReason() {
        return smsQuarantineReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
