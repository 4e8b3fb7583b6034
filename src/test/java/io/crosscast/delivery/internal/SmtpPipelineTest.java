package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.internal.SmtpOutcome.Kind;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SmtpPipeline} against a scripted SMTP server in the test's JVM that gathers its replies while more input
 * arrives (within 50 ms) and counts the groups it sends: a client that waits for each reply makes four groups per
 * message, a pipelining one about one.
 */
class SmtpPipelineTest {

    private Scripted server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pipelinesEachMessagesEndWithTheNextEnvelope() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        List<SmtpOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            for (int i = 0; i < 10; i++) {
                smtp.send(message("r" + i + "@example.com", null), outcomes::add);
            }
            smtp.finish();
            assertTrue(smtp.pipelining());
        }
        assertEquals(10, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o.kind() == Kind.ACCEPTED), outcomes.toString());
        assertEquals(10, server.messages.size());
        assertEquals("RCPT TO:<r9@example.com>", server.envelopes.get(9).get(1));
        // greeting, EHLO, then about one group per message (a client waiting for each reply: 4 per message)
        int groups = server.groups.get();
        assertTrue(groups <= 10 + 4, "groups of replies: " + groups);
    }

    @Test
    void waitsForEachReplyWithoutPipelining() throws Exception {
        server = new Scripted(false, (line, n) -> null);
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            for (int i = 0; i < 5; i++) {
                smtp.send(message("r" + i + "@example.com", null), outcomes::add);
                assertEquals(i + 1, outcomes.size(), "answered before the next message");
            }
            assertTrue(!smtp.pipelining());
        }
        assertEquals(5, server.messages.size());
        assertTrue(server.groups.get() >= 4 * 5, "groups of replies: " + server.groups.get());
    }

    @Test
    void envelopeSenderFromTheMessageOrTheSender() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            smtp.send(message("a@example.com", "bounces+tok@example.org"), o -> {});
            smtp.send(message("b@example.com", null), o -> {});
            smtp.finish();
        }
        assertEquals(
                "MAIL FROM:<bounces+tok@example.org>", server.envelopes.get(0).get(0));
        assertEquals("MAIL FROM:<shop@example.com>", server.envelopes.get(1).get(0));
        String data = server.messages.get(0);
        assertTrue(data.contains("Subject: Hello a@example.com"), data);
        assertTrue(data.contains("\r\n..starts with a dot\r\n"), "dot-stuffed: " + data);
    }

    @Test
    void anAddressBeyondAsciiAsksForSmtpUtf8() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        MimeMessage accented = message("plain@example.com", null);
        accented.setRecipient(Message.RecipientType.TO, new InternetAddress("\u00e9lise@exemple.fr", false));
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            smtp.send(message("plain@example.com", null), o -> {});
            smtp.send(accented, o -> {});
            smtp.finish();
        }
        assertEquals("MAIL FROM:<shop@example.com>", server.envelopes.get(0).get(0));
        assertEquals(
                "MAIL FROM:<shop@example.com> SMTPUTF8", server.envelopes.get(1).get(0));
        assertEquals("RCPT TO:<\u00e9lise@exemple.fr>", server.envelopes.get(1).get(1));
    }

    @Test
    void anAddressThatWouldStartAnotherCommandIsRefusedUnsent() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        // the envelope sender is a plain string (VERP builds it): nothing parses it before the command
        MimeMessage smuggling = message("plain@example.com", "bounces@example.com>\r\nRCPT TO:<victim@example.org");
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            smtp.send(smuggling, outcomes::add);
            smtp.send(message("next@example.com", null), outcomes::add);
            smtp.finish();
        }
        assertEquals(List.of(Kind.REJECTED, Kind.ACCEPTED), kinds(outcomes));
        assertTrue(server.commands.stream().noneMatch(c -> c.contains("victim")), server.commands.toString());
    }

    @Test
    void refusedRecipientIsRejectedAndTheNextMessageGoesOn() throws Exception {
        server = new Scripted(true, (line, n) -> {
            if (line.startsWith("RCPT") && line.contains("gone@")) {
                return "550 5.1.1 User unknown";
            }
            return null;
        });
        List<SmtpOutcome> outcomes =
                sendAll(settings(server, 5_000), "one@example.com", "gone@example.com", "three@example.com");
        assertEquals(List.of(Kind.ACCEPTED, Kind.ADDRESS_REJECTED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals("550 5.1.1 User unknown", outcomes.get(1).reason());
        assertEquals(2, server.messages.size());
        assertTrue(server.commands.contains("RSET"), "the failed transaction is reset: " + server.commands);
    }

    @Test
    void dataAskedForDespiteARefusedRecipientGetsNoContent() throws Exception {
        server = new Scripted(true, (line, n) -> {
            if (line.startsWith("RCPT") && line.contains("gone@")) {
                return "550 5.1.1 User unknown";
            }
            if (line.equals("DATA")) {
                return "354 go ahead";
            }
            return null;
        });
        List<SmtpOutcome> outcomes = sendAll(settings(server, 5_000), "gone@example.com", "two@example.com");
        assertEquals(List.of(Kind.ADDRESS_REJECTED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals("", server.messages.get(0), "only the lone dot");
        assertTrue(server.messages.get(1).contains("two@example.com"));
    }

    @Test
    void repliesToTheEndOfDataDecide() throws Exception {
        server = new Scripted(true, (line, n) -> {
            if (line.equals(".") && n == 2) {
                return "451 4.3.0 Try again later";
            }
            if (line.equals(".") && n == 3) {
                return "554 5.7.1 Spam";
            }
            return null;
        });
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            for (int i = 1; i <= 4; i++) {
                smtp.send(message("r" + i + "@example.com", null), outcomes::add);
            }
            smtp.finish();
        }
        assertEquals(List.of(Kind.ACCEPTED, Kind.DEFERRED, Kind.REJECTED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals("451 4.3.0 Try again later", outcomes.get(1).reason());
    }

    @Test
    void aConnectionLostWithAMessageInFlightLeavesItUnknown() throws Exception {
        server = new Scripted(true, (line, n) -> line.equals(".") && n == 2 ? Scripted.DROP : null);
        List<String> outcomes = sendNumbered(4);
        // 2's answer never came (it may have been delivered: sent again later, same Message-ID); 3 was written on the
        // same connection; 4 went over a new one
        assertEquals(List.of("1:ACCEPTED", "2:CONNECTION_FAILED", "3:CONNECTION_FAILED", "4:ACCEPTED"), outcomes);
        assertEquals(2, server.connections.get());
    }

    @Test
    void waitingForEachReplyAConnectionLostAfterTheDataLeavesThatMessageUnknown() throws Exception {
        server = new Scripted(false, (line, n) -> line.equals(".") && n == 2 ? Scripted.DROP : null);
        List<String> outcomes = sendNumbered(3);
        // told once, not sent again on a new connection (it may have been delivered)
        assertEquals(List.of("1:ACCEPTED", "2:CONNECTION_FAILED", "3:ACCEPTED"), outcomes);
        assertEquals(2, server.messages.size(), "2's data reached the server, its answer did not");
    }

    @Test
    void anIdleConnectionTheServerClosedIsOpenedAgainOnce() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            smtp.send(message("one@example.com", null), outcomes::add);
            smtp.finish();
            server.dropConnections();
            smtp.send(message("two@example.com", null), outcomes::add);
            smtp.finish();
        }
        assertEquals(List.of(Kind.ACCEPTED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals(2, server.connections.get());
        assertEquals(2, server.messages.size());
    }

    @Test
    void aClosingServerDefersTheMessage() throws Exception {
        server = new Scripted(true, (line, n) -> line.startsWith("MAIL") && n == 1 ? "421 4.3.2 Shutting down" : null);
        List<SmtpOutcome> outcomes = sendAll(settings(server, 5_000), "one@example.com", "two@example.com");
        assertEquals(List.of(Kind.DEFERRED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals(2, server.connections.get());
    }

    @Test
    void signsInWithPlain() throws Exception {
        server = new Scripted(true, (line, n) -> line.startsWith("AUTH PLAIN ") ? "235 2.7.0 Authenticated" : null);
        server.auth = "AUTH PLAIN LOGIN";
        SmtpPipeline.Settings withUser = settings(server, 5_000, "shop", "s3cret", SmtpPipeline.Tls.NONE);
        List<SmtpOutcome> outcomes = sendAll(withUser, "one@example.com");
        assertEquals(List.of(Kind.ACCEPTED), kinds(outcomes));
        String auth = server.commands.stream()
                .filter(c -> c.startsWith("AUTH PLAIN "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "\0shop\0s3cret", new String(Base64.getDecoder().decode(auth.substring(11)), StandardCharsets.UTF_8));
    }

    @Test
    void aPeerThatStopsReadingFailsTheWriteAfterTheWriteTimeout() throws Exception {
        server = new Scripted(true, (line, n) -> line.equals("DATA") ? Scripted.STOP_READING : null);
        List<SmtpOutcome> outcomes = new ArrayList<>();
        MimeMessage large = message("one@example.com", null);
        large.setText("x".repeat(64) + "\r\n".repeat(1) + ("y".repeat(998) + "\r\n").repeat(32_000));
        large.saveChanges();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 1_000))) {
                smtp.send(large, outcomes::add);
                smtp.finish();
            }
        });
        assertEquals(List.of(Kind.CONNECTION_FAILED), kinds(outcomes));
    }

    @Test
    void settingsFromTheMailSession() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "relay.example.com");
        properties.setProperty("mail.smtp.port", "587");
        properties.setProperty("mail.smtp.timeout", "60000");
        SmtpPipeline.Settings plain = SmtpPipeline.settings(Session.getInstance(properties));
        assertEquals("relay.example.com", plain.host());
        assertEquals(587, plain.port());
        assertEquals(60_000, plain.readTimeoutMillis());
        assertTrue(
                !plain.tls().onConnect() && !plain.tls().startTls(), plain.tls().toString());
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        SmtpPipeline.Tls tls =
                SmtpPipeline.settings(Session.getInstance(properties)).tls();
        assertTrue(tls.startTls() && tls.required() && tls.checkIdentity() && !tls.onConnect(), tls.toString());
        // what only Jakarta Mail's transport does: its own trust settings, SASL, a proxy
        properties.setProperty("mail.smtp.ssl.trust", "*");
        assertEquals(null, SmtpPipeline.settings(Session.getInstance(properties)));
    }

    @Test
    void startTlsBeforeTheEnvelope(@TempDir Path keys) throws Exception {
        SSLContext[] contexts = tlsContexts(keys);
        server = new Scripted(true, (line, n) -> null);
        server.tls = contexts[0];
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(tls(server, contexts[1], true))) {
            for (int i = 0; i < 3; i++) {
                smtp.send(message("r" + i + "@example.com", null), outcomes::add);
            }
            smtp.finish();
            assertTrue(smtp.pipelining());
        }
        assertEquals(List.of(Kind.ACCEPTED, Kind.ACCEPTED, Kind.ACCEPTED), kinds(outcomes));
        assertEquals(List.of("EHLO client.test", "STARTTLS"), server.commands.subList(0, 2));
        assertTrue(server.secure.contains("EHLO client.test"), "EHLO again over TLS: " + server.secure);
        assertTrue(server.secure.contains("MAIL FROM:<shop@example.com>"), "the envelope over TLS: " + server.secure);
        assertEquals(3, server.messages.size());
    }

    @Test
    void tlsFromTheConnectionOn(@TempDir Path keys) throws Exception {
        SSLContext[] contexts = tlsContexts(keys);
        server = new Scripted(true, (line, n) -> null);
        server.implicitTls = contexts[0];
        SmtpPipeline.Settings smtps = settings(
                server,
                5_000,
                null,
                null,
                new SmtpPipeline.Tls(true, false, false, true, contexts[1].getSocketFactory()));
        List<SmtpOutcome> outcomes = sendAll(smtps, "one@example.com");
        assertEquals(List.of(Kind.ACCEPTED), kinds(outcomes));
        assertTrue(server.secure.contains("EHLO client.test"), server.secure.toString());
    }

    @Test
    void startTlsRequiredButNotOfferedSendsNothing() throws Exception {
        server = new Scripted(true, (line, n) -> null);
        List<SmtpOutcome> outcomes = sendAll(tls(server, null, true), "one@example.com");
        assertEquals(List.of(Kind.CONNECTION_FAILED), kinds(outcomes));
        assertTrue(
                outcomes.get(0).reason().contains("STARTTLS"), outcomes.get(0).reason());
        assertTrue(server.commands.stream().noneMatch(c -> c.startsWith("MAIL")), server.commands.toString());
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedGetsNothing(@TempDir Path keys) throws Exception {
        SSLContext[] contexts = tlsContexts(keys);
        server = new Scripted(true, (line, n) -> null);
        server.tls = contexts[0];
        // the JVM's own trust store: the test's self-signed certificate is not in it
        List<SmtpOutcome> outcomes = sendAll(tls(server, null, true), "one@example.com");
        assertEquals(List.of(Kind.CONNECTION_FAILED), kinds(outcomes));
        assertTrue(server.commands.stream().noneMatch(c -> c.startsWith("MAIL")), server.commands.toString());
    }

    private static SmtpPipeline.Settings tls(Scripted server, SSLContext client, boolean required) {
        return settings(
                server,
                5_000,
                null,
                null,
                new SmtpPipeline.Tls(false, true, required, true, client == null ? null : client.getSocketFactory()));
    }

    /** A server's context with a self-signed certificate for 127.0.0.1 (made by keytool), and a client's trusting it. */
    private static SSLContext[] tlsContexts(Path directory) throws Exception {
        Path store = directory.resolve("smtp.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "smtp",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-keystore",
                        store.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        return new SSLContext[] {serverContext, clientContext};
    }

    @Test
    void dataIsWrittenAsJakartaMailsOwnSmtpStreamWritesIt() throws IOException {
        java.util.Random random = new java.util.Random(7);
        byte[] alphabet = {'a', 'b', '.', '\r', '\n', ' ', (byte) 0xC3, (byte) 0xA9};
        for (int round = 0; round < 500; round++) {
            byte[] input = new byte[random.nextInt(20_000)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[random.nextInt(alphabet.length)];
            }
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            org.eclipse.angus.mail.smtp.SMTPOutputStream angus =
                    new org.eclipse.angus.mail.smtp.SMTPOutputStream(expected);
            java.io.ByteArrayOutputStream actual = new java.io.ByteArrayOutputStream();
            SmtpPipeline.DataOutput ours = new SmtpPipeline.DataOutput();
            ours.start(actual);
            int at = 0;
            while (at < input.length) { // in pieces of any size, and single bytes, as the encoders write
                int piece = Math.min(input.length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(9_000) + 1);
                if (piece == 1) {
                    angus.write(input[at]);
                    ours.write(input[at]);
                } else {
                    angus.write(input, at, piece);
                    ours.write(input, at, piece);
                }
                at += piece;
            }
            angus.ensureAtBOL();
            ours.end();
            assertEquals(
                    expected.toString(StandardCharsets.ISO_8859_1),
                    actual.toString(StandardCharsets.ISO_8859_1),
                    "round " + round);
        }
    }

    /** Sends one message to each recipient over one connection and returns what became of them, in order. */
    private static List<SmtpOutcome> sendAll(SmtpPipeline.Settings settings, String... recipients)
            throws MessagingException {
        List<SmtpOutcome> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings)) {
            for (String recipient : recipients) {
                smtp.send(message(recipient, null), outcomes::add);
            }
            smtp.finish();
        }
        return outcomes;
    }

    /** Sends to r1..rN over one connection to the test's server; what became of each, as "N:KIND" in order told. */
    private List<String> sendNumbered(int count) throws MessagingException {
        List<String> outcomes = new ArrayList<>();
        try (SmtpPipeline smtp = new SmtpPipeline(settings(server, 5_000))) {
            for (int i = 1; i <= count; i++) {
                int number = i;
                smtp.send(message("r" + i + "@example.com", null), o -> outcomes.add(number + ":" + o.kind()));
            }
            smtp.finish();
        }
        return outcomes;
    }

    private static List<Kind> kinds(List<SmtpOutcome> outcomes) {
        return outcomes.stream().map(SmtpOutcome::kind).toList();
    }

    private static SmtpPipeline.Settings settings(Scripted server, int writeTimeout) {
        return settings(server, writeTimeout, null, null, SmtpPipeline.Tls.NONE);
    }

    private static SmtpPipeline.Settings settings(
            Scripted server, int writeTimeout, String user, String password, SmtpPipeline.Tls tls) {
        return new SmtpPipeline.Settings(
                "127.0.0.1", server.port(), 5_000, 5_000, writeTimeout, "client.test", null, user, password, tls);
    }

    private static MimeMessage message(String to, String envelopeFrom) throws MessagingException {
        SMTPMessage message = new SMTPMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("shop@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello " + to);
        message.setText("Hello\n.starts with a dot\nbye\n");
        if (envelopeFrom != null) {
            message.setEnvelopeFrom(envelopeFrom);
        }
        message.saveChanges();
        return message;
    }

    /**
     * One connection at a time. Replies gather while input keeps coming (within 50 ms) and go out together: each
     * flush is a group. {@code script} may answer a command (or the lone dot, with the message's number on the
     * connection's server) in its own way, {@link #DROP} the connection or {@link #STOP_READING}.
     */
    private static final class Scripted implements AutoCloseable {
        static final String DROP = "drop";
        static final String STOP_READING = "stop reading";

        private final boolean pipelining;
        private final BiFunction<String, Integer, String> script;
        private final ServerSocket listener;
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> envelopes = Collections.synchronizedList(new ArrayList<>());
        final List<String> commands = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger groups = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger mails = new AtomicInteger();
        private final AtomicInteger ends = new AtomicInteger();
        private volatile Socket current;
        volatile String auth;
        /** When set, the server offers STARTTLS with this context. */
        volatile SSLContext tls;
        /** When set, the connection is TLS from the start with this context. */
        volatile SSLContext implicitTls;
        /** Commands read over TLS. */
        final List<String> secure = Collections.synchronizedList(new ArrayList<>());

        Scripted(boolean pipelining, BiFunction<String, Integer, String> script) throws IOException {
            this.pipelining = pipelining;
            this.script = script;
            this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(this::accept, "scripted-smtp");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void dropConnections() throws IOException {
            Socket socket = current;
            if (socket != null) {
                socket.close();
            }
        }

        private void accept() {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    current = socket;
                    connections.incrementAndGet();
                    serve(socket);
                } catch (IOException e) {
                    // next connection
                }
            }
        }

        private void serve(Socket plain) throws IOException {
            Socket socket = plain;
            if (implicitTls != null) { // TLS from the first byte (SMTPS, port 465)
                SSLSocket wrapped =
                        (SSLSocket) implicitTls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                wrapped.setUseClientMode(false);
                wrapped.startHandshake();
                socket = wrapped;
                current = wrapped;
            }
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            Lines lines = new Lines(socket, in, out);
            boolean secured = implicitTls != null;
            reply(out, "220 scripted ESMTP");
            lines.flush();
            List<String> envelope = new ArrayList<>();
            String line;
            while ((line = lines.next()) != null) {
                commands.add(line);
                if (secured) {
                    secure.add(line);
                }
                if (line.equals("STARTTLS") && tls != null && !secured) {
                    reply(out, "220 2.0.0 Ready to start TLS");
                    lines.flush();
                    SSLSocket upgraded =
                            (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                    upgraded.setUseClientMode(false);
                    try {
                        upgraded.startHandshake();
                    } catch (IOException e) {
                        return; // the client refused the certificate
                    }
                    socket = upgraded;
                    current = upgraded;
                    in = upgraded.getInputStream();
                    out = new BufferedOutputStream(upgraded.getOutputStream());
                    lines = new Lines(upgraded, in, out);
                    secured = true;
                    continue;
                }
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("MAIL")) {
                    envelope = new ArrayList<>();
                    envelope.add(line);
                    mails.incrementAndGet();
                } else if (upper.startsWith("RCPT")) {
                    envelope.add(line);
                }
                String scripted = script.apply(line, mails.get());
                if (DROP.equals(scripted)) {
                    return;
                }
                if (STOP_READING.equals(scripted)) {
                    reply(out, "354 go ahead");
                    lines.flush();
                    while (!socket.isClosed()) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    return;
                }
                if (scripted != null && !upper.equals("DATA")) {
                    reply(out, scripted);
                    continue;
                }
                if (upper.startsWith("EHLO")) {
                    reply(
                            out,
                            "250-scripted" + (pipelining ? "\r\n250-PIPELINING" : "")
                                    + (tls != null && !secured ? "\r\n250-STARTTLS" : "")
                                    + (auth != null ? "\r\n250-" + auth : "") + "\r\n250-SMTPUTF8\r\n250 8BITMIME");
                } else if (upper.equals("DATA")) {
                    boolean refused = envelope.size() < 2 || commandsRefused(envelope);
                    if (scripted == null && refused) {
                        reply(out, "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, scripted != null ? scripted : "354 go ahead");
                    lines.flush();
                    StringBuilder data = new StringBuilder();
                    String body;
                    while ((body = lines.next()) != null && !body.equals(".")) {
                        data.append(body).append("\r\n");
                    }
                    if (body == null) {
                        return;
                    }
                    int number = ends.incrementAndGet();
                    String end = script.apply(".", number);
                    if (DROP.equals(end)) {
                        return;
                    }
                    messages.add(data.toString());
                    envelopes.add(envelope);
                    reply(out, end != null ? end : "250 2.0.0 queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    lines.flush();
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        }

        private boolean commandsRefused(List<String> envelope) {
            String recipient = envelope.get(envelope.size() - 1);
            String scripted = script.apply(recipient, mails.get());
            return scripted != null && !scripted.startsWith("2");
        }

        private void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            unflushed = true;
        }

        private boolean unflushed;

        @Override
        public void close() throws IOException {
            listener.close();
            dropConnections();
        }

        /** Lines of input; before waiting for more, the gathered replies go out unless input comes within 50 ms. */
        private final class Lines {
            private final Socket socket;
            private final InputStream in;
            private final OutputStream out;

            Lines(Socket socket, InputStream in, OutputStream out) {
                this.socket = socket;
                this.in = in;
                this.out = out;
            }

            /** The next line without its CRLF, read as UTF-8 (RFC 6531), or null at the end. */
            String next() throws IOException {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                while (true) {
                    int b = read();
                    if (b < 0) {
                        return null;
                    }
                    if (b == '\n') {
                        byte[] bytes = line.toByteArray();
                        int length =
                                bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                        return new String(bytes, 0, length, StandardCharsets.UTF_8);
                    }
                    line.write(b);
                }
            }

            private int read() throws IOException {
                if (unflushed && in.available() == 0) {
                    socket.setSoTimeout(50);
                    try {
                        int b = in.read();
                        socket.setSoTimeout(0);
                        return b;
                    } catch (SocketTimeoutException e) {
                        socket.setSoTimeout(0);
                        flush();
                    }
                }
                return in.read();
            }

            void flush() throws IOException {
                unflushed = false;
                groups.incrementAndGet();
                out.flush();
            }
        }
    }
}
