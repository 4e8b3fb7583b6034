package io.crosscast.campaign;

/**
 * Why a request about campaigns cannot be done. {@link #code()} is the key of its translation; the English
 * text is the exception's message.
 */
public enum CampaignProblem {
    LABEL_REQUIRED("A campaign needs a label."),
    LABEL_TOO_LONG("A campaign label has at most " + Campaign.MAX_LABEL + " characters."),
    DESCRIPTION_TOO_LONG("A campaign description has at most " + Campaign.MAX_DESCRIPTION + " characters."),
    OWNER_TOO_LONG("An owner name has at most " + Campaign.MAX_OWNER + " characters."),
    END_BEFORE_START("The end date cannot be before the start date."),
    NOT_FOUND("This campaign does not exist."),
    DELIVERY_NOT_FOUND("This delivery does not exist."),
    NOT_DRAFT("Only a draft campaign can be changed or deleted."),
    STATUS_CHANGE("The campaign cannot move to this status."),
    CLOSED("A finished or cancelled campaign takes no new delivery.");

    private final String english;

    CampaignProblem(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }

    /** The key of the text in the UI's message bundles. */
    public String code() {
        return "campaign.problem." + name();
    }
}
