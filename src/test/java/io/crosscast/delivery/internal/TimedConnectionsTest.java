package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.sms.SmppTimeouts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

/** An SMSC that accepts the connection and never answers costs the bind its response timeout, not a thread for ever. */
class TimedConnectionsTest {

    @Test
    void aSilentSmscFailsTheBindAfterTheResponseTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SMPPSession session = new SMPPSession(new TimedConnections(1_000));
            session.setTransactionTimer(300);
            long start = System.nanoTime();
            assertThrows(
                    IOException.class,
                    () -> session.connectAndBind(
                            "127.0.0.1",
                            silent.getLocalPort(),
                            new BindParameter(
                                    BindType.BIND_TRX,
                                    "crosscast",
                                    "",
                                    "",
                                    TypeOfNumber.UNKNOWN,
                                    NumberingPlanIndicator.UNKNOWN,
                                    null),
                            300));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis < 3_000, "gave up after " + millis + " ms");
            session.unbindAndClose();
            acceptor.interrupt();
        }
    }

    @Test
    void timeoutsComeFromTheSystemPropertiesWithDefaults() {
        assertEquals(new SmppTimeouts(10_000, 10_000, 30_000), SmppTimeouts.from(name -> null));
        Map<String, String> set =
                Map.of(SmppTimeouts.CONNECT, "2500", SmppTimeouts.RESPONSE, "x", SmppTimeouts.ENQUIRE_LINK, "5000");
        assertEquals(new SmppTimeouts(2_500, 10_000, 5_000), SmppTimeouts.from(set::get));
    }
}
