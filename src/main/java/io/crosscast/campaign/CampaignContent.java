package io.crosscast.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the marketer writes about a campaign. Blank texts count as none. */
public record CampaignContent(String label, String description, LocalDate startDate, LocalDate endDate, String owner) {

    /** Every problem of these properties; empty when they can be saved. */
    public List<CampaignProblem> problems() {
        List<CampaignProblem> problems = new ArrayList<>();
        String l = strip(label);
        if (l == null) {
            problems.add(CampaignProblem.LABEL_REQUIRED);
        } else if (l.length() > Campaign.MAX_LABEL) {
            problems.add(CampaignProblem.LABEL_TOO_LONG);
        }
        String d = strip(description);
        if (d != null && d.length() > Campaign.MAX_DESCRIPTION) {
            problems.add(CampaignProblem.DESCRIPTION_TOO_LONG);
        }
        String o = strip(owner);
        if (o != null && o.length() > Campaign.MAX_OWNER) {
            problems.add(CampaignProblem.OWNER_TOO_LONG);
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            problems.add(CampaignProblem.END_BEFORE_START);
        }
        return problems;
    }

    /** The value stripped, or null when it is blank. */
    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
