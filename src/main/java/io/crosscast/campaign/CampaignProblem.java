package io.crosscast.campaign;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/**
 * Why a request about campaigns cannot be done. {@link #code()} is the key of its text in the web bundles; the
 * English text is the exception's message.
 */
public enum CampaignProblem {
    LABEL_REQUIRED,
    LABEL_TOO_LONG,
    DESCRIPTION_TOO_LONG,
    OWNER_TOO_LONG,
    END_BEFORE_START,
    NOT_FOUND,
    DELIVERY_NOT_FOUND,
    NOT_DRAFT,
    STATUS_CHANGE,
    CLOSED;

    /** The English text, from the bundle. */
    public String english() {
        return EnglishTemplate.text(EnglishTemplate.MESSAGES, code(), List.of());
    }

    /** The key of the text in the UI's message bundles. */
    public String code() {
        return "campaign.problem." + name();
    }
}
