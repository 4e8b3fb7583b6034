package io.crosscast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.crosscast.architecture.ArchitectureTest.assertHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning concept, and only that concept writes it: other concepts go through the owner's
 * service or its published statements (e.g. {@code audience.RecipientMarks}, {@code list.ListService}).
 * Checked three ways: every table of the migrations has an owner, every SQL or JPQL write in the code
 * (INSERT, UPDATE, DELETE, MERGE in a string literal) lies in its table's owner, and every entity lies in its
 * table's owner and has its setters called only there (or by the web layer, which edits detached copies that
 * the owner's service then saves).
 */
class TableOwnershipTest {

    /** Table -> owning concept (the package under io.crosscast). Quartz's tables are Quartz's own. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("app_setting", "settings"),
            Map.entry("api_token", "apitoken"),
            Map.entry("campaign", "campaign"),
            Map.entry("delivery", "delivery"),
            Map.entry("delivery_link", "delivery"),
            Map.entry("delivery_message", "delivery"),
            Map.entry("delivery_bounce", "delivery"),
            Map.entry("recipient", "audience"),
            Map.entry("import_row", "audience"),
            Map.entry("recipient_list", "list"),
            Map.entry("list_member", "list"),
            Map.entry("workflow", "workflow"),
            Map.entry("workflow_run", "workflow"),
            Map.entry("population", "workflow"),
            Map.entry("simulated_hit", "workflow"),
            Map.entry("simulation_script", "workflow"),
            Map.entry("population_member", "workflow"),
            Map.entry("enrichment_value", "workflow"),
            Map.entry("run_log", "workflow"),
            Map.entry("run_request", "workflow"),
            Map.entry("run_signal", "workflow"),
            Map.entry("tracking_log", "tracking"),
            Map.entry("webhook_subscription", "webhook"),
            Map.entry("webhook_event", "webhook"),
            Map.entry("webhook_attempt", "webhook"));

    private static final Path SOURCES = Path.of("src/main/java/io/crosscast");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\\s+(\\w+)");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = ProductionClasses.get();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path migration :
                    migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(migration));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.removeIf(t -> t.startsWith("qrtz_"));
        assertTrue(tables.size() > 10, "the migrations were not found");
        assertEquals(new TreeSet<>(OWNERS.keySet()), tables, "tables of the migrations vs the owners named here");
    }

    @Test
    void onlyTheOwnerWritesATable() throws IOException {
        Map<String, String> entityTables = entityTables();
        List<String> offending = new ArrayList<>();
        int writes = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String concept = SOURCES.relativize(source).getName(0).toString();
                Matcher literal = LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher write = WRITE.matcher(text);
                    while (write.find()) {
                        String named = write.group(1);
                        String table = entityTables.getOrDefault(named, named.toLowerCase(Locale.ROOT));
                        String owner = OWNERS.get(table);
                        if (owner == null) {
                            continue; // not a table (e.g. "UPDATE" in a message)
                        }
                        writes++;
                        if (!owner.equals(concept)) {
                            offending.add(
                                    SOURCES.relativize(source) + " writes " + table + " (owned by " + owner + ")");
                        }
                    }
                }
            }
        }
        assertTrue(writes > 30, "the SQL writes were not found: " + writes);
        assertEquals(List.of(), offending);
    }

    @Test
    void entitiesLiveInTheirTablesOwner() {
        List<String> offending = new ArrayList<>();
        for (JavaClass entity : production.that(CanBeAnnotated.Predicates.annotatedWith(Entity.class))) {
            String table = entity.getAnnotationOfType(Table.class).name();
            if (!OWNERS.containsKey(table)) {
                offending.add(entity.getName() + " maps " + table + ", which has no owner");
            } else if (!ArchitectureTest.conceptOf(entity).equals(OWNERS.get(table))) {
                offending.add(entity.getName() + " maps " + table + ", owned by " + OWNERS.get(table));
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void onlyTheOwnerOrTheWebLayerCallsAnEntitysSetters() {
        assertHolds(classes()
                .that()
                .resideOutsideOfPackage("io.crosscast.web..")
                .should(callNoSetterOfAnotherConceptsEntity())
                .because("a table's rows change through its owner's service"));
    }

    private static ArchCondition<JavaClass> callNoSetterOfAnotherConceptsEntity() {
        return new ArchCondition<>("call no setter of another concept's entity") {
            @Override
            public void check(JavaClass caller, ConditionEvents events) {
                for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    if (target.isAnnotatedWith(Entity.class)
                            && call.getName().startsWith("set")
                            && !ArchitectureTest.conceptOf(target).equals(ArchitectureTest.conceptOf(caller))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static Map<String, String> entityTables() {
        Map<String, String> tables = new HashMap<>();
        for (JavaClass entity : production) {
            if (entity.isAnnotatedWith(Entity.class)) {
                tables.put(
                        entity.getSimpleName(),
                        entity.getAnnotationOfType(Table.class).name());
            }
        }
        return tables;
    }
}
