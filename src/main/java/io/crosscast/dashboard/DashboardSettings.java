package io.crosscast.dashboard;

/**
 * The administrator's alert thresholds of the home dashboard, as system properties (README, administrator's
 * part):
 * <ul>
 *   <li>{@value #BOUNCE_PERCENT}: a recent delivery whose bounce rate is above it is an alert (default 5)</li>
 *   <li>{@value #OPT_OUT_PERCENT}: a recent delivery whose opt-out rate is above it is an alert (default 2)</li>
 *   <li>{@value #ALERT_DAYS}: how far back deliveries are looked at (default 7)</li>
 * </ul>
 */
public record DashboardSettings(double bouncePercent, double optOutPercent, int alertDays) {

    public static final String BOUNCE_PERCENT = "crosscast.dashboard.bounceAlertPercent";
    public static final String OPT_OUT_PERCENT = "crosscast.dashboard.optOutAlertPercent";
    public static final String ALERT_DAYS = "crosscast.dashboard.alertDays";

    /** The server's settings, read now. */
    public static DashboardSettings configured() {
        return new DashboardSettings(
                percent(System.getProperty(BOUNCE_PERCENT), 5),
                percent(System.getProperty(OPT_OUT_PERCENT), 2),
                Math.max(1, Integer.getInteger(ALERT_DAYS, 7)));
    }

    private static double percent(String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return parsed >= 0 && parsed <= 100 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
