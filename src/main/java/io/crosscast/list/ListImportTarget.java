package io.crosscast.list;

import io.crosscast.audience.ImportListTarget;
import io.crosscast.platform.sql.NativeSql;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/** Imports into a list: each chunk's recipients join the list (created if missing) in the chunk's transaction. */
@ApplicationScoped
public class ListImportTarget implements ImportListTarget {

    @EJB
    private ListService lists;

    @Override
    public ChunkStep list(String name) {
        long listId = lists.findOrCreate(name).getId();
        return (connection, chunk, now) -> {
            MemberStatements.Statement add = MemberStatements.add(listId, chunk, now);
            NativeSql.update(connection, add.sql(), add.parameters());
        };
    }
}
