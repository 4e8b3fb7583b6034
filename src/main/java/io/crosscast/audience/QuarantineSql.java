package io.crosscast.audience;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.TimeStep;

/**
 * The quarantine chart's SQL, apart from {@link QuarantineService}: an EJB may not have static methods that its
 * clients call (WildFly warns, WFLYEJB0131), and the dashboard's test runs this statement on H2 by itself.
 */
public final class QuarantineSql {

    private QuarantineSql() {}

    /** Quarantined per bucket of one time column (a constant); parameters: from, until. */
    public static String perStep(String column, TimeStep step, DatabaseVendor vendor) {
        return "SELECT x.bucket, COUNT(*) FROM (SELECT " + step.bucketOf(column, vendor) + " AS bucket FROM recipient"
                + " WHERE " + column + " >= ? AND " + column + " < ?) x GROUP BY x.bucket";
    }
}
