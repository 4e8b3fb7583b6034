package io.crosscast.tracking;

import java.util.List;

/**
 * People's and machines' opens and clicks of one delivery. Openers count recipients with an open or a
 * click (a click implies an open); machines' figures count recipients with at least one machine hit, who
 * may also be counted among the people (a scanner checks the link, then the person clicks it).
 *
 * @param peopleOpened     recipients with a PERSON open or click
 * @param peopleClicked    recipients with a PERSON click
 * @param machinesOpened   recipients with a PRIVACY_PROXY or SCANNER open or click
 * @param machinesClicked  recipients with a SCANNER click
 * @param unclassified     opens and clicks the classifier has not looked at yet
 * @param reasons          hits by actor and reason, most first
 */
public record ActorFigures(
        long peopleOpened,
        long peopleClicked,
        long machinesOpened,
        long machinesClicked,
        long unclassified,
        List<ReasonCount> reasons)
        implements java.io.Serializable {

    public ActorFigures {
        reasons = List.copyOf(reasons);
    }

    /**
     * How many hits of a kind one rule classified.
     *
     * @param actor  PERSON, PRIVACY_PROXY or SCANNER
     * @param reason the rule's code, e.g. HONEYPOT
     * @param type   OPEN or CLICK
     * @param hits   how many logs
     * @param recipients how many distinct recipients
     */
    public record ReasonCount(String actor, String reason, String type, long hits, long recipients)
            implements java.io.Serializable {}
}
