package io.crosscast.audience;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Where an import puts its recipients besides the audience: a list, by name. The list package implements
 * it (it owns the lists and their members); the audience only knows that an import may name a list.
 */
public interface ImportListTarget {

    /** What each chunk of an import into the list of that name does; the list is created if missing. */
    ChunkStep list(String name);

    /** A step run in the transaction of each chunk of an import, once the chunk's recipients are written. */
    @FunctionalInterface
    interface ChunkStep {

        /**
         * @param connection the chunk's connection (its transaction)
         * @param chunk      the recipients of the chunk's lines, created or updated
         * @param now        the chunk's time
         */
        void afterChunk(Connection connection, RecipientSet chunk, OffsetDateTime now) throws SQLException;
    }
}
