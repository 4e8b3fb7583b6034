package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/imports: a CSV body in, the report with rejected lines out. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportApiIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.crosscast();
    }

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

        JsonObject count = api.post("recipients/count", ApiClient.withCondition(
                ApiClient.rule("lastName", "equals", t))).json();
        assertEquals(2, count.getInt("count"));
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
        ApiClient.Reply reply = ApiClient.withAuthorization(base, null)
                .send("POST", "imports", "text/csv", "email\na@example.com\n");
        assertEquals(401, reply.status());
    }
}
