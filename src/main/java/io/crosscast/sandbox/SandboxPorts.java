package io.crosscast.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The sandboxes' check of their port before they start, so a taken port is reported rather than thrown. */
final class SandboxPorts {

    private SandboxPorts() {}

    /** Why {@code host:port} cannot be listened on, or null when it can (port 0: any free port, always). */
    static String problem(String host, int port) {
        if (port == 0) {
            return null;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (IOException e) {
            return "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")";
        }
    }
}
