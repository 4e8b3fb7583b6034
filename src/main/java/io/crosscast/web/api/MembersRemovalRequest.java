package io.crosscast.web.api;

import java.util.List;

/** The body of {@code DELETE /api/lists/{id}/members}: {@code {"recipientIds": [12, 15]}}. */
public class MembersRemovalRequest {

    private List<Long> recipientIds;

    public List<Long> getRecipientIds() {
        return recipientIds;
    }

    public void setRecipientIds(List<Long> recipientIds) {
        this.recipientIds = recipientIds;
    }
}
