package io.crosscast.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * GreenMail's SMTP server (SMTP only: no POP3, no IMAP), bound to one address, handing every message it
 * receives to a sink. It accepts any sender, any recipient and, when a client authenticates, any user and
 * password. Starting never throws: when the port is taken (or anything else stops it) {@link #start()}
 * answers false and {@link #problem()} says why.
 */
public final class SandboxSmtpServer {

    private final String host;
    private final int port;
    private final Consumer<ReceivedMail> sink;
    private GreenMail greenMail;
    private int boundPort;
    private String problem;

    /** A server on {@code host:port} (port 0: any free port, see {@link #port()} once started). */
    public SandboxSmtpServer(String host, int port, Consumer<ReceivedMail> sink) {
        this.host = host;
        this.port = port;
        this.sink = sink;
    }

    /** Starts listening; false, with {@link #problem()} set, when it cannot. */
    public synchronized boolean start() {
        if (greenMail != null) {
            return true;
        }
        // GreenMail reports a taken port from its own thread with an error and a stack trace; a quick check
        // first keeps the usual case (another server already on the port) to one clear warning.
        String taken = SandboxPorts.problem(host, port);
        if (taken != null) {
            problem = taken;
            return false;
        }
        ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        // Before start(): GreenMail keeps its managers, and so this handler, across start().
        server.getUserManager().setMessageDeliveryHandler(new OutboxDelivery(sink, Clock.systemUTC()));
        try {
            server.start();
        } catch (RuntimeException e) {
            stopQuietly(server);
            problem = describe(e);
            return false;
        }
        greenMail = server;
        boundPort = server.getSmtp().getPort();
        problem = null;
        return true;
    }

    /** Stops listening and closes open connections. */
    public synchronized void stop() {
        if (greenMail != null) {
            stopQuietly(greenMail);
            greenMail = null;
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public String host() {
        return host;
    }

    /** The port it listens on: the one asked for, or the one given when that was 0. */
    public synchronized int port() {
        return greenMail != null ? boundPort : port;
    }

    /** Why the last start failed, or null. */
    public synchronized String problem() {
        return problem;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static void stopQuietly(GreenMail server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            // stopping a server that did not start: nothing more to release
        }
    }
}
