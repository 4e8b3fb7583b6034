package io.crosscast.platform.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Runs SQL whose values are all bound parameters ({@code ?}), never concatenated into the text. */
public final class NativeSql {

    private NativeSql() {}

    public static Query query(EntityManager em, String sql, List<?> parameters) {
        Query query = em.createNativeQuery(sql);
        bind(query, parameters);
        return query;
    }

    public static <T> Query query(EntityManager em, String sql, Class<T> entity, List<?> parameters) {
        Query query = em.createNativeQuery(sql, entity);
        bind(query, parameters);
        return query;
    }

    public static long count(EntityManager em, String sql, List<?> parameters) {
        return ((Number) query(em, sql, parameters).getSingleResult()).longValue();
    }

    public static int update(EntityManager em, String sql, List<?> parameters) {
        return query(em, sql, parameters).executeUpdate();
    }

    /** The same on a JDBC connection (the caller's transaction). */
    public static int update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement.executeUpdate();
        }
    }

    private static void bind(Query query, List<?> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
