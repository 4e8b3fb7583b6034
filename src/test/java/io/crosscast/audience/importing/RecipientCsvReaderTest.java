package io.crosscast.audience.importing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.contact.PhoneNumbers;
import io.crosscast.platform.SpreadsheetCells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientCsvReaderTest {

    private static final Clock JUNE_15_2025 = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final PhoneNumbers PHONES = new PhoneNumbers("FR");

    private final List<ImportRow> accepted = new ArrayList<>();
    private final List<RejectedLine> rejected = new ArrayList<>();

    @Test
    void keepsTheGoodLinesAndReportsTheBadOnes() throws IOException {
        String csv = """
                Email,First name,Last name,Mobile,Status,Country,Birth date
                Jean.Dupont@Example.fr, Jean ,Dupont,06 12 34 56 78,gold,fr,23/04/1990
                jean@@example,Jean,Bad,,,,
                marie@example.fr,Marie,Curie,12,silver,FR,
                ,No,Email,,,,
                short@example.fr,Too,Short
                paul@example.co.uk,Paul,Smith,07911 123456,bronze,GB,1990-02-30
                anne@example.fr,Anne,Bad,,Platinum,FR,
                futur@example.fr,Future,Baby,,,FR,2030-01-01
                lea@example.fr,Léa,,+1 650 253 0000,,us,
                tom@example.co.uk,Tom,,07911 123456,None,GB,1985-12-01
                """;

        ImportSummary summary = read(',', csv);

        assertEquals(new ImportSummary(10, 3, 7, false, null), summary);
        assertEquals(
                List.of(
                        new ImportRow(
                                2,
                                "Jean.Dupont@Example.fr",
                                "jean.dupont@example.fr",
                                "Jean",
                                "Dupont",
                                "+33612345678",
                                "GOLD",
                                "FR",
                                null,
                                LocalDate.of(1990, 4, 23),
                                null,
                                null),
                        new ImportRow(
                                10,
                                "lea@example.fr",
                                "lea@example.fr",
                                "Léa",
                                null,
                                "+16502530000",
                                null,
                                "US",
                                null,
                                null,
                                null,
                                null),
                        new ImportRow(
                                11,
                                "tom@example.co.uk",
                                "tom@example.co.uk",
                                "Tom",
                                null,
                                "+447911123456",
                                "NONE",
                                "GB",
                                null,
                                LocalDate.of(1985, 12, 1),
                                null,
                                null)),
                valuesOf(accepted));
        assertEquals(
                List.of(
                        new RejectedLine(
                                3,
                                "'jean@@example' is not a valid email address: it must contain exactly one @",
                                "jean@@example,Jean,Bad,,,,"),
                        new RejectedLine(
                                4,
                                "'12' is not a valid phone number for FR",
                                "marie@example.fr,Marie,Curie,12,silver,FR,"),
                        new RejectedLine(5, "Email is missing", ",No,Email,,,,"),
                        new RejectedLine(6, "Expected 7 columns, found 3", "short@example.fr,Too,Short"),
                        new RejectedLine(
                                7,
                                "'1990-02-30' is not a date: use yyyy-MM-dd or dd/MM/yyyy",
                                "paul@example.co.uk,Paul,Smith,07911 123456,bronze,GB,1990-02-30"),
                        new RejectedLine(
                                8,
                                "'Platinum' is not a status: use GOLD, SILVER, BRONZE or NONE",
                                "anne@example.fr,Anne,Bad,,Platinum,FR,"),
                        new RejectedLine(
                                9,
                                "Birth date 2030-01-01 is in the future",
                                "futur@example.fr,Future,Baby,,,FR,2030-01-01")),
                rejected);
    }

    @Test
    void reportsAllTheProblemsOfALineTogether() throws IOException {
        String csv = """
                email,mobile,status,country,birth date,email opt out
                x@,12,purple,ZZ,tomorrow,maybe
                """;

        read(',', csv);

        assertEquals(List.of(), accepted);
        assertEquals(
                "'x@' is not a valid email address: nothing after the @"
                        + "; 'ZZ' is not a country code: use the ISO 3166 two-letter code, for example FR"
                        + "; '12' is not a valid phone number for FR"
                        + "; 'purple' is not a status: use GOLD, SILVER, BRONZE or NONE"
                        + "; 'tomorrow' is not a date: use yyyy-MM-dd or dd/MM/yyyy"
                        + "; 'maybe' is not a valid Email opt-out value: use yes/no, true/false, oui/non, y/n or 1/0",
                rejected.get(0).reason());
    }

    @Test
    void readsLanguagesAndOptOuts() throws IOException {
        String csv = """
                email,langue,désabonné,stop sms
                a@example.fr,fr,oui,0
                b@example.fr,EN_gb,no,Y
                c@example.fr,,,
                """;

        read(',', csv);

        assertEquals(
                List.of("fr", "en-GB"),
                accepted.stream().limit(2).map(ImportRow::language).toList());
        assertEquals(
                List.of(true, false),
                accepted.stream().limit(2).map(ImportRow::emailOptOut).toList());
        assertEquals(
                List.of(false, true),
                accepted.stream().limit(2).map(ImportRow::smsOptOut).toList());
        ImportRow empty = accepted.get(2);
        assertNull(empty.language());
        assertNull(empty.emailOptOut());
        assertNull(empty.smsOptOut());
    }

    @Test
    void leavesUnmappedFieldsNull() throws IOException {
        byte[] csv = """
                email,status,notes
                a@example.fr,GOLD,whatever
                b@example.fr,not a status,
                """.getBytes(UTF_8);
        ColumnMapping mapping =
                ColumnMapping.autoMatch(List.of("email", "status", "notes")).withColumn(1, null);

        ImportSummary summary = inEnglish(
                reader(',').read(new ByteArrayInputStream(csv), UTF_8, mapping, accepted::add, this::rejected));

        assertEquals(new ImportSummary(2, 2, 0, false, null), summary);
        assertNull(accepted.get(0).status());
        assertNull(accepted.get(1).status());
    }

    @Test
    void emptyCellsAreCountedAndMarkedKeptOrClearedAsChosenButAnOptOutIsAlwaysKept() throws IOException {
        byte[] csv =
                "email,first name,status,email opt out\na@example.fr,,,\nb@example.fr,Bo,gold,no\n".getBytes(UTF_8);
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("email", "first name", "status", "email opt out"));
        List<RejectedLine> warned = new ArrayList<>();

        reader(',')
                .read(
                        new ByteArrayInputStream(csv),
                        UTF_8,
                        mapping,
                        new ImportChoices(ImportChoices.EmptyCells.CLEAR, ImportChoices.InvalidValues.REJECT_LINE),
                        accepted::add,
                        this::rejected,
                        warned::add);
        reader(',').read(new ByteArrayInputStream(csv), UTF_8, mapping, accepted::add, this::rejected);

        ImportRow cleared = accepted.get(0);
        assertEquals(3, cleared.emptyCells());
        assertEquals(kept(ImportField.EMAIL_OPT_OUT), cleared.keptFields());
        assertEquals(0, accepted.get(1).emptyCells());
        assertEquals(ImportRow.NONE_KEPT, accepted.get(1).keptFields());
        ImportRow keptByDefault = accepted.get(2);
        assertEquals(3, keptByDefault.emptyCells());
        assertEquals(
                kept(ImportField.FIRST_NAME, ImportField.STATUS, ImportField.EMAIL_OPT_OUT),
                keptByDefault.keptFields());
        assertTrue(warned.isEmpty());
        assertTrue(rejected.isEmpty());
    }

    @Test
    void invalidOptionalValuesAreLeftOutWithAWarningWhenChosenButNeverTheAddress() throws IOException {
        byte[] csv = ("email,mobile,country,status\n"
                        + "a@example.fr,+33 69 12,FR,gold\n"
                        + "nope,06 12 34 56 78,FR,gold\n"
                        + "c@example.fr,06 12 34 56 78,XX,platinum\n")
                .getBytes(UTF_8);
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("email", "mobile", "country", "status"));
        List<RejectedLine> warned = new ArrayList<>();

        ImportSummary summary = inEnglish(reader(',')
                .read(
                        new ByteArrayInputStream(csv),
                        UTF_8,
                        mapping,
                        new ImportChoices(ImportChoices.EmptyCells.KEEP, ImportChoices.InvalidValues.SKIP_VALUE),
                        accepted::add,
                        this::rejected,
                        warned::add));

        assertEquals(new ImportSummary(3, 2, 1, false, null), summary);
        assertEquals(3L, rejected.get(0).lineNumber());
        assertEquals(
                List.of(2L, 4L), warned.stream().map(RejectedLine::lineNumber).toList());
        ImportRow a = accepted.get(0);
        assertNull(a.mobilePhone());
        assertEquals("GOLD", a.status());
        assertEquals(kept(ImportField.MOBILE_PHONE), a.keptFields());
        assertEquals(1, a.warnings().size());
        ImportRow c = accepted.get(1);
        assertNull(c.country());
        assertNull(c.status());
        assertEquals("+33612345678", c.mobilePhone(), "read with the default region once the country is left out");
        assertEquals(kept(ImportField.STATUS, ImportField.COUNTRY), c.keptFields());
        assertEquals(2, warned.get(1).problems().size());
        assertEquals("c@example.fr,06 12 34 56 78,XX,platinum", warned.get(1).rawLine());
    }

    /** The rows' values only (which cells were empty or kept left aside). */
    private static List<ImportRow> valuesOf(List<ImportRow> rows) {
        return rows.stream()
                .map(r -> new ImportRow(
                        r.lineNumber(),
                        r.email(),
                        r.emailKey(),
                        r.firstName(),
                        r.lastName(),
                        r.mobilePhone(),
                        r.status(),
                        r.country(),
                        r.language(),
                        r.birthDate(),
                        r.emailOptOut(),
                        r.smsOptOut()))
                .toList();
    }

    private static String kept(ImportField... fields) {
        char[] flags = ImportRow.NONE_KEPT.toCharArray();
        for (ImportField field : fields) {
            flags[field.ordinal()] = 'K';
        }
        return new String(flags);
    }

    @Test
    void refusesNamesLongerThanTheirColumn() throws IOException {
        read(',', "email,first name\na@example.fr," + "x".repeat(101) + "\n");

        assertEquals(
                "First name is longer than 100 characters (101)",
                rejected.get(0).reason());
    }

    @Test
    void cutsLongRawLines() throws IOException {
        String line = "a@example.fr," + "x".repeat(600);

        read(',', "email,first name\n" + line + "\n");

        assertEquals(line.substring(0, 500) + "…", rejected.get(0).rawLine());
    }

    @Test
    void readsSemicolonAndTabSeparatedFiles() throws IOException {
        read(';', "Courriel;Prénom;Nom\nleon@example.fr;Léon;Blum\nbad;Bad;Line\n");
        read('\t', "Email\tFirst name\tLast name\nada@example.org\tAda\tLovelace\n");

        assertEquals(
                List.of("Léon", "Ada"),
                accepted.stream().map(ImportRow::firstName).toList());
        assertEquals(
                List.of(new RejectedLine(
                        3, "'bad' is not a valid email address: it must contain exactly one @", "bad;Bad;Line")),
                rejected);
    }

    @Test
    void detectsTheDelimiterFromTheHeaderLine() {
        assertEquals(',', RecipientCsvReader.detectDelimiter("email,first name,last name"));
        assertEquals(';', RecipientCsvReader.detectDelimiter("email;prénom;nom"));
        assertEquals('\t', RecipientCsvReader.detectDelimiter("email\tfirst name"));
        assertEquals(';', RecipientCsvReader.detectDelimiter("email;\"name, full\";status"));
        assertEquals(',', RecipientCsvReader.detectDelimiter("email"));
        assertEquals(',', RecipientCsvReader.detectDelimiter(""));
    }

    @Test
    void refusesOtherDelimiters() {
        assertThrows(IllegalArgumentException.class, () -> new RecipientCsvReader('|', PHONES));
    }

    @Test
    void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String csv = "email,first name,last name\n"
                + "\"a@example.fr\",\"Jean, Jr\",\"Line1\nLine2\"\n"
                + "bad-email,\"x\",\"multi\nline\"\n"
                + "c@example.fr,\"She said \"\"hi\"\"\",Z\n"
                + "d@example.fr,\"\",\n";

        read(',', csv);

        assertEquals(
                List.of(2L, 6L, 7L),
                accepted.stream().map(ImportRow::lineNumber).toList());
        assertEquals("Jean, Jr", accepted.get(0).firstName());
        assertEquals("Line1\nLine2", accepted.get(0).lastName());
        assertEquals("She said \"hi\"", accepted.get(1).firstName());
        assertNull(accepted.get(2).firstName());
        assertEquals(
                List.of(new RejectedLine(
                        4,
                        "'bad-email' is not a valid email address: it must contain exactly one @",
                        "bad-email,\"x\",\"multi\nline\"")),
                rejected);
    }

    @Test
    void countsLinesTheSameWithWindowsLineBreaks() throws IOException {
        String csv = "email,first name\r\n\"a@example.fr\",\"two\r\nlines\"\r\n\r\nbad,B\r\nc@example.fr,C";

        ImportSummary summary = read(',', csv);

        assertEquals(new ImportSummary(3, 2, 1, false, null), summary);
        assertEquals(
                List.of(2L, 6L), accepted.stream().map(ImportRow::lineNumber).toList());
        assertEquals("two\r\nlines", accepted.get(0).firstName());
        assertEquals(
                new RejectedLine(5, "'bad' is not a valid email address: it must contain exactly one @", "bad,B"),
                rejected.get(0));
    }

    @Test
    void countsLinesEndedByCarriageReturnsAlone() throws IOException {
        read(',', "email,first name\ra@example.fr,A\rbad,\"B\rB\"\rc@example.fr,C\r");

        assertEquals(
                List.of(2L, 5L), accepted.stream().map(ImportRow::lineNumber).toList());
        assertEquals(
                new RejectedLine(
                        3, "'bad' is not a valid email address: it must contain exactly one @", "bad,\"B\rB\""),
                rejected.get(0));
    }

    @Test
    void skipsBlankLinesWithoutCountingThem() throws IOException {
        String csv = "email,first name\n\na@example.fr,A\n,\n   \nb\n";

        ImportSummary summary = read(',', csv);

        assertEquals(new ImportSummary(2, 1, 1, false, null), summary);
        assertEquals(3, accepted.get(0).lineNumber());
        assertEquals(new RejectedLine(6, "Expected 2 columns, found 1", "b"), rejected.get(0));
    }

    @Test
    void ignoresAByteOrderMark() throws IOException {
        byte[] csv = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "email,first name\na@example.fr,A\n".getBytes(UTF_8));

        assertEquals(
                List.of("email", "first name"),
                RecipientCsvReader.readHeader(new ByteArrayInputStream(csv), UTF_8, ','));
        ImportSummary summary = read(',', csv, UTF_8);

        assertEquals(new ImportSummary(1, 1, 0, false, null), summary);
        assertEquals("a@example.fr", accepted.get(0).email());
    }

    @Test
    void rejectsOnlyTheLinesThatAreNotValidUtf8() throws IOException {
        byte[] csv = concat(
                "email,first name\na@example.fr,Ana\nb@example.fr,L".getBytes(UTF_8),
                new byte[] {(byte) 0xE9, 'o', 'n'},
                "\nc@example.fr,Zoé\n".getBytes(UTF_8));

        ImportSummary summary = read(',', csv, UTF_8);

        assertEquals(new ImportSummary(3, 2, 1, false, null), summary);
        assertEquals(
                List.of("Ana", "Zoé"),
                accepted.stream().map(ImportRow::firstName).toList());
        assertEquals(
                new RejectedLine(
                        3,
                        "Line is not valid UTF-8: was the file saved in another encoding?",
                        "b@example.fr,L\uFFFDon"),
                rejected.get(0));
    }

    @Test
    void readsAFileInTheCharsetItIsWrittenIn() throws IOException {
        byte[] csv = "Courriel;Prénom;Nom\nleon@example.fr;Léon;Blüm\n".getBytes(ISO_8859_1);

        assertEquals(
                List.of("Courriel", "Prénom", "Nom"),
                RecipientCsvReader.readHeader(new ByteArrayInputStream(csv), ISO_8859_1, ';'));
        ImportSummary summary = read(';', csv, ISO_8859_1);

        assertEquals(new ImportSummary(1, 1, 0, false, null), summary);
        assertEquals("Léon", accepted.get(0).firstName());
        assertEquals("Blüm", accepted.get(0).lastName());
    }

    @Test
    void stopsAtAQuoteThatIsNeverClosed() throws IOException {
        String csv = """
                email,first name
                a@example.fr,A
                b@example.fr,"B
                c@example.fr,C
                d@example.fr,D
                """;

        ImportSummary summary = read(',', csv);

        assertEquals(
                new ImportSummary(
                        2, 1, 1, true, "Reading stopped at line 3: A quoted value is never closed (a \" is missing)"),
                summary);
        assertEquals(1, accepted.size());
        assertEquals(
                new RejectedLine(
                        3,
                        "A quoted value is never closed (a \" is missing); the rest of the file was not read",
                        "b@example.fr,\"B"),
                rejected.get(0));
    }

    @Test
    void stopsAtTextAfterAClosingQuote() throws IOException {
        String csv = """
                email,first name
                a@example.fr,A
                bad@example.fr,"B"x
                c@example.fr,"C"
                """;

        ImportSummary summary = read(',', csv);

        assertTrue(summary.aborted());
        assertEquals(
                "Reading stopped at line 3: Text follows a closing quote (a \" inside a quoted value must be "
                        + "doubled)",
                summary.abortReason());
        assertEquals(1, summary.accepted());
        assertEquals(3, rejected.get(0).lineNumber());
        assertEquals("bad@example.fr,\"B\"x", rejected.get(0).rawLine());
    }

    @Test
    void anEmptyFileIsAborted() throws IOException {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("email"));

        ImportSummary summary = inEnglish(
                reader(',').read(new ByteArrayInputStream(new byte[0]), UTF_8, mapping, accepted::add, this::rejected));

        assertEquals(
                new ImportSummary(0, 0, 0, true, "The file is empty: its first line must name the columns"), summary);
        assertEquals(List.of(), RecipientCsvReader.readHeader(new ByteArrayInputStream(new byte[0]), UTF_8, ','));
    }

    @Test
    void aHeaderOnlyFileHasNoLines() throws IOException {
        assertEquals(new ImportSummary(0, 0, 0, false, null), read(',', "email,first name\n"));
    }

    @Test
    void theHeaderMustMatchTheMapping() throws IOException {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("email", "first name", "last name"));

        ImportSummary summary = inEnglish(reader(',')
                .read(
                        new ByteArrayInputStream("email,first name\na@b.fr,A\n".getBytes(UTF_8)),
                        UTF_8,
                        mapping,
                        accepted::add,
                        this::rejected));

        assertTrue(summary.aborted());
        assertEquals(
                "The file has 2 columns but the mapping was made for 3: read its header again", summary.abortReason());
        assertEquals(List.of(), accepted);
    }

    @Test
    void refusesAMappingWithProblems() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("first name"));

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> reader(',')
                        .read(
                                new ByteArrayInputStream("first name\nA\n".getBytes(UTF_8)),
                                UTF_8,
                                mapping,
                                accepted::add,
                                this::rejected));
        assertEquals(mapping.problems().get(0), e.getMessage());
    }

    @Test
    void readHeaderTrimsTheNamesAndReadsOnlyTheFirstRecord() throws IOException {
        byte[] csv = " Email ;\"First; name\"\na@example.fr;\"never closed\n".getBytes(UTF_8);

        assertEquals(
                List.of("Email", "First; name"),
                RecipientCsvReader.readHeader(new ByteArrayInputStream(csv), UTF_8, ';'));
    }

    @Test
    void refusesABrokenHeader() {
        byte[] csv = "email,\"first name\n".getBytes(UTF_8);

        assertThrows(IOException.class, () -> RecipientCsvReader.readHeader(new ByteArrayInputStream(csv), UTF_8, ','));
    }

    @Test
    void readingDoesNotAlterTheRowsOfAnotherReading() throws IOException {
        assertFalse(read(',', "email\na@example.fr\n").aborted());
        assertFalse(read(',', "email\nb@example.fr\n").aborted());

        assertEquals(
                List.of("a@example.fr", "b@example.fr"),
                accepted.stream().map(ImportRow::email).toList());
    }

    @Test
    void rejectedLinesAndAbortsCarryTheirProblemsWithCodes() throws IOException {
        String csv = """
                email,first name,email opt-out,mobile
                a@example.fr,A,,
                jean@@example,%s,maybe,12
                ,B,,
                c@example.fr,"C
                """.formatted("x".repeat(101));
        List<String> header = RecipientCsvReader.readHeader(new ByteArrayInputStream(csv.getBytes(UTF_8)), UTF_8, ',');
        List<RejectedLine> lines = new ArrayList<>();
        ImportSummary summary = reader(',')
                .read(
                        new ByteArrayInputStream(csv.getBytes(UTF_8)),
                        UTF_8,
                        ColumnMapping.autoMatch(header),
                        accepted::add,
                        lines::add);

        List<LineProblem> line3 = lines.get(0).problems();
        assertEquals(
                List.of(
                        io.crosscast.audience.contact.ContactProblem.EMAIL_AT_SIGN,
                        io.crosscast.audience.contact.ContactProblem.TOO_LONG,
                        io.crosscast.audience.contact.ContactProblem.PHONE_INVALID,
                        io.crosscast.audience.contact.ContactProblem.NOT_YES_OR_NO),
                line3.stream().map(LineProblem::value).toList());
        assertEquals(
                List.of(ImportField.EMAIL, ImportField.FIRST_NAME, ImportField.MOBILE_PHONE, ImportField.EMAIL_OPT_OUT),
                line3.stream().map(LineProblem::field).toList());
        assertEquals(List.of("First name", "100", "101"), line3.get(1).arguments());
        assertEquals(
                "First name is longer than 100 characters (101)", line3.get(1).message());
        assertEquals(
                List.of(LineProblem.of(LineProblem.Code.EMAIL_MISSING)),
                lines.get(1).problems());
        assertEquals(
                List.of(
                        LineProblem.of(LineProblem.Code.QUOTE_NOT_CLOSED),
                        LineProblem.of(LineProblem.Code.REST_NOT_READ)),
                lines.get(2).problems());
        assertEquals(
                List.of(
                        LineProblem.of(LineProblem.Code.STOPPED_AT_LINE, 5),
                        LineProblem.of(LineProblem.Code.QUOTE_NOT_CLOSED)),
                summary.abortProblems());
        assertEquals(
                "Reading stopped at line 5: A quoted value is never closed (a \" is missing)", summary.abortReason());
    }

    @Test
    void aRejectedLineQuotesAtMostAHundredCharactersOfAValue() throws IOException {
        String longStatus = "x".repeat(5_000);
        String longAddress = "y".repeat(4_990) + "@example.fr";

        read(',', "email,status\nok@example.fr," + longStatus + "\n" + longAddress + ",gold\n");

        assertEquals(2, rejected.size());
        assertEquals(
                "'" + "x".repeat(100) + "…' (5,000 characters) is not a status: use GOLD, SILVER, BRONZE or NONE",
                rejected.get(0).reason());
        assertEquals(
                "'" + "y".repeat(100) + "…' (5,001 characters) is not a valid email address: it is longer than"
                        + " 254 characters",
                rejected.get(1).reason());
        assertEquals(
                RejectedLine.MAX_RAW_LINE_LENGTH + 1, rejected.get(1).rawLine().length(), "the line is cut too");
    }

    @Test
    void anExportProtectedFromSpreadsheetsImportsBackUnchanged() throws IOException {
        StringWriter export = new StringWriter();
        try (SpreadsheetCells.Printer csv = SpreadsheetCells.printer(
                export, List.of("email", "first name", "last name", "mobile phone", "status", "country"))) {
            csv.printRecord("-dash@example.fr", "=cmd|' /C calc'!A0", "@SUM(1)", "+33612345678", "GOLD", "FR");
            csv.printRecord("'quote@example.fr", "'-x", "\tTab", "+447911123456", null, "GB");
        }
        assertTrue(export.toString().contains("'+33612345678"), export.toString());

        ImportSummary summary = read(',', export.toString());

        assertEquals(new ImportSummary(2, 2, 0, false, null), summary, () -> rejected.toString());
        assertEquals(
                List.of(
                        new ImportRow(
                                2,
                                "-dash@example.fr",
                                "-dash@example.fr",
                                "=cmd|' /C calc'!A0",
                                "@SUM(1)",
                                "+33612345678",
                                "GOLD",
                                "FR",
                                null,
                                null,
                                null,
                                null),
                        new ImportRow(
                                3,
                                "'quote@example.fr",
                                "'quote@example.fr",
                                "'-x",
                                "Tab",
                                "+447911123456",
                                null,
                                "GB",
                                null,
                                null,
                                null,
                                null)),
                valuesOf(accepted));
    }

    private ImportSummary read(char delimiter, String csv) throws IOException {
        return read(delimiter, csv.getBytes(UTF_8), UTF_8);
    }

    /** Reads a file the way the application does: header first, automatic mapping, then the import. */
    private ImportSummary read(char delimiter, byte[] csv, Charset charset) throws IOException {
        List<String> header = RecipientCsvReader.readHeader(new ByteArrayInputStream(csv), charset, delimiter);
        ColumnMapping mapping = ColumnMapping.autoMatch(header);
        return inEnglish(
                reader(delimiter).read(new ByteArrayInputStream(csv), charset, mapping, accepted::add, this::rejected));
    }

    /**
     * Keeps a rejected line as the REST API shows it: number, English reason, text (its problems with codes
     * are checked by {@link #rejectedLinesAndAbortsCarryTheirProblemsWithCodes()}).
     */
    private void rejected(RejectedLine line) {
        assertEquals(LineProblem.reason(line.problems()), line.reason(), "the reason is the problems in English");
        rejected.add(new RejectedLine(line.lineNumber(), line.reason(), line.rawLine()));
    }

    /** The summary as the REST API shows it: counts and English reason. */
    private static ImportSummary inEnglish(ImportSummary summary) {
        assertEquals(summary.aborted(), !summary.abortProblems().isEmpty());
        return new ImportSummary(
                summary.linesRead(), summary.accepted(), summary.rejected(), summary.aborted(), summary.abortReason());
    }

    private static RecipientCsvReader reader(char delimiter) {
        return new RecipientCsvReader(delimiter, PHONES, JUNE_15_2025);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }
}
