package io.crosscast.workflow.internal;

import io.crosscast.engine.RunLog;
import io.crosscast.engine.Text;
import io.crosscast.platform.sql.NativeSql;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's run log as rows of {@code run_log}, in the caller's transaction: the line's English message
 * (what the REST API answers) and its text as JSON ({@link TextJson}, for the pages, in the reader's language).
 */
public class DbRunLog implements RunLog {

    static final String INSERT =
            "INSERT INTO run_log (run_id, logged_at, activity_id, message, text_json)" + " VALUES (?, ?, ?, ?, ?)";
    static final String LATEST = "SELECT logged_at, activity_id, message, text_json FROM run_log"
            + " WHERE run_id = ? ORDER BY id DESC LIMIT ?";
    /** The sizes of the columns message and text_json. */
    static final int MAX_MESSAGE = 2000;

    static final int MAX_TEXT_JSON = 4000;
    /** Arguments longer than this (an exception's message) are cut in the stored text. */
    static final int MAX_ARGUMENT = 500;

    private final EntityManager em;
    private final long runId;

    public DbRunLog(EntityManager em, long runId) {
        this.em = em;
        this.runId = runId;
    }

    @Override
    public void write(String activityId, Text message) {
        NativeSql.update(
                em,
                INSERT,
                Arrays.asList(
                        runId, OffsetDateTime.now(ZoneOffset.UTC), activityId, english(message), textJson(message)));
    }

    /** The message column: the English text, cut to the column's size. */
    static String english(Text text) {
        return cut(text.english(), MAX_MESSAGE);
    }

    /** The text_json column: the text with long arguments cut; null when it would still not fit. */
    static String textJson(Text text) {
        String json = TextJson.write(shortened(text));
        return json.length() > MAX_TEXT_JSON ? null : json;
    }

    private static Text shortened(Text text) {
        List<Object> args = new ArrayList<>();
        for (Object arg : text.args()) {
            args.add(arg instanceof Text nested ? shortened(nested) : cut((String) arg, MAX_ARGUMENT));
        }
        return new Text(text.key(), args);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 3) + "..." : text;
    }

    /** The latest lines, newest first: logged_at, activity_id, message, text_json. */
    static List<Object[]> latest(EntityManager em, long runId, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.query(em, LATEST, List.of(runId, max)).getResultList();
        return rows;
    }
}
