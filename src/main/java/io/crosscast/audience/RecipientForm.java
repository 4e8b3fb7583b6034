package io.crosscast.audience;

import java.time.LocalDate;

/**
 * What a user or an API client writes about a recipient, before normalisation (the phone as typed, the
 * email with its case). Used by the edit page and the REST API.
 */
public class RecipientForm implements java.io.Serializable {

    private String firstName;
    private String lastName;
    private String email;
    private String mobilePhone;
    private MembershipStatus status = MembershipStatus.NONE;
    private String country;
    private String language;
    private LocalDate birthDate;
    private boolean emailOptOut;
    private boolean smsOptOut;

    public static RecipientForm of(Recipient r) {
        RecipientForm form = new RecipientForm();
        form.firstName = r.getFirstName();
        form.lastName = r.getLastName();
        form.email = r.getEmail();
        form.mobilePhone = r.getMobilePhone();
        form.status = r.getStatus();
        form.country = r.getCountry();
        form.language = r.getLanguage();
        form.birthDate = r.getBirthDate();
        form.emailOptOut = r.isEmailOptOut();
        form.smsOptOut = r.isSmsOptOut();
        return form;
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
}
