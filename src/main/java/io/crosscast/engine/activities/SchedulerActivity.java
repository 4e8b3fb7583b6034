package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.Text;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Waits for the next planned time, then emits its input on "out". Supported config, exactly one of:
 * <ul>
 *   <li>"at": an ISO-8601 instant (once; a time already past fires at once)</li>
 *   <li>"daily": HH:mm, the next such local time at or after now</li>
 *   <li>"weekly": DAY HH:mm with DAY a day name or its three first letters (MON, tuesday...), next such time at or after now</li>
 *   <li>"cron": a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]), e.g.
 *       {@code 0 0 9 ? * MON-FRI} for 9:00 on weekdays; the next matching time at or after now</li>
 * </ul>
 * "zone" (optional, default UTC): the time zone of daily/weekly/cron times, e.g. Europe/Paris. Cron expressions are
 * read with Quartz's {@code CronExpression}, a plain-Java class (no container API). Each pass computes one next time (stored under {@value WaitActivity#WAKE_UP}); recurrence is a loop in the
 * workflow back to the scheduler. A wait point: cycles through it are allowed ({@link WaitPointActivity}).
 */
public final class SchedulerActivity extends WaitPointActivity {

    @Override
    public String type() {
        return Types.SCHEDULER;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        long given = List.of("at", "daily", "weekly", "cron").stream()
                .filter(k -> def.config(k).isPresent())
                .count();
        if (given != 1) {
            problems.add(Text.of("scheduler.oneSchedule"));
            return problems;
        }
        try {
            nextTime(def, Instant.EPOCH);
        } catch (ActivityException e) {
            problems.add(e.text());
        }
        return problems;
    }

    /**
     * The first planned time at or after {@code now}; an {@link ActivityException} saying what is wrong when the
     * schedule cannot be read or never fires again.
     */
    public static Instant nextTime(ActivityDefinition def, Instant now) {
        var at = def.config("at");
        if (at.isPresent()) {
            try {
                return Instant.parse(at.get());
            } catch (DateTimeParseException e) {
                throw new ActivityException(Text.of("scheduler.badAt", at.get()), e);
            }
        }
        ZoneId zone = zone(def.config("zone").orElse("UTC"));
        var cron = def.config("cron");
        if (cron.isPresent()) {
            return nextCron(cron.get(), zone, now);
        }
        ZonedDateTime local = now.atZone(zone);
        var daily = def.config("daily");
        if (daily.isPresent()) {
            LocalTime time = time(daily.get(), Text.of("scheduler.badDaily", daily.get()));
            ZonedDateTime candidate = local.with(time);
            if (candidate.toInstant().isBefore(now)) {
                candidate = candidate.plusDays(1).with(time);
            }
            return candidate.toInstant();
        }
        String weekly = def.config("weekly").orElseThrow(() -> new ActivityException(Text.of("scheduler.oneSchedule")));
        String[] parts = weekly.strip().split("\\s+");
        if (parts.length != 2) {
            throw new ActivityException(Text.of("scheduler.badWeekly", weekly));
        }
        DayOfWeek day = day(parts[0]);
        LocalTime time = time(parts[1], Text.of("scheduler.badWeekly", weekly));
        ZonedDateTime candidate = local.with(TemporalAdjusters.nextOrSame(day)).with(time);
        if (candidate.toInstant().isBefore(now)) {
            candidate = local.with(TemporalAdjusters.next(day)).with(time);
        }
        return candidate.toInstant();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ActivityException(Text.of("scheduler.badZone", id), e);
        }
    }

    private static LocalTime time(String text, Text problem) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ActivityException(problem, e);
        }
    }

    /** The first time matching the cron expression at or after {@code now}. */
    private static Instant nextCron(String expression, ZoneId zone, Instant now) {
        CronExpression cron;
        try {
            cron = new CronExpression(expression.strip());
        } catch (ParseException e) {
            throw new ActivityException(Text.of("scheduler.badCron", expression, e.getMessage()), e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        // getNextValidTimeAfter is strictly after: start one second earlier so that "now" itself counts.
        Date next = cron.getNextValidTimeAfter(Date.from(now.minusSeconds(1)));
        if (next == null) {
            throw new ActivityException(Text.of("scheduler.cronOver", expression));
        }
        return next.toInstant();
    }

    private static DayOfWeek day(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || (upper.length() == 3 && d.name().startsWith(upper))) {
                return d;
            }
        }
        throw new ActivityException(Text.of("scheduler.badDay", name));
    }

    @Override
    Instant firstWakeUp(ActivityDefinition def, Instant now) {
        return nextTime(def, now);
    }

    @Override
    Text waitingLog(Instant wakeUp) {
        return Text.of("scheduler.log.scheduled", wakeUp);
    }
}
