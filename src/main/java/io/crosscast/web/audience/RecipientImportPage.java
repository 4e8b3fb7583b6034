package io.crosscast.web.audience;

import io.crosscast.audience.AudienceException;
import io.crosscast.audience.ImportProgress;
import io.crosscast.audience.ImportReport;
import io.crosscast.audience.ImportTracker;
import io.crosscast.audience.RecipientImportService;
import io.crosscast.audience.RepeatedLine;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.audience.importing.ImportField;
import io.crosscast.audience.importing.RecipientCsvReader;
import io.crosscast.audience.importing.RejectedLine;
import io.crosscast.web.Messages;
import io.crosscast.web.ProblemTexts;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;

/**
 * Backing bean of recipients/import.xhtml, in three steps: upload a file (kept in a temporary file, never
 * in memory), check the proposed column mapping, then follow the import's progress and read its report.
 */
@Named
@ViewScoped
public class RecipientImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> ENCODINGS = List.of("UTF-8", "ISO-8859-1", "windows-1252");

    @EJB
    private RecipientImportService importer;

    @Inject
    private ImportTracker tracker;

    private transient UploadedFile file;
    private String fileName;
    // The upload's temporary file, by name (a String: the view moves to another node of a cluster with its session;
    // the file stays on this node's disk, so there the import reads nothing and says the file is unreadable).
    private String uploaded;
    private String encoding = "UTF-8";
    private char delimiter = ',';
    private final List<ColumnChoice> columns = new ArrayList<>();
    private String listName;
    private ImportChoices.EmptyCells emptyCells = ImportChoices.DEFAULT.emptyCells();
    private ImportChoices.InvalidValues invalidValues = ImportChoices.DEFAULT.invalidValues();
    private String importId;
    /** The request attribute holding what the request saw of the import's end (see {@link #isDone()}). */
    private static final String SEEN = RecipientImportPage.class.getName() + ".seen";

    /** A column of the file and the field it goes to (null: ignored). */
    public static class ColumnChoice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String header;
        private ImportField field;

        ColumnChoice(int index, String header, ImportField field) {
            this.index = index;
            this.header = header;
            this.field = field;
        }

        public int getIndex() {
            return index;
        }

        public String getHeader() {
            return header;
        }

        public ImportField getField() {
            return field;
        }

        public void setField(ImportField field) {
            this.field = field;
        }
    }

    /** Step 1: keeps the upload in a temporary file and proposes a mapping from its header. */
    public void readColumns() {
        if (file == null || file.getSize() == 0) {
            Messages.error("importForm:file", Messages.text("import.noFile"));
            return;
        }
        try {
            discardUpload();
            uploaded = Files.createTempFile("crosscast-import-", ".csv").toString();
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, Path.of(uploaded), StandardCopyOption.REPLACE_EXISTING);
            }
            fileName = file.getFileName();
            readHeader();
        } catch (IOException e) {
            Messages.error("importForm:file", Messages.text("import.unreadable", e.getMessage()));
        }
    }

    /** Reads the header again (after another encoding was chosen). */
    public void readHeader() throws IOException {
        Charset charset = Charset.forName(encoding);
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(uploaded), charset)) {
            firstLine = Optional.ofNullable(reader.readLine()).orElse("");
        } catch (IOException e) {
            firstLine = "";
        }
        delimiter = RecipientCsvReader.detectDelimiter(firstLine);
        List<String> headers =
                RecipientCsvReader.readHeader(Files.newInputStream(Path.of(uploaded)), charset, delimiter);
        ColumnMapping proposed = ColumnMapping.autoMatch(headers);
        columns.clear();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new ColumnChoice(i, headers.get(i), proposed.fieldAt(i).orElse(null)));
        }
    }

    /** Step 2: starts the import with the mapping as edited. */
    public void start() {
        ColumnMapping mapping = ColumnMapping.unmapped(columns.size());
        for (ColumnChoice column : columns) {
            if (column.field != null) {
                if (mapping.columnOf(column.field).isPresent()) {
                    Messages.error(
                            null,
                            Messages.text("import.fieldTwice", Messages.text("importField." + column.field.name())));
                    return;
                }
                mapping = mapping.withColumn(column.index, column.field);
            }
        }
        if (!mapping.problems().isEmpty()) {
            Messages.error(null, Messages.text("import.emailNotMapped"));
            return;
        }
        try {
            importId = importer.start(
                    Path.of(uploaded),
                    Charset.forName(encoding),
                    delimiter,
                    mapping,
                    new ImportChoices(emptyCells, invalidValues),
                    listName);
            uploaded = null;
        } catch (AudienceException e) {
            // The mapping was checked above: the service finds nothing else to refuse.
            Messages.error(null, Messages.text("import.emailNotMapped"));
        } catch (IOException e) {
            Messages.error(null, Messages.text("import.unreadable", e.getMessage()));
        }
    }

    public void startOver() {
        discardUpload();
        columns.clear();
        importId = null;
        fileName = null;
    }

    private void discardUpload() {
        if (uploaded != null) {
            try {
                Files.deleteIfExists(Path.of(uploaded));
            } catch (IOException e) {
                // a temporary file; the system cleans its temporary folder
            }
            uploaded = null;
        }
    }

    private Optional<ImportProgress> progress() {
        return importId == null ? Optional.empty() : tracker.find(importId);
    }

    public String getStep() {
        if (importId != null) {
            return "progress";
        }
        return columns.isEmpty() ? "upload" : "mapping";
    }

    public int getPercent() {
        return isDone() ? 100 : progress().map(ImportProgress::percent).orElse(0);
    }

    /**
     * Whether the import has ended, as this request saw it first: one answer of the poll shows either the live
     * counts or the report, never live counts read just before the import ended beside its report (the poll
     * stops after that answer, so its counts would stay on screen).
     */
    public boolean isDone() {
        return seen().done();
    }

    public ImportProgress getProgress() {
        return progress().orElse(null);
    }

    /** The report once the import has ended, as this request saw it first (see {@link #isDone()}). */
    public ImportReport getReport() {
        return seen().report();
    }

    /** What one request saw of the import's end: read once, kept in the request's attributes. */
    private record Seen(boolean done, ImportReport report) {}

    private Seen seen() {
        return (Seen) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(SEEN, key -> {
            Optional<ImportProgress> progress = progress();
            ImportReport report = progress.map(ImportProgress::report).orElse(null);
            return new Seen(
                    report != null || progress.map(ImportProgress::failure).isPresent(), report);
        });
    }

    /** The repeated lines named so far (the report's once done), in file order. */
    public List<RepeatedLine> getRepeatedLines() {
        return progress().map(ImportProgress::repeatedLines).orElse(List.of());
    }

    /** Why the line was rejected, in the viewer's language. */
    public String reason(RejectedLine line) {
        return ProblemTexts.reason(line.problems(), line.reason(), Messages.bundle());
    }

    /** Why the reading stopped, in the viewer's language; null when it did not. */
    public String getAbortReason() {
        ImportReport report = getReport();
        return report == null || !report.aborted()
                ? null
                : ProblemTexts.abortReason(report.abortProblems(), report.abortReason(), Messages.bundle());
    }

    public ImportField[] getFields() {
        return ImportField.values();
    }

    public List<String> getEncodings() {
        return ENCODINGS;
    }

    public List<ColumnChoice> getColumns() {
        return columns;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = ENCODINGS.contains(encoding) ? encoding : "UTF-8";
    }

    public String getDelimiterName() {
        return switch (delimiter) {
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "comma";
        };
    }

    public ImportChoices.EmptyCells getEmptyCells() {
        return emptyCells;
    }

    public void setEmptyCells(ImportChoices.EmptyCells emptyCells) {
        this.emptyCells = emptyCells == null ? ImportChoices.DEFAULT.emptyCells() : emptyCells;
    }

    public ImportChoices.InvalidValues getInvalidValues() {
        return invalidValues;
    }

    public void setInvalidValues(ImportChoices.InvalidValues invalidValues) {
        this.invalidValues = invalidValues == null ? ImportChoices.DEFAULT.invalidValues() : invalidValues;
    }

    public String getListName() {
        return listName;
    }

    public void setListName(String listName) {
        this.listName = listName;
    }
}
