package io.crosscast.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.Session;

/**
 * The connections of the sandbox's SMSC: accepting them, binding each on a short-lived thread of its own (any
 * bind type, any system id and password is accepted), and the sessions bound now with their system ids, to
 * which receipts and replies go. Sessions that close or unbind are forgotten.
 */
final class SmscSessions {

    // One logger for every part of the SMSC: its messages keep their category.
    private static final Logger LOG = Logger.getLogger(SandboxSmsc.class.getName());
    private static final long BIND_TIMEOUT_MILLIS = 10_000;

    private final ThreadFactory threads;
    private final BooleanSupplier running;
    /** Bound sessions and their system ids. */
    private final Map<SMPPServerSession, String> bound = new ConcurrentHashMap<>();

    /**
     * @param threads where the accepting and binding threads come from
     * @param running whether the SMSC still runs: accepting ends, and a bind completing is closed, once not
     */
    SmscSessions(ThreadFactory threads, BooleanSupplier running) {
        this.threads = threads;
        this.running = running;
    }

    /** A thread, not started, that accepts connections on {@code listener}; null when there is no thread. */
    Thread acceptor(SMPPServerSessionListener listener, LoopbackServerSockets sockets) {
        Thread accepting = threads.newThread(() -> accept(listener, sockets));
        if (accepting != null) {
            nameThread(accepting, "sandbox-smsc-accept-" + sockets.port());
        }
        return accepting;
    }

    /** jSMPP's session state listener: a session that closed or unbound is no longer bound. */
    void stateChanged(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
            bound.remove(source);
        }
    }

    /** The system id {@code session} bound with; empty when it is not bound. */
    String systemId(SMPPServerSession session) {
        return bound.getOrDefault(session, "");
    }

    int count() {
        return bound.size();
    }

    /** The bound sessions with their system ids, as they are now. */
    List<Map.Entry<SMPPServerSession, String>> snapshot() {
        return List.copyOf(bound.entrySet());
    }

    /** The {@code submitter} when it can receive, else any receiving session of {@code systemId}, else null. */
    SMPPServerSession receiverFor(SMPPServerSession submitter, String systemId) {
        if (bound.containsKey(submitter) && submitter.getSessionState().isReceivable()) {
            return submitter;
        }
        for (Map.Entry<SMPPServerSession, String> entry : bound.entrySet()) {
            if (entry.getValue().equals(systemId)
                    && entry.getKey().getSessionState().isReceivable()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Closes every session, without unbinding (as a link that goes down). */
    void closeAll() {
        for (SMPPServerSession session : List.copyOf(bound.keySet())) {
            session.close();
        }
        bound.clear();
    }

    private void accept(SMPPServerSessionListener listener, LoopbackServerSockets sockets) {
        while (running.getAsBoolean()) {
            SMPPServerSession session;
            try {
                session = listener.accept();
            } catch (IOException e) {
                if (!running.getAsBoolean() || sockets.closed()) {
                    return;
                }
                LOG.log(Level.WARNING, "SMPP sandbox: accepting a connection failed", e);
                continue;
            }
            Thread binding = threads.newThread(() -> bind(session));
            if (binding == null) {
                session.close();
            } else {
                nameThread(binding, "sandbox-smsc-bind-" + session.getSessionId());
                binding.start();
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            String systemId = request.getSystemId() == null ? "" : request.getSystemId();
            bound.put(session, systemId);
            request.accept(SandboxSmsc.SYSTEM_ID, InterfaceVersion.IF_34);
            if (!running.getAsBoolean() || !session.getSessionState().isNotClosed()) {
                bound.remove(session);
                session.close();
            } else {
                LOG.fine(() -> "SMPP sandbox: " + request.getBindType() + " bound, system id " + systemId);
            }
        } catch (TimeoutException e) {
            LOG.fine("SMPP sandbox: a connection sent no bind in time; closed");
            session.close();
        } catch (PDUStringException | IOException | RuntimeException e) {
            LOG.log(Level.INFO, "SMPP sandbox: a bind failed", e);
            bound.remove(session);
            session.close();
        }
    }

    private static void nameThread(Thread thread, String name) {
        try {
            thread.setName(name);
        } catch (SecurityException e) {
            // a managed thread may keep its own name
        }
    }
}
