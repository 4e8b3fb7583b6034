package io.crosscast.it.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.audience.ImportReport;
import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientExportService;
import io.crosscast.audience.RecipientImportService;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.Operator;
import io.crosscast.audience.condition.Rule;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.it.support.Deployments;
import jakarta.ejb.EJB;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recipients → Export as CSV: cells a spreadsheet would run as formulas are written as text. */
@ExtendWith(ArquillianExtension.class)
class RecipientExportIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private RecipientImportService importer;

    @EJB
    private RecipientExportService exporter;

    @EJB
    private RecipientService recipients;

    @Test
    void formulasAreExportedAsTextAndImportBackUnchanged() throws IOException {
        String t = "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String csv = "email,first name,last name,mobile phone,country\n"
                + "calc." + t + "@example.com,\"=cmd|' /C calc'!A0\",\"@SUM(1)\",+33612345678,FR\n"
                + "-minus." + t + "@example.com,+Plus," + t + ",,FR\n";
        ImportReport imported = run(csv);
        assertEquals(2, imported.created(), () -> imported.rejectedLines().toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rule mine = new Rule("email", Operator.CONTAINS, List.of(t));
        assertEquals(2, exporter.exportCsv(mine, out));
        String export = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(export))
                .getRecords();

        // the export's order is the database's collation's (PostgreSQL's ignores punctuation, H2's does not)
        assertEquals(2, rows.size(), export);
        CSVRecord calc = rows.stream()
                .filter(r -> r.get("email").contains("calc."))
                .findFirst()
                .orElseThrow();
        assertEquals("calc." + t + "@example.com", calc.get("email"));
        assertEquals("'=cmd|' /C calc'!A0", calc.get("first name"), export);
        assertEquals("'@SUM(1)", calc.get("last name"), export);
        assertEquals("'+33612345678", calc.get("mobile phone"), export);
        CSVRecord minus = rows.stream()
                .filter(r -> r.get("email").contains("minus."))
                .findFirst()
                .orElseThrow();
        assertEquals("'-minus." + t + "@example.com", minus.get("email"), export);
        assertEquals("'+Plus", minus.get("first name"), export);

        // Imported back, the values are the same as before.
        ImportReport again = run(export);
        assertEquals(2, again.updated(), () -> again.rejectedLines().toString());
        List<Recipient> back = recipients.page(mine, "id", true, 0, 10);
        Recipient calcBack = back.stream()
                .filter(r -> r.getEmail().startsWith("calc."))
                .findFirst()
                .orElseThrow();
        Recipient minusBack = back.stream()
                .filter(r -> !r.getEmail().startsWith("calc."))
                .findFirst()
                .orElseThrow();
        assertEquals("=cmd|' /C calc'!A0", calcBack.getFirstName());
        assertEquals("@SUM(1)", calcBack.getLastName());
        assertEquals("+33612345678", calcBack.getMobilePhone());
        assertEquals("+Plus", minusBack.getFirstName());
        assertEquals("-minus." + t + "@example.com", minusBack.getEmail());
    }

    private ImportReport run(String csv) throws IOException {
        List<String> header = List.of(csv.substring(0, csv.indexOf('\n')).split(","));
        return importer.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8,
                ',',
                ColumnMapping.autoMatch(header),
                ImportChoices.DEFAULT,
                null);
    }
}
