package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.ClientTestCase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/imports: a CSV body in, the report with rejected lines out. */
class ImportApiIT extends ClientTestCase {

    @Test
    void aCsvBodyIsImportedAndItsBadLinesReported() {
        String t = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String csv = "E-mail;Prénom;Nom;Statut\n"
                + "x1." + t + "@example.com;Xavier;" + t + ";gold\n"
                + "nope;Yann;" + t + ";gold\n"
                + "x3." + t + "@example.com;Zoé;" + t + ";platinum\n"
                + "x4." + t + "@example.com;Wendy;" + t + ";\n";
        ApiClient api = ApiClient.as(base, "marketer", "marketer");

        ApiClient.Reply reply = api.send("POST", "imports?list=Imported%20" + t, "text/csv; charset=UTF-8", csv);

        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        assertEquals(4, report.getInt("linesRead"));
        assertEquals(2, report.getInt("created"));
        assertEquals(2, report.getInt("rejected"));
        assertEquals(false, report.getBoolean("rejectedLinesTruncated"), "the key docs/API.md documents");
        JsonArray rejected = report.getJsonArray("rejectedLines");
        assertEquals(3, rejected.getJsonObject(0).getInt("lineNumber"));
        assertEquals(4, rejected.getJsonObject(1).getInt("lineNumber"));
        assertTrue(rejected.getJsonObject(1).getString("reason").contains("platinum"), rejected.toString());

        JsonObject count = api.post(
                        "recipients/count", ApiClient.withCondition(ApiClient.rule("lastName", "equals", t)))
                .json();
        assertEquals(2, count.getInt("count"));
    }

    @Test
    void aLongValueIsQuotedShortAndRepeatedLinesAreNamed() {
        String t = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String csv = "email,last name,status\n"
                + "r1." + t + "@example.com," + t + ",gold\n" // line 2
                + "r2." + t + "@example.com," + t + "," + "a".repeat(5_000) + "\n" // line 3: 5,000-character status
                + "R1." + t + "@example.com," + t + ",silver\n" // line 4: repeats line 2
                + "r5." + t + "@example.com," + t + ",bronze\n" // line 5
                + "r1." + t + "@example.com," + t + ",bronze\n"; // line 6: repeats line 2
        ApiClient api = ApiClient.as(base, "marketer", "marketer");

        ApiClient.Reply reply = api.send("POST", "imports", "text/csv; charset=UTF-8", csv);

        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        assertEquals(5, report.getInt("linesRead"));
        assertEquals(2, report.getInt("created"));
        assertEquals(1, report.getInt("rejected"));
        String reason = report.getJsonArray("rejectedLines").getJsonObject(0).getString("reason");
        assertEquals(
                "'" + "a".repeat(100) + "…' (5,000 characters) is not a status: use GOLD, SILVER, BRONZE or NONE",
                reason);
        assertTrue(report.getJsonArray("rejectedLines")
                        .getJsonObject(0)
                        .getString("rawLine")
                        .length()
                <= 501);

        assertEquals(2, report.getInt("duplicates"));
        JsonArray repeated = report.getJsonArray("repeatedLines");
        assertEquals(2, repeated.size(), report.toString());
        assertEquals(4, repeated.getJsonObject(0).getInt("lineNumber"));
        assertEquals(2, repeated.getJsonObject(0).getInt("repeatsLine"));
        assertEquals(6, repeated.getJsonObject(1).getInt("lineNumber"));
        assertEquals(2, repeated.getJsonObject(1).getInt("repeatsLine"));
        assertEquals(false, report.getBoolean("repeatedLinesTruncated"), "the key docs/API.md documents");
    }

    @Test
    void aFileWithoutAnEmailColumnIsRefused() {
        ApiClient.Reply reply = ApiClient.as(base, "marketer", "marketer")
                .send("POST", "imports", "text/csv", "name,phone\nAnn,0612345678\n");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().getString("message").toLowerCase().contains("email"), reply.body());
    }

    @Test
    void importsNeedCredentials() {
        ApiClient.Reply reply =
                ApiClient.withAuthorization(base, null).send("POST", "imports", "text/csv", "email\na@example.com\n");
        assertEquals(401, reply.status());
    }

    @Test
    void theChoicesForEmptyCellsAndInvalidValuesAreParametersEchoedInTheReport() {
        String t = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String csv = "email,last name,mobile,status\n"
                + "c1." + t + "@example.com," + t + ",+33 69 12,gold\n" // line 2: not a mobile
                + "c2." + t + "@example.com," + t + ",,\n"; // line 3: two empty cells
        ApiClient api = ApiClient.as(base, "marketer", "marketer");

        ApiClient.Reply reply =
                api.send("POST", "imports?emptyCells=clear&invalidValues=skip", "text/csv; charset=UTF-8", csv);

        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        assertEquals(2, report.getInt("created"), report.toString());
        assertEquals("clear", report.getString("emptyCellRule"));
        assertEquals("skip", report.getString("invalidValueRule"));
        assertEquals(2, report.getInt("emptyCells"));
        assertEquals(1, report.getInt("warnings"));
        assertEquals(false, report.getBoolean("warningLinesTruncated"));
        JsonObject warning = report.getJsonArray("warningLines").getJsonObject(0);
        assertEquals(2, warning.getInt("lineNumber"));
        assertTrue(warning.getString("reason").contains("+33 69 12"), warning.toString());

        ApiClient.Reply refused = api.send("POST", "imports?emptyCells=forget", "text/csv; charset=UTF-8", csv);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("keep or clear"), refused.body());
        ApiClient.Reply refusedToo = api.send("POST", "imports?invalidValues=ignore", "text/csv; charset=UTF-8", csv);
        assertEquals(400, refusedToo.status(), refusedToo.body());
        assertTrue(refusedToo.body().contains("reject or skip"), refusedToo.body());
    }
}
