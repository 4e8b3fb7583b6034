package io.crosscast.scheduling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.crosscast.platform.DatabaseVendor;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuartzPropertiesTest {

    private final String nodeBefore = System.getProperty("jboss.node.name");

    @AfterEach
    void restore() {
        if (nodeBefore == null) {
            System.clearProperty("jboss.node.name");
        } else {
            System.setProperty("jboss.node.name", nodeBefore);
        }
    }

    @Test
    void postgresqlIsClusteredWithTheNodeAsInstance() {
        System.setProperty("jboss.node.name", "node-b");
        Properties p = QuartzProperties.forVendor(DatabaseVendor.POSTGRESQL);
        assertEquals("true", p.getProperty("org.quartz.jobStore.isClustered"));
        assertEquals("node-b", p.getProperty("org.quartz.scheduler.instanceId"));
        assertEquals("7500", p.getProperty("org.quartz.jobStore.clusterCheckinInterval"));
        assertEquals("crosscast", p.getProperty("org.quartz.scheduler.instanceName"));
    }

    @Test
    void h2StaysSingleNode() {
        Properties p = QuartzProperties.forVendor(DatabaseVendor.H2);
        assertEquals("false", p.getProperty("org.quartz.jobStore.isClustered"));
        assertNull(p.getProperty("org.quartz.scheduler.instanceId"));
    }
}
