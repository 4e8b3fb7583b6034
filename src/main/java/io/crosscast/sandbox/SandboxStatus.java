package io.crosscast.sandbox;

import java.io.Serializable;

/**
 * What a sandbox, SMTP ({@link SmtpSandbox}) or SMPP ({@link SmppSandbox}), is doing.
 *
 * @param enabled the server asks for the sandbox ({@code crosscast.sandbox=true})
 * @param running its server (SMTP, or SMPP: the SMSC) listens and catches what the application sends
 * @param host where it listens (or would)
 * @param port its port
 * @param keep the most messages the outbox holds
 * @param problem why an enabled sandbox does not run (e.g. the port is taken), else null
 */
public record SandboxStatus(boolean enabled, boolean running, String host, int port, int keep, String problem)
        implements Serializable {

    /** The SMTP sandbox is off: mail goes to the configured SMTP server. */
    public static SandboxStatus off(SandboxSettings settings) {
        return new SandboxStatus(false, false, settings.host(), settings.port(), settings.keep(), null);
    }

    /** {@code host:port}, as the page shows it. */
    public String address() {
        return host + ":" + port;
    }
}
