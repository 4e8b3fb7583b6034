package io.crosscast.audience;

import io.crosscast.audience.contact.PhoneNumbers;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.audience.importing.ImportRow;
import io.crosscast.audience.importing.ImportSummary;
import io.crosscast.audience.importing.RecipientCsvReader;
import io.crosscast.audience.internal.ImportChunkWriter;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports recipients from CSV: the file is streamed, valid lines go to the database in chunks of
 * {@link #CHUNK} (insert or update by email, set-based), bad lines are skipped and reported with their
 * line number and reason. Lines that repeat an address of an earlier line of the same chunk are counted and
 * named with that line. Memory stays bounded whatever the file's size: one chunk, the first
 * {@link #MAX_REPORTED_REJECTS} rejected lines and the first {@link #MAX_REPORTED_REPEATS} repeated lines.
 */
@Stateless
public class RecipientImportService {

    public static final int CHUNK = 2_000;
    public static final int MAX_REPORTED_REJECTS = 10_000;
    public static final int MAX_REPORTED_REPEATS = 10_000;

    private static final Logger LOG = Logger.getLogger(RecipientImportService.class.getName());

    @EJB
    private ImportChunkWriter writer;

    @Inject
    private ImportListTarget lists;

    @EJB
    private RecipientImportService self;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private ImportTracker tracker;

    /** Imports now and returns the report (REST API, tests). Each chunk commits on its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importCsv(
            InputStream in,
            Charset charset,
            char delimiter,
            ColumnMapping mapping,
            ImportChoices choices,
            String listName)
            throws IOException {
        ImportProgress progress = new ImportProgress(UUID.randomUUID().toString(), -1, choices);
        return run(in, charset, delimiter, mapping, listName, progress);
    }

    /**
     * Starts importing a file in the background and returns the id to follow it with
     * {@link ImportTracker}; the file is deleted once read.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String start(
            Path file, Charset charset, char delimiter, ColumnMapping mapping, ImportChoices choices, String listName)
            throws IOException {
        requireValid(mapping);
        ImportProgress progress = new ImportProgress(UUID.randomUUID().toString(), Files.size(file), choices);
        tracker.register(progress);
        self.runInBackground(file, charset, delimiter, mapping, listName, progress);
        return progress.importId();
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void runInBackground(
            Path file,
            Charset charset,
            char delimiter,
            ColumnMapping mapping,
            String listName,
            ImportProgress progress) {
        try (InputStream in = Files.newInputStream(file)) {
            run(in, charset, delimiter, mapping, listName, progress);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + progress.importId() + " failed", e);
            progress.fail(e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Could not delete the uploaded file " + file);
            }
        }
    }

    private ImportReport run(
            InputStream in,
            Charset charset,
            char delimiter,
            ColumnMapping mapping,
            String listName,
            ImportProgress progress)
            throws IOException {
        requireValid(mapping);
        long started = System.nanoTime();
        ImportListTarget.ChunkStep toList = listName == null || listName.isBlank() ? null : lists.list(listName.trim());
        List<ImportRow> chunk = new ArrayList<>(CHUNK);
        Runnable flush = () -> {
            if (!chunk.isEmpty()) {
                // An address twice in the chunk: its last line wins; the later lines are named with the first.
                Map<String, ImportRow> byAddress = new LinkedHashMap<>();
                chunk.forEach(row -> byAddress.put(row.emailKey(), row));
                List<RepeatedLine> repeats = RepeatedLine.in(chunk);
                ImportChunkWriter.ChunkResult result =
                        writer.write(progress.importId(), byAddress.values(), mapping.mappedFields(), toList);
                int emptyCells = chunk.stream().mapToInt(ImportRow::emptyCells).sum();
                progress.chunkWritten(
                        chunk.size(), result.created(), result.updated(), emptyCells, repeats, MAX_REPORTED_REPEATS);
                chunk.clear();
            }
        };
        CountingInputStream counting = new CountingInputStream(in, progress);
        RecipientCsvReader reader = new RecipientCsvReader(delimiter, phoneNumbers);
        ImportSummary summary = reader.read(
                counting,
                charset,
                mapping,
                progress.choices(),
                row -> {
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        flush.run();
                    }
                },
                rejected -> progress.rejected(rejected, MAX_REPORTED_REJECTS),
                warned -> progress.warned(warned, MAX_REPORTED_REJECTS));
        flush.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        ImportReport report = progress.finish(summary, millis);
        LOG.info(() ->
                "Import " + report.importId() + ": " + report.linesRead() + " lines, " + report.created() + " created, "
                        + report.updated() + " updated, " + report.rejected() + " rejected, " + report.warnings()
                        + " with values left out in " + millis + " ms");
        return report;
    }

    private static void requireValid(ColumnMapping mapping) {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new AudienceException("mapping", "import.mappingInvalid", String.join(" ", problems));
        }
    }

    /** Tells the progress how far into the file the reader is. */
    private static final class CountingInputStream extends FilterInputStream {

        private final ImportProgress progress;
        private long count;

        CountingInputStream(InputStream in, ImportProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytesRead(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                progress.bytesRead(count);
            }
            return n;
        }
    }
}
