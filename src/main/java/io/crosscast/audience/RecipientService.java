package io.crosscast.audience;

import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.audience.contact.PhoneNumbers;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The recipients database: create, change, delete one recipient; count and page through those matching
 * a condition (SQL with bound parameters, only the requested page is loaded).
 */
@Stateless
public class RecipientService {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConditionCompiler compiler;

    @Inject
    private PhoneNumbers phoneNumbers;

    public Optional<Recipient> find(long id) {
        return Optional.ofNullable(em.find(Recipient.class, id));
    }

    public Recipient create(RecipientForm form) {
        Recipient recipient = new Recipient();
        apply(form, recipient);
        em.persist(recipient);
        return recipient;
    }

    public Recipient update(long id, RecipientForm form) {
        Recipient recipient = find(id).orElseThrow(() -> notFound(id));
        apply(form, recipient);
        return recipient;
    }

    /**
     * Opts the recipient out of email (the unsubscribe link); false if they were out already or are gone.
     */
    public boolean optOutOfEmail(long id, Instant at) {
        return NativeSql.update(
                        em,
                        "UPDATE recipient SET email_opt_out = TRUE, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND email_opt_out = FALSE",
                        List.of(SqlValues.timestamp(at), id))
                > 0;
    }

    public void delete(long id) {
        em.remove(find(id).orElseThrow(() -> notFound(id)));
    }

    public long count(Condition condition) {
        SqlFragment where = compiler.compile(condition, "r");
        return NativeSql.count(em, "SELECT COUNT(*) FROM recipient r WHERE " + where.sql(), where.parameters());
    }

    /**
     * One page of the recipients matching {@code condition}, sorted by a recipient field (unknown fields
     * sort by id) then by id, so pages never overlap.
     */
    @SuppressWarnings("unchecked")
    public List<Recipient> page(Condition condition, String sortField, boolean ascending, int first, int pageSize) {
        SqlFragment where = compiler.compile(condition, "r");
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(Math.max(1, Math.min(pageSize, 1000)));
        parameters.add(Math.max(0, first));
        String direction = ascending ? " ASC" : " DESC";
        String sql = "SELECT r.* FROM recipient r WHERE " + where.sql() + " ORDER BY " + sortColumn(sortField)
                + direction + " NULLS LAST, r.id" + direction + " LIMIT ? OFFSET ?";
        return NativeSql.query(em, sql, Recipient.class, parameters).getResultList();
    }

    /**
     * The total of the recipients matching {@code condition} and one page of them (see {@link #page}), in
     * one transaction: what a search of the REST API returns.
     */
    public RecipientPage search(Condition condition, String sortField, boolean ascending, int first, int pageSize) {
        return new RecipientPage(count(condition), page(condition, sortField, ascending, first, pageSize));
    }

    private static String sortColumn(String field) {
        return RecipientField.fromPublicName(field)
                .filter(RecipientField::isRecipientColumn)
                .map(f -> "r." + f.column())
                .orElse("r.id");
    }

    private void apply(RecipientForm form, Recipient recipient) {
        String country = normaliseCountry(form.getCountry());
        String email;
        String phone;
        try {
            email = EmailAddresses.normaliseOptional(form.getEmail()).orElse(null);
        } catch (InvalidContactException e) {
            throw because(
                    new AudienceException(
                            "email",
                            "recipient.emailInvalid",
                            e.getMessage(),
                            form.getEmail().trim()),
                    e);
        }
        try {
            phone = blank(form.getMobilePhone()) ? null : phoneNumbers.toE164(form.getMobilePhone(), country);
        } catch (InvalidContactException e) {
            throw because(
                    new AudienceException(
                            "mobilePhone",
                            "recipient.phoneInvalid",
                            e.getMessage(),
                            form.getMobilePhone().trim()),
                    e);
        }
        if (email != null) {
            String key = EmailAddresses.key(email);
            List<Long> others = em.createQuery("SELECT r.id FROM Recipient r WHERE r.emailKey = :key", Long.class)
                    .setParameter("key", key)
                    .getResultList();
            if (others.stream().anyMatch(other -> !other.equals(recipient.getId()))) {
                throw new AudienceException(
                        "email",
                        "recipient.emailTaken",
                        "Another recipient already has the email address " + email + ".",
                        email);
            }
        }
        if (form.getBirthDate() != null && form.getBirthDate().isAfter(LocalDate.now())) {
            throw new AudienceException(
                    "birthDate", "recipient.birthDateFuture", "A birth date cannot be in the future.");
        }
        recipient.setFirstName(trimmed(form.getFirstName(), 100, "firstName"));
        recipient.setLastName(trimmed(form.getLastName(), 100, "lastName"));
        recipient.setEmail(email);
        recipient.setMobilePhone(phone);
        recipient.setStatus(form.getStatus() == null ? MembershipStatus.NONE : form.getStatus());
        recipient.setCountry(country);
        recipient.setLanguage(trimmed(form.getLanguage(), 8, "language"));
        recipient.setBirthDate(form.getBirthDate());
        recipient.setEmailOptOut(form.isEmailOptOut());
        recipient.setSmsOptOut(form.isSmsOptOut());
    }

    private static String normaliseCountry(String raw) {
        if (blank(raw)) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new AudienceException(
                    "country",
                    "recipient.countryInvalid",
                    "'" + raw.trim() + "' is not a two-letter country code (e.g. FR).",
                    raw.trim());
        }
        return code;
    }

    private static String trimmed(String value, int max, String field) {
        if (blank(value)) {
            return null;
        }
        String t = value.trim();
        if (t.length() > max) {
            throw new AudienceException(field, "recipient.tooLong", "At most " + max + " characters.", max);
        }
        return t;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The refusal, with the value's own problem as its cause: pages word that precisely. */
    private static AudienceException because(AudienceException refusal, InvalidContactException cause) {
        refusal.initCause(cause);
        return refusal;
    }

    private static AudienceException notFound(long id) {
        return new AudienceException(null, "recipient.notFound", "Recipient " + id + " does not exist.", id);
    }
}
