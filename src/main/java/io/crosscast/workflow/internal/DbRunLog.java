package io.crosscast.workflow.internal;

import io.crosscast.engine.RunLog;
import io.crosscast.platform.sql.NativeSql;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** The engine's run log as rows of {@code run_log}, in the caller's transaction. */
public class DbRunLog implements RunLog {

    private final EntityManager em;
    private final long runId;

    public DbRunLog(EntityManager em, long runId) {
        this.em = em;
        this.runId = runId;
    }

    @Override
    public void write(String activityId, String message) {
        String text = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        NativeSql.update(em, "INSERT INTO run_log (run_id, logged_at, activity_id, message) VALUES (?, ?, ?, ?)",
                Arrays.asList(runId, OffsetDateTime.now(ZoneOffset.UTC), activityId, text));
    }

    static List<Object[]> latest(EntityManager em, long runId, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.query(em, "SELECT logged_at, activity_id, message FROM run_log"
                + " WHERE run_id = ? ORDER BY id DESC LIMIT ?", List.of(runId, max)).getResultList();
        return rows;
    }
}
