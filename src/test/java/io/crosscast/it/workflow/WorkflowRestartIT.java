package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.OwnDeployment;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.settings.SettingsService;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run waiting in a Wait survives the application going away: the application is undeployed (its
 * scheduler shut down) past the wake-up time, deployed again, and the run resumes by itself from the
 * trigger stored in the JDBC job store. The steps share the run id through a setting in the database.
 */
@OwnDeployment
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowRestartIT {

    private static final String APP = "restartable";
    private static final String RUN_SETTING = "it.restart.run";

    @ArquillianResource
    private Deployer deployer;

    @EJB
    private WorkflowService workflows;

    @EJB
    private RecipientService recipients;

    @EJB
    private SettingsService settings;

    @Deployment(name = APP, managed = false)
    static WebArchive deployment() {
        return Deployments.crosscast(WorkflowRestartIT.class);
    }

    @Test
    @Order(1)
    @RunAsClient
    void deploy() {
        deployer.deploy(APP);
    }

    @Test
    @Order(2)
    @OperateOnDeployment(APP)
    void startARunThatWaits() {
        String token = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < 7; i++) {
            RecipientForm form = new RecipientForm();
            form.setFirstName("N" + i);
            form.setLastName(token);
            recipients.create(form);
        }
        String json = TestDocuments.waitWorkflow("restart", token, Instant.now().plusSeconds(5));
        long runId = workflows.start(workflows.create("Restart " + token, json).getId());
        assertTrue(Polling.eventually(
                Duration.ofSeconds(30),
                () -> "WAITING"
                        .equals(workflows.view(runId).activities().get("wait").phase())));
        settings.put(RUN_SETTING, Long.toString(runId));
    }

    @Test
    @Order(3)
    @RunAsClient
    void theApplicationIsAwayWhenTheWaitEnds() throws InterruptedException {
        deployer.undeploy(APP);
        Thread.sleep(7_000); // past the wake-up time, with no scheduler running
        deployer.deploy(APP);
    }

    @Test
    @Order(4)
    @OperateOnDeployment(APP)
    void theRunResumesByItself() {
        long runId = Long.parseLong(settings.get(RUN_SETTING).orElseThrow());
        assertTrue(
                Polling.eventually(
                        Duration.ofSeconds(60),
                        () -> "FINISHED".equals(workflows.view(runId).status())),
                () -> "the run did not resume: " + workflows.view(runId));
        RunView run = workflows.view(runId);
        assertEquals(7, run.transitions().get("wait.out>end").count());
    }

    @Test
    @Order(5)
    @RunAsClient
    void undeploy() {
        deployer.undeploy(APP);
    }
}
