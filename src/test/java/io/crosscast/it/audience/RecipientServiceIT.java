package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.AudienceException;
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
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recipients through the service, and conditions compiled to SQL and run on the real database (H2 or
 * PostgreSQL), with counts checked against hand-written SQL. Each test works on recipients whose last
 * name is a fresh token, so tests do not see each other's rows.
 */
@ExtendWith(ArquillianExtension.class)
class RecipientServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private RecipientService recipients;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @Test
    void aRecipientIsNormalisedOnSave() {
        String token = token();
        Recipient saved = recipients.create(
                form("Jean", token, " Jean." + token + "@Example.COM ", "06 12 34 56 78", MembershipStatus.GOLD, "fr"));
        Recipient read = recipients.find(saved.getId()).orElseThrow();
        assertEquals("Jean." + token + "@Example.COM", read.getEmail());
        assertEquals(("jean." + token + "@example.com").toLowerCase(), read.getEmailKey());
        assertEquals("+33612345678", read.getMobilePhone());
        assertEquals("FR", read.getCountry());
        assertEquals(MembershipStatus.GOLD, read.getStatus());
    }

    @Test
    void anEmailExistsOnceWhateverItsCase() {
        String token = token();
        recipients.create(form("A", token, "a." + token + "@example.com", null, MembershipStatus.NONE, null));
        AudienceException e = assertThrows(
                AudienceException.class,
                () -> recipients.create(form(
                        "B", token, "A." + token.toUpperCase() + "@EXAMPLE.com", null, MembershipStatus.NONE, null)));
        assertEquals("email", e.field());
        assertEquals("recipient.emailTaken", e.code());
    }

    @Test
    void badValuesAreRefusedWithTheirField() {
        String token = token();
        assertEquals(
                "email",
                assertThrows(
                                AudienceException.class,
                                () -> recipients.create(
                                        form("A", token, "not an email", null, MembershipStatus.NONE, null)))
                        .field());
        assertEquals(
                "mobilePhone",
                assertThrows(
                                AudienceException.class,
                                () -> recipients.create(form("A", token, null, "12", MembershipStatus.NONE, "FR")))
                        .field());
        assertEquals(
                "country",
                assertThrows(
                                AudienceException.class,
                                () -> recipients.create(form("A", token, null, null, MembershipStatus.NONE, "XX")))
                        .field());
        assertEquals(0, countSql("SELECT COUNT(*) FROM recipient WHERE last_name = ?", token));
    }

    @Test
    void aConditionCountsWhatHandWrittenSqlCounts() {
        String token = token();
        MembershipStatus[] statuses = MembershipStatus.values();
        for (int i = 0; i < 20; i++) {
            recipients.create(form(
                    "P" + i,
                    token,
                    i % 5 == 0 ? null : "p" + i + "." + token + "@example.com",
                    i % 3 == 0 ? null : "+336123400" + String.format("%02d", i),
                    statuses[i % statuses.length],
                    "FR"));
        }
        Condition goldWithEmailAndPhone = new Group(
                Logic.AND,
                List.of(
                        rule("lastName", Operator.EQUALS, token),
                        rule("status", Operator.EQUALS, "gold"),
                        rule("email", Operator.IS_NOT_EMPTY),
                        rule("mobilePhone", Operator.IS_NOT_EMPTY)));
        long expected = countSql(
                "SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'GOLD'"
                        + " AND email IS NOT NULL AND mobile_phone IS NOT NULL",
                token);
        assertTrue(expected > 0);
        assertEquals(expected, recipients.count(goldWithEmailAndPhone));

        Condition goldOrSilver = new Group(
                Logic.AND,
                List.of(
                        rule("lastName", Operator.EQUALS, token),
                        new Group(
                                Logic.OR,
                                List.of(
                                        rule("status", Operator.EQUALS, "GOLD"),
                                        rule("status", Operator.EQUALS, "SILVER")))));
        assertEquals(
                countSql("SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status IN ('GOLD', 'SILVER')", token),
                recipients.count(goldOrSilver));
    }

    @Test
    void hostileValuesAreOnlyEverValues() {
        String token = token();
        String hostile = "' OR 1=1 --";
        recipients.create(form(hostile, token, null, null, MembershipStatus.NONE, null));
        recipients.create(form("Plain", token, null, null, MembershipStatus.NONE, null));

        assertEquals(
                1,
                recipients.count(new Group(
                        Logic.AND,
                        List.of(
                                rule("lastName", Operator.EQUALS, token),
                                rule("firstName", Operator.EQUALS, hostile)))));
        assertEquals(0, recipients.count(rule("firstName", Operator.EQUALS, "x' OR '1'='1")));
        assertEquals(0, recipients.count(rule("lastName", Operator.EQUALS, "x'); DELETE FROM recipient; --")));
        // LIKE wildcards typed by a user are literal characters.
        assertEquals(
                0,
                recipients.count(new Group(
                        Logic.AND,
                        List.of(rule("lastName", Operator.EQUALS, token), rule("firstName", Operator.CONTAINS, "%")))));
        assertEquals(2, countSql("SELECT COUNT(*) FROM recipient WHERE last_name = ?", token));
    }

    @Test
    void pagesAreSortedAndDoNotOverlap() {
        String token = token();
        for (String name : List.of("Chloé", "Adam", "Bruno", "Emma", "Denis")) {
            recipients.create(form(name, token, null, null, MembershipStatus.NONE, null));
        }
        Condition mine = rule("lastName", Operator.EQUALS, token);
        List<Recipient> first = recipients.page(mine, "firstName", true, 0, 2);
        List<Recipient> second = recipients.page(mine, "firstName", true, 2, 2);
        List<Recipient> third = recipients.page(mine, "firstName", true, 4, 2);
        assertEquals(
                List.of("Adam", "Bruno"),
                first.stream().map(Recipient::getFirstName).toList());
        assertEquals(
                List.of("Chloé", "Denis"),
                second.stream().map(Recipient::getFirstName).toList());
        assertEquals(
                List.of("Emma"), third.stream().map(Recipient::getFirstName).toList());
        assertEquals(
                "Emma", recipients.page(mine, "firstName", false, 0, 1).get(0).getFirstName());
    }

    private static Rule rule(String field, Operator operator, String... values) {
        return new Rule(field, operator, List.of(values));
    }

    private static RecipientForm form(
            String first, String last, String email, String phone, MembershipStatus status, String country) {
        RecipientForm form = new RecipientForm();
        form.setFirstName(first);
        form.setLastName(last);
        form.setEmail(email);
        form.setMobilePhone(phone);
        form.setStatus(status);
        form.setCountry(country);
        return form;
    }

    private static String token() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private long countSql(String sql, String parameter) {
        return Sql.number(dataSource, sql, parameter);
    }
}
