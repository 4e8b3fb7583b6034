package io.crosscast.web.api;

import io.crosscast.audience.ImportReport;
import io.crosscast.audience.RecipientImportService;
import io.crosscast.audience.importing.ColumnMapping;
import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.audience.importing.RecipientCsvReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/imports}: imports the CSV file of the request body (header row first; columns matched
 * to fields by name as on the import page) and answers the report: counts and the rejected lines with
 * their numbers and reasons. The body is streamed, never held whole.
 */
@Tag(name = "Imports")
@APIResponse(responseCode = "401", ref = CrosscastApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = CrosscastApi.FORBIDDEN)
@APIResponse(responseCode = "500", ref = CrosscastApi.SERVER_ERROR)
@Path("imports")
@RequestScoped
public class ImportResource {

    /** Longest header line read to detect the delimiter and the columns. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    @EJB
    private RecipientImportService importer;

    @Operation(
            operationId = "importRecipients",
            summary = "Import recipients from a CSV file",
            description =
                    "A header row first; columns matched by name (English or French); recipients matched by email. Good lines are imported, bad ones reported.")
    @APIResponse(responseCode = "200", description = "The import report.")
    @APIResponse(responseCode = "400", ref = CrosscastApi.BAD_REQUEST)
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importCsv(
            @RequestBody(description = "The CSV file, streamed.") InputStream body,
            @Parameter(description = "The file's character encoding (e.g. UTF-8, ISO-8859-1, windows-1252).")
                    @QueryParam("encoding")
                    @DefaultValue("UTF-8")
                    String encoding,
            @Parameter(description = "A list every imported recipient joins; created if missing.") @QueryParam("list")
                    String listName,
            @Parameter(
                            description =
                                    "What an empty cell of a column the file has does: keep the recipient's value, or clear it (an opt-out is never cleared).",
                            schema = @Schema(enumeration = {"keep", "clear"}))
                    @QueryParam("emptyCells")
                    @DefaultValue("keep")
                    String emptyCells,
            @Parameter(
                            description =
                                    "What an invalid value of an optional field does: reject the line, or import it without that value and list a warning.",
                            schema = @Schema(enumeration = {"reject", "skip"}))
                    @QueryParam("invalidValues")
                    @DefaultValue("reject")
                    String invalidValues)
            throws IOException {
        ImportChoices choices = choices(emptyCells, invalidValues);
        Charset charset = charset(encoding);
        BufferedInputStream in = new BufferedInputStream(body, MAX_HEADER_BYTES + 1);
        in.mark(MAX_HEADER_BYTES + 1);
        String headerLine = new String(firstLine(in), charset);
        in.reset();
        if (headerLine.isBlank()) {
            throw ApiException.badRequest(
                    null, "import.empty", "The body is empty: send a CSV file with a header row.");
        }
        char delimiter = RecipientCsvReader.detectDelimiter(headerLine);
        List<String> headers = RecipientCsvReader.readHeader(
                new ByteArrayInputStream(headerLine.getBytes(charset)), charset, delimiter);
        ColumnMapping mapping = ColumnMapping.autoMatch(headers);
        if (!mapping.problems().isEmpty()) {
            throw ApiException.badRequest("header", "import.emailNotMapped", String.join(" ", mapping.problems()));
        }
        return importer.importCsv(in, charset, delimiter, mapping, choices, listName);
    }

    private static ImportChoices choices(String emptyCells, String invalidValues) {
        ImportChoices.EmptyCells empty = ImportChoices.EmptyCells.fromApiName(lower(emptyCells))
                .orElseThrow(() -> ApiException.badRequest(
                        "emptyCells",
                        "import.emptyCells",
                        "emptyCells must be keep or clear, not '" + emptyCells.strip() + "'."));
        ImportChoices.InvalidValues invalid = ImportChoices.InvalidValues.fromApiName(lower(invalidValues))
                .orElseThrow(() -> ApiException.badRequest(
                        "invalidValues",
                        "import.invalidValues",
                        "invalidValues must be reject or skip, not '" + invalidValues.strip() + "'."));
        return new ImportChoices(empty, invalid);
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ApiException.badRequest(
                    "encoding",
                    "import.encoding",
                    "Unknown encoding '" + name + "' (e.g. UTF-8, ISO-8859-1, windows-1252).");
        }
    }

    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n' && line.size() < MAX_HEADER_BYTES; b = in.read()) {
            line.write(b);
        }
        return line.toByteArray();
    }
}
