package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.ImportReport;
import io.crosscast.audience.MembershipStatus;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientExportService;
import io.crosscast.audience.RecipientImportService;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.RepeatedLine;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.audience.importing.RejectedLine;
import io.crosscast.it.support.Deployments;
import io.crosscast.list.ListService;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CSV imports into the real database: insert or update by email, bad lines reported, good ones kept. */
@ExtendWith(ArquillianExtension.class)
class RecipientImportIT {

    private static final String HEADER = "email,first name,last name,mobile,status,country\n";

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private RecipientImportService importer;

    @EJB
    private RecipientService recipients;

    @EJB
    private ListService lists;

    @EJB
    private RecipientExportService exporter;

    @Test
    void goodLinesAreImportedAndBadOnesReportedWithTheirLineNumber() throws IOException {
        String t = token();
        String csv = HEADER
                + "ann." + t + "@example.com,Ann," + t + ",06 12 34 56 78,gold,FR\n" // line 2
                + "not-an-email," + "Bob," + t + ",,silver,FR\n" // line 3: bad email
                + "cid." + t + "@example.com,Cid," + t + ",12,bronze,FR\n" // line 4: bad phone
                + "dan." + t + "@example.com,Dan," + t + "\n" // line 5: column count
                + ",Eve," + t + ",,,FR\n" // line 6: no email
                + "fay." + t + "@example.com,Fay," + t + ",+33 6 98 76 54 32,,BE\n"; // line 7
        ImportReport report = run(csv, null);

        assertEquals(6, report.linesRead());
        assertEquals(2, report.created(), () -> "rejected: " + report.rejectedLines());
        assertEquals(0, report.updated());
        assertEquals(4, report.rejected());
        assertEquals(
                List.of(3L, 4L, 5L, 6L),
                report.rejectedLines().stream().map(RejectedLine::lineNumber).toList());
        assertFalse(report.aborted());

        List<Recipient> imported =
                recipients.page(new Rule("lastName", Operator.EQUALS, List.of(t)), "firstName", true, 0, 10);
        assertEquals(
                List.of("Ann", "Fay"),
                imported.stream().map(Recipient::getFirstName).toList());
        assertEquals("+33612345678", imported.get(0).getMobilePhone());
        assertEquals(MembershipStatus.GOLD, imported.get(0).getStatus());
        assertEquals(MembershipStatus.NONE, imported.get(1).getStatus());
        assertEquals("BE", imported.get(1).getCountry());
    }

    @Test
    void aSecondImportUpdatesByEmailWhateverTheCaseAndKeepsUnmappedFields() throws IOException {
        String t = token();
        run(HEADER + "gil." + t + "@example.com,Gil," + t + ",0612345678,gold,FR\n", null);
        // Only email and first name this time: the rest of the recipient stays as it was.
        ImportReport second = run("Email;Prénom\nGIL." + t.toUpperCase() + "@EXAMPLE.COM;Gilles\n", null);
        assertEquals(0, second.created());
        assertEquals(1, second.updated());

        Recipient gil = recipients
                .page(new Rule("lastName", Operator.EQUALS, List.of(t)), "id", true, 0, 5)
                .get(0);
        assertEquals("Gilles", gil.getFirstName());
        assertEquals(MembershipStatus.GOLD, gil.getStatus());
        assertEquals("+33612345678", gil.getMobilePhone());
        assertEquals(("GIL." + t.toUpperCase() + "@EXAMPLE.COM"), gil.getEmail());
        assertEquals(1, recipients.count(new Rule("lastName", Operator.EQUALS, List.of(t))));
    }

    @Test
    void manyLinesCrossChunksRepeatedAddressesKeepTheLastLineAndAllJoinTheList() throws IOException {
        String t = token();
        int lines = RecipientImportService.CHUNK * 2 + 345;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < lines; i++) {
            csv.append("p")
                    .append(i)
                    .append('.')
                    .append(t)
                    .append("@example.com,P")
                    .append(i)
                    .append(',')
                    .append(t)
                    .append(",,")
                    .append(i % 2 == 0 ? "silver" : "bronze")
                    .append(",FR\n");
        }
        // The same address twice in the last chunk: the later line wins.
        csv.append("p0.").append(t).append("@example.com,Again,").append(t).append(",,gold,FR\n");
        csv.append("p0.").append(t).append("@example.com,Final,").append(t).append(",,gold,FR\n");
        String listName = "Import " + t;

        ImportReport report = run(csv.toString(), listName);

        assertEquals(lines + 2, report.linesRead());
        assertEquals(lines, report.created());
        assertEquals(1, report.updated(), "the address of line 2 is updated by the last chunk");
        assertEquals(1, report.duplicates());
        assertEquals(
                List.of(new RepeatedLine(lines + 3, lines + 2)),
                report.repeatedLines(),
                "the last line repeats the one before it");
        assertEquals(0, report.rejected());
        assertEquals(lines, recipients.count(new Rule("lastName", Operator.EQUALS, List.of(t))));
        long listId = lists.findByName(listName).orElseThrow().getId();
        assertEquals(lines, lists.memberCount(listId));
        Recipient p0 = recipients
                .page(new Rule("email", Operator.EQUALS, List.of("p0." + t + "@example.com")), "id", true, 0, 1)
                .get(0);
        assertEquals("Final", p0.getFirstName());
        assertEquals(MembershipStatus.GOLD, p0.getStatus());
    }

    @Test
    void aBrokenFileStopsWithAReasonAndKeepsWhatCameBefore() throws IOException {
        String t = token();
        ImportReport report = run(
                HEADER + "hal." + t + "@example.com,Hal," + t + ",,,FR\n" + "\"ivy." + t + "@example.com,Ivy," + t
                        + ",,,FR\n",
                null);
        assertTrue(report.aborted());
        assertTrue(report.abortReason() != null && !report.abortReason().isBlank());
        assertEquals(1, recipients.count(new Rule("lastName", Operator.EQUALS, List.of(t))));
    }

    @Test
    void anExportImportsBackUnchanged() throws IOException {
        String t = token();
        run(
                HEADER + "jo." + t + "@example.com,Jo," + t + ",0611223344,silver,FR\n" + "kim." + t
                        + "@example.com,Kim," + t + ",,gold,BE\n",
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, exporter.exportCsv(new Rule("lastName", Operator.EQUALS, List.of(t)), out));
        String csv = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertTrue(csv.startsWith("email,first name,last name,mobile phone,status,country"), csv);
        assertTrue(csv.contains("jo." + t + "@example.com,Jo," + t + ",'+33611223344,SILVER,FR"), csv);

        ImportReport again = run(csv, null);
        assertEquals(0, again.created());
        assertEquals(2, again.updated());
        assertEquals(0, again.rejected(), () -> again.rejectedLines().toString());
    }

    @Test
    void emptyCellsKeepTheValuesByDefaultAndClearThemWhenAskedButNeverAnOptOut() throws IOException {
        String t = token();
        String email = "kim." + t + "@example.com";
        String header = "email,first name,last name,mobile,status,country,email opt out\n";
        run(header + email + ",Kim," + t + ",06 12 34 56 78,gold,FR,yes\n", null);

        String blanks = header + email + ",," + t + ",,,FR,\n";
        ImportReport kept = run(blanks, null, ImportChoices.DEFAULT);
        assertEquals(1, kept.updated());
        assertEquals("keep", kept.emptyCellRule());
        assertEquals(4, kept.emptyCells());
        Recipient unchanged = only(t);
        assertEquals("Kim", unchanged.getFirstName());
        assertEquals("+33612345678", unchanged.getMobilePhone());
        assertEquals(MembershipStatus.GOLD, unchanged.getStatus());
        assertTrue(unchanged.isEmailOptOut());

        ImportReport cleared = run(
                blanks,
                null,
                new ImportChoices(ImportChoices.EmptyCells.CLEAR, ImportChoices.InvalidValues.REJECT_LINE));
        assertEquals(1, cleared.updated());
        assertEquals("clear", cleared.emptyCellRule());
        assertEquals(4, cleared.emptyCells());
        Recipient emptied = only(t);
        assertEquals(null, emptied.getFirstName());
        assertEquals(null, emptied.getMobilePhone());
        assertEquals(MembershipStatus.NONE, emptied.getStatus());
        assertTrue(emptied.isEmailOptOut(), "an empty cell never gives consent back");
    }

    @Test
    void invalidOptionalValuesRejectTheLineByDefaultOrAreLeftOutWithAWarning() throws IOException {
        String t = token();
        String csv = HEADER
                + "lea." + t + "@example.com,Lea," + t + ",+33 69 12,silver,FR\n" // line 2: not a mobile
                + "not-an-email,Max," + t + ",,silver,FR\n" // line 3: the key is never skipped
                + "ned." + t + "@example.com,Ned," + t + ",06 12 34 56 78,platinum,XX\n"; // line 4: two bad values
        ImportReport strict = run(csv, null, ImportChoices.DEFAULT);
        assertEquals(0, strict.created());
        assertEquals(3, strict.rejected());
        assertEquals(0, strict.warnings());

        ImportChoices skip = new ImportChoices(ImportChoices.EmptyCells.KEEP, ImportChoices.InvalidValues.SKIP_VALUE);
        ImportReport lenient = run(csv, null, skip);
        assertEquals(2, lenient.created(), () -> lenient.rejectedLines().toString());
        assertEquals(1, lenient.rejected());
        assertEquals(3L, lenient.rejectedLines().get(0).lineNumber());
        assertEquals("skip", lenient.invalidValueRule());
        assertEquals(2, lenient.warnings());
        assertEquals(
                List.of(2L, 4L),
                lenient.warningLines().stream().map(RejectedLine::lineNumber).toList());
        assertTrue(lenient.warningLines().get(0).reason().contains("+33 69 12"), lenient.warningLines()::toString);
        assertTrue(lenient.warningLines().get(1).reason().contains("platinum"), lenient.warningLines()::toString);
        assertTrue(lenient.warningLines().get(1).reason().contains("XX"), lenient.warningLines()::toString);
        List<Recipient> imported =
                recipients.page(new Rule("lastName", Operator.EQUALS, List.of(t)), "firstName", true, 0, 10);
        assertEquals(
                List.of("Lea", "Ned"),
                imported.stream().map(Recipient::getFirstName).toList());
        assertEquals(null, imported.get(0).getMobilePhone());
        assertEquals(MembershipStatus.SILVER, imported.get(0).getStatus());
        assertEquals(MembershipStatus.NONE, imported.get(1).getStatus());
        assertEquals(null, imported.get(1).getCountry());

        // An existing recipient keeps the value a line left out, even when empty cells clear.
        ImportReport again = run(
                HEADER + "ned." + t + "@example.com,Ned," + t + ",not a number,gold,FR\n",
                null,
                new ImportChoices(ImportChoices.EmptyCells.CLEAR, ImportChoices.InvalidValues.SKIP_VALUE));
        assertEquals(1, again.updated());
        assertEquals(1, again.warnings());
        Recipient ned =
                recipients
                        .page(new Rule("firstName", Operator.EQUALS, List.of("Ned")), "firstName", true, 0, 10)
                        .stream()
                        .filter(r -> t.equals(r.getLastName()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("+33612345678", ned.getMobilePhone());
        assertEquals(MembershipStatus.GOLD, ned.getStatus());
        assertEquals("FR", ned.getCountry());
    }

    private Recipient only(String lastName) {
        List<Recipient> found =
                recipients.page(new Rule("lastName", Operator.EQUALS, List.of(lastName)), "firstName", true, 0, 10);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private ImportReport run(String csv, String listName) throws IOException {
        return run(csv, listName, ImportChoices.DEFAULT);
    }

    private ImportReport run(String csv, String listName, ImportChoices choices) throws IOException {
        char delimiter = csv.startsWith("Email;") ? ';' : ',';
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(String.valueOf(delimiter)));
        return importer.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8,
                delimiter,
                ColumnMapping.autoMatch(header),
                choices,
                listName);
    }

    private static String token() {
        return "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
