package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.Group;
import io.crosscast.audience.condition.Logic;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.it.support.Deployments;
import io.crosscast.list.ListException;
import io.crosscast.list.ListService;
import io.crosscast.list.RecipientList;
import jakarta.ejb.EJB;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Lists and their membership, changed set-based, and the member-of-list condition. */
@ExtendWith(ArquillianExtension.class)
class ListServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private ListService lists;

    @EJB
    private RecipientService recipients;

    private String token;
    private final List<Recipient> people = new ArrayList<>();

    @BeforeEach
    void tenRecipients() {
        token = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        people.clear();
        for (int i = 0; i < 10; i++) {
            RecipientForm form = new RecipientForm();
            form.setFirstName("M" + i);
            form.setLastName(token);
            form.setStatus(i < 4 ? MembershipStatus.GOLD : MembershipStatus.BRONZE);
            people.add(recipients.create(form));
        }
    }

    @Test
    void addingMatchingRecipientsIsIdempotent() {
        RecipientList list = lists.create("Gold " + token, null);
        assertEquals(4, lists.addMatching(list.getId(), gold()));
        assertEquals(0, lists.addMatching(list.getId(), gold()), "members are never added twice");
        assertEquals(10 - 4, lists.addMatching(list.getId(), mine()));
        assertEquals(10, lists.memberCount(list.getId()));
    }

    @Test
    void replaceRemoveAndTheMembershipCondition() {
        RecipientList list = lists.create("Mixed " + token, "test");
        lists.addMatching(list.getId(), mine());
        assertEquals(4, lists.replaceWithMatching(list.getId(), gold()));

        Condition members = new Group(
                Logic.AND,
                List.of(new Rule("list", Operator.MEMBER_OF_LIST, List.of(String.valueOf(list.getId()))), mine()));
        Condition nonMembers = new Group(
                Logic.AND,
                List.of(new Rule("list", Operator.NOT_MEMBER_OF_LIST, List.of(String.valueOf(list.getId()))), mine()));
        assertEquals(4, recipients.count(members));
        assertEquals(6, recipients.count(nonMembers));

        assertEquals(
                1,
                lists.removeMembers(
                        list.getId(),
                        List.of(people.get(0).getId(), people.get(9).getId())));
        assertEquals(3, lists.memberCount(list.getId()));
        assertEquals(3, lists.removeMatching(list.getId(), mine()));
        assertEquals(0, lists.memberCount(list.getId()));
    }

    @Test
    void namesAreUniqueWhateverTheCaseAndFindOrCreateReusesThem() {
        RecipientList list = lists.create("Engaged " + token, null);
        ListException taken =
                assertThrows(ListException.class, () -> lists.create("  engaged " + token.toLowerCase(), null));
        assertEquals("list.nameTaken", taken.code());
        assertEquals(list.getId(), lists.findOrCreate("ENGAGED " + token).getId());
        RecipientList created = lists.findOrCreate("Brand new " + token);
        assertTrue(lists.find(created.getId()).isPresent());
        assertThrows(ListException.class, () -> lists.create(" ", null));
    }

    @Test
    void deletingAListDeletesItsMembershipsOnly() {
        RecipientList list = lists.create("Doomed " + token, null);
        lists.addMatching(list.getId(), mine());
        lists.delete(list.getId());
        assertTrue(lists.find(list.getId()).isEmpty());
        assertEquals(10, recipients.count(mine()), "recipients stay");
        assertThrows(ListException.class, () -> lists.delete(-1));
    }

    private Condition mine() {
        return new Rule("lastName", Operator.EQUALS, List.of(token));
    }

    private Condition gold() {
        return new Group(Logic.AND, List.of(mine(), new Rule("status", Operator.EQUALS, List.of("GOLD"))));
    }
}
