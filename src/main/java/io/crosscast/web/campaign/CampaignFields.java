package io.crosscast.web.campaign;

import io.crosscast.campaign.CampaignContent;
import java.io.Serializable;
import java.time.LocalDate;

/** The properties of a campaign as a form edits them (the new-campaign dialog and the Summary tab). */
public class CampaignFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String label;
    private String description;
    private LocalDate startDate;
    private LocalDate endDate;
    private String owner;

    /** The fields showing a campaign's properties. */
    public static CampaignFields of(CampaignContent content) {
        CampaignFields fields = new CampaignFields();
        fields.label = content.label();
        fields.description = content.description();
        fields.startDate = content.startDate();
        fields.endDate = content.endDate();
        fields.owner = content.owner();
        return fields;
    }

    /** What the fields say, for the service to check and save. */
    public CampaignContent content() {
        return new CampaignContent(label, description, startDate, endDate, owner);
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
