package io.crosscast.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * GreenMail's SMTP server (SMTP, and POP3 for the bounce mailbox only when asked), bound to one address, handing every message it
 * receives to a sink. It accepts any sender, any recipient and, when a client authenticates, any user and
 * password. Starting never throws: when the port is taken (or anything else stops it) {@link #start()}
 * answers false and {@link #problem()} says why.
 */
public final class SandboxSmtpServer {

    private static final Logger LOG = Logger.getLogger(SandboxSmtpServer.class.getName());

    private final String host;
    private final int port;
    private final Consumer<ReceivedMail> sink;
    private final int pop3Port;
    private GreenMail greenMail;
    private GreenMailUser bounceMailbox;
    private int boundPort;
    private int boundPop3Port = -1;
    private String problem;

    /** A server on {@code host:port} (port 0: any free port, see {@link #port()} once started). */
    public SandboxSmtpServer(String host, int port, Consumer<ReceivedMail> sink) {
        this(host, port, -1, sink);
    }

    /**
     * A server on {@code host:port} that also serves, over POP3 on {@code pop3Port} (0: any free port, negative:
     * none), the bounce mailbox (login {@value #BOUNCE_LOGIN}, any password), where test addresses' bounces go
     * ({@link SandboxBounces}).
     */
    public SandboxSmtpServer(String host, int port, int pop3Port, Consumer<ReceivedMail> sink) {
        this.host = host;
        this.port = port;
        this.pop3Port = pop3Port;
        this.sink = sink;
    }

    /** The login of the sandbox's bounce mailbox. */
    public static final String BOUNCE_LOGIN = "bounces";

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
        if (pop3Port > 0) {
            String pop3Taken = SandboxPorts.problem(host, pop3Port);
            if (pop3Taken != null) {
                problem = pop3Taken;
                return false;
            }
        }
        ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        GreenMail server = pop3Port < 0
                ? new GreenMail(setup)
                : new GreenMail(new ServerSetup[] {setup, new ServerSetup(pop3Port, host, ServerSetup.PROTOCOL_POP3)});
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        // Before start(): GreenMail keeps its managers, and so this handler, across start().
        server.getUserManager()
                .setMessageDeliveryHandler(new OutboxDelivery(pop3Port < 0 ? sink : this::receive, Clock.systemUTC()));
        try {
            server.start();
        } catch (RuntimeException e) {
            stopQuietly(server);
            problem = describe(e);
            return false;
        }
        greenMail = server;
        boundPort = server.getSmtp().getPort();
        if (pop3Port >= 0) {
            try {
                GreenMailUser user = server.getUserManager().getUser(BOUNCE_LOGIN);
                bounceMailbox = user != null
                        ? user
                        : server.getUserManager().createUser("bounces@sandbox.crosscast.test", BOUNCE_LOGIN, "");
                boundPop3Port = server.getPop3().getPort();
            } catch (UserException e) {
                stopQuietly(server);
                greenMail = null;
                problem = "bounce mailbox: " + e.getMessage();
                return false;
            }
        }
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

    /** The POP3 port of the bounce mailbox, or -1 when there is none. */
    public synchronized int pop3Port() {
        return greenMail != null ? boundPop3Port : pop3Port;
    }

    /** Hands a received message to the sink, then puts the bounces it causes into the bounce mailbox. */
    private void receive(ReceivedMail mail) {
        sink.accept(mail);
        GreenMailUser mailbox = bounceMailbox;
        if (mailbox == null) {
            return;
        }
        try {
            for (MimeMessage bounce : SandboxBounces.of(mail)) {
                mailbox.deliver(bounce);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warning("SMTP sandbox: a bounce could not be put into the bounce mailbox: " + e);
        }
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
