package io.crosscast.platform;

/**
 * This server's name among the nodes of a cluster: WildFly's node name ({@code -Djboss.node.name}, which the HA
 * profile needs unique per node anyway), else the host name. It marks what belongs to one node in the shared
 * database: the ledger rows it claimed, its Quartz scheduler instance. It must stay the same across restarts of one
 * node (a node that starts again gives back its own claims and recovers its own Quartz jobs at once), and differ
 * between nodes (two nodes of one name would release each other's claims).
 */
public final class NodeName {

    /** The longest name kept (the ledger's claimed_by and Quartz's instance name columns hold 100 and 200). */
    public static final int MAX_LENGTH = 100;

    private NodeName() {}

    public static String current() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            name = System.getProperty("jboss.host.name", "crosscast");
        }
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
