package io.crosscast.list;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
import io.crosscast.audience.RecipientSet;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.platform.sql.NativeSql;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Recipient lists. Membership is changed set-based in SQL (INSERT ... SELECT, DELETE ... WHERE): adding
 * a million recipients to a list loads none of them.
 */
@Stateless
public class ListService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConditionCompiler compiler;

    public RecipientList create(String name, String description) {
        requireFreeName(name, null);
        RecipientList list = new RecipientList(name, description);
        em.persist(list);
        return list;
    }

    public RecipientList rename(long listId, String newName, String description) {
        RecipientList list = require(listId);
        requireFreeName(newName, listId);
        list.setName(newName);
        list.setDescription(description);
        return list;
    }

    public void delete(long listId) {
        NativeSql.update(em, "DELETE FROM list_member WHERE list_id = ?", List.of(listId));
        em.remove(require(listId));
    }

    public Optional<RecipientList> find(long listId) {
        return Optional.ofNullable(em.find(RecipientList.class, listId));
    }

    /** The list of that name (case-insensitive), created if missing. */
    public RecipientList findOrCreate(String name) {
        return findByName(name).orElseGet(() -> create(name, null));
    }

    public Optional<RecipientList> findByName(String name) {
        return em.createQuery("SELECT l FROM RecipientList l WHERE l.nameKey = :key", RecipientList.class)
                .setParameter("key", RecipientList.keyOf(name))
                .getResultStream()
                .findFirst();
    }

    public List<ListSummary> all() {
        List<?> rows = em.createNativeQuery("SELECT l.id, l.name, l.description, l.updated_at,"
                        + " (SELECT COUNT(*) FROM list_member m WHERE m.list_id = l.id)"
                        + " FROM recipient_list l ORDER BY l.name_key")
                .getResultList();
        List<ListSummary> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.add(new ListSummary(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[4]).longValue()));
        }
        return result;
    }

    /** Ids and names of every list, by name: for choosers, without counting members. */
    public List<ListName> names() {
        return em.createQuery(
                        "SELECT new io.crosscast.list.ListName(l.id, l.name) FROM RecipientList l"
                                + " ORDER BY l.nameKey",
                        ListName.class)
                .getResultList();
    }

    public long memberCount(long listId) {
        return NativeSql.count(em, "SELECT COUNT(*) FROM list_member WHERE list_id = ?", List.of(listId));
    }

    /** One page of the list's members, by last name then first name. */
    @SuppressWarnings("unchecked")
    public List<Recipient> members(long listId, int first, int pageSize) {
        return NativeSql.query(
                        em,
                        "SELECT r.* FROM recipient r JOIN list_member m ON m.recipient_id = r.id"
                                + " WHERE m.list_id = ? ORDER BY r.last_name NULLS LAST, r.first_name NULLS LAST, r.id"
                                + " LIMIT ? OFFSET ?",
                        Recipient.class,
                        List.of(listId, Math.max(1, Math.min(pageSize, 1000)), Math.max(0, first)))
                .getResultList();
    }

    /** Adds everyone matching the condition who is not yet a member; returns how many were added. */
    public int addMatching(long listId, Condition condition) {
        require(listId);
        return run(MemberStatements.add(listId, matching(condition), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Adds everyone matching the condition to the list of that name, created if missing; returns how many were added. */
    public int addMatchingToNamedList(String listName, Condition condition) {
        return addMatching(findOrCreate(listName).getId(), condition);
    }

    /**
     * Makes the list hold exactly the recipients matching the condition (members who stay keep their date
     * of joining); returns the new member count.
     */
    public long replaceWithMatching(long listId, Condition condition) {
        return changeMembers(listId, condition, MembershipChange.REPLACE).members();
    }

    /** Removes the members matching the condition; returns how many left the list. */
    public int removeMatching(long listId, Condition condition) {
        require(listId);
        return run(MemberStatements.remove(listId, matching(condition)));
    }

    /** Removes the given recipients from the list; returns how many were members. */
    public int removeMembers(long listId, Collection<Long> recipientIds) {
        requireId(listId);
        if (recipientIds.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(recipientIds.size() + 1);
        parameters.add(listId);
        parameters.addAll(recipientIds);
        String placeholders = String.join(", ", Collections.nCopies(recipientIds.size(), "?"));
        return NativeSql.update(
                em, "DELETE FROM list_member WHERE list_id = ? AND recipient_id IN (" + placeholders + ")", parameters);
    }

    /** The list with its member count. */
    public ListSummary summary(long listId) {
        RecipientList list = require(listId);
        return new ListSummary(list.getId(), list.getName(), list.getDescription(), memberCount(listId));
    }

    /** Renames the list and changes its description (see {@link #rename}); returns it with its member count. */
    public ListSummary update(long listId, String newName, String description) {
        rename(listId, newName, description);
        em.flush(); // the entity trims the name when it is written
        return summary(listId);
    }

    /** The member count and one page of the members (see {@link #members}); the list must exist. */
    public RecipientPage memberPage(long listId, int first, int pageSize) {
        require(listId);
        return new RecipientPage(memberCount(listId), members(listId, first, pageSize));
    }

    /**
     * Adds, replaces or removes members by a condition, set-based, and reports how many recipients joined
     * or left and how many members the list has now. {@link MembershipChange#REPLACE} removes the members
     * who do not match, then adds those who match, so members who stay keep their date of joining. A
     * condition that tests this same list is evaluated again at each step.
     */
    public MembershipResult changeMembers(long listId, Condition condition, MembershipChange change) {
        return changeMembers(listId, matching(condition), change);
    }

    /**
     * The same for a set of recipients that another package holds (e.g. a workflow's population), in the
     * caller's transaction: the List update activity changes lists this way.
     */
    public MembershipResult changeMembers(long listId, RecipientSet recipients, MembershipChange change) {
        require(listId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int changed = switch (change) {
            case ADD -> run(MemberStatements.add(listId, recipients, now));
            case REMOVE -> run(MemberStatements.remove(listId, recipients));
            case REPLACE ->
                run(MemberStatements.keepOnly(listId, recipients)) + run(MemberStatements.add(listId, recipients, now));
        };
        return new MembershipResult(changed, memberCount(listId));
    }

    private RecipientSet matching(Condition condition) {
        return RecipientSet.matching(compiler.compile(condition, "r"));
    }

    private int run(MemberStatements.Statement statement) {
        return NativeSql.update(em, statement.sql(), statement.parameters());
    }

    private long requireId(long listId) {
        require(listId);
        return listId;
    }

    private RecipientList require(long listId) {
        RecipientList list = em.find(RecipientList.class, listId);
        if (list == null) {
            throw new ListException("list.notFound", "List " + listId + " does not exist.");
        }
        return list;
    }

    private void requireFreeName(String name, Long exceptId) {
        if (name == null || name.isBlank()) {
            throw new ListException("list.nameRequired", "A list needs a name.");
        }
        if (name.trim().length() > 200) {
            throw new ListException("list.nameTooLong", "A list name has at most 200 characters.");
        }
        findByName(name).filter(other -> !other.getId().equals(exceptId)).ifPresent(other -> {
            throw new ListException("list.nameTaken", "A list named '" + other.getName() + "' already exists.");
        });
    }
}
