package io.crosscast.delivery.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * One SMTP connection that hands messages over one after the other and, when the server announces PIPELINING
 * (RFC 2920), sends the end of a message's data together with the next message's MAIL, RCPT and DATA: behind a relay
 * a few milliseconds away a message then costs one round trip instead of four. Without PIPELINING it waits for each
 * reply, as Jakarta Mail does. The messages themselves are Jakarta Mail's ({@link MimeMessage#writeTo}, through
 * Angus Mail's dot-stuffing stream); only the envelope dialogue is this class's.
 *
 * <p>What became of a message is told to its callback when its last reply has been read: during a later
 * {@link #send} (the reply to the end of its data comes with the next message's envelope replies) or in
 * {@link #finish}. Nothing is ever reported accepted without the server's 2xx to the end of its data; a connection
 * that fails reports {@link SmtpOutcome.Kind#CONNECTION_FAILED} for every message whose answer was not read.
 *
 * <p>Timeouts: connect and read through the socket; a write that takes longer than the write timeout (a peer that
 * stopped reading) is ended by closing the socket from {@link #WATCH}'s one shared thread, which looks at every open
 * connection each second (no task per write).
 */
final class SmtpPipeline implements Closeable {

    /** The envelope and connection settings this class understands; {@link #settings} reads them from a mail session. */
    record Settings(
            String host,
            int port,
            int connectTimeoutMillis,
            int readTimeoutMillis,
            int writeTimeoutMillis,
            String heloName,
            String envelopeFrom,
            String user,
            String password,
            Tls tls) {}

    /**
     * TLS as the mail session asks for it: from the connection on ({@code mail.smtp.ssl.enable}), or after
     * STARTTLS when the server offers it ({@code mail.smtp.starttls.enable}; {@code required}: refuse a server that
     * does not). The server's certificate is checked against the JVM's trust store and, unless
     * {@code mail.smtp.ssl.checkserveridentity} is false, its name against the relay's host name.
     */
    record Tls(boolean onConnect, boolean startTls, boolean required, boolean checkIdentity, SSLSocketFactory factory) {
        static final Tls NONE = new Tls(false, false, false, false, null);

        SSLSocketFactory socketFactory() {
            return factory != null ? factory : (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
    }

    private static final ScheduledThreadPoolExecutor WATCH = watch();
    private static final String[] IGNORED_HEADERS = {"Bcc", "Content-Length"};
    private static final byte[] END_OF_DATA = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Settings settings;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private ScheduledFuture<?> watching;
    private volatile long writingSince;
    private boolean pipelining;
    private boolean smtpUtf8;
    private String authMechanisms = "";
    private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(128);
    private final DataOutput data = new DataOutput();
    private Set<String> extensions = Set.of();
    /** The message whose data ended in the output buffer and whose reply is not read yet (or null). */
    private InFlight unanswered;
    /** A RSET goes out with the next envelope: the last transaction failed before its data. */
    private boolean resetPending;

    private record InFlight(MimeMessage message, Consumer<SmtpOutcome> done, boolean discard) {}

    SmtpPipeline(Settings settings) {
        this.settings = settings;
    }

    /** The system property that turns this client off (then every message goes through Jakarta Mail's transport). */
    static final String ENABLED = "crosscast.smtp.pipelining";

    private static final List<String> OTHER_TRANSPORT = List.of(
            "mail.smtp.ssl.trust",
            "mail.smtp.ssl.protocols",
            "mail.smtp.ssl.ciphersuites",
            "mail.smtp.ssl.socketFactory.class",
            "mail.smtp.sasl.enable",
            "mail.smtp.socketFactory.class",
            "mail.smtp.proxy.host",
            "mail.smtp.socks.host");

    /**
     * This client's settings from the mail session's ({@code mail.smtp.host}, {@code port}, {@code connectiontimeout},
     * {@code timeout}, {@code writetimeout}, {@code localhost}, {@code from}, {@code auth} with the session's
     * credentials, {@code ssl.enable}, {@code starttls.enable} and {@code required}, {@code ssl.checkserveridentity}),
     * or null when the session asks for what only Jakarta Mail's transport does (SASL, a socket factory, a proxy, its
     * own trust or TLS protocols) or {@value #ENABLED} is {@code false}.
     */
    static Settings settings(Session session) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED, "true"))) {
            return null;
        }
        String protocol = session.getProperty("mail.transport.protocol");
        if ((protocol != null && !protocol.equals("smtp"))
                || OTHER_TRANSPORT.stream().anyMatch(key -> isSet(session.getProperty(key)))) {
            return null;
        }
        String host = first(session.getProperty("mail.smtp.host"), session.getProperty("mail.host"), "localhost");
        int port = number(session.getProperty("mail.smtp.port"), 25);
        String user = null;
        String password = null;
        if (Boolean.parseBoolean(session.getProperty("mail.smtp.auth"))) {
            user = first(session.getProperty("mail.smtp.user"), session.getProperty("mail.user"), null);
            PasswordAuthentication given;
            try {
                given = session.requestPasswordAuthentication(InetAddress.getByName(host), port, "smtp", null, user);
            } catch (UnknownHostException e) {
                given = session.requestPasswordAuthentication(null, port, "smtp", null, user);
            }
            if (given != null) {
                user = given.getUserName();
                password = given.getPassword();
            }
        }
        return new Settings(
                host,
                port,
                number(session.getProperty("mail.smtp.connectiontimeout"), 0),
                number(session.getProperty("mail.smtp.timeout"), 0),
                number(session.getProperty("mail.smtp.writetimeout"), 0),
                first(session.getProperty("mail.smtp.localhost"), localHostName(), "localhost"),
                session.getProperty("mail.smtp.from"),
                user,
                password,
                new Tls(
                        Boolean.parseBoolean(session.getProperty("mail.smtp.ssl.enable")),
                        Boolean.parseBoolean(session.getProperty("mail.smtp.starttls.enable")),
                        Boolean.parseBoolean(session.getProperty("mail.smtp.starttls.required")),
                        !"false".equalsIgnoreCase(session.getProperty("mail.smtp.ssl.checkserveridentity")),
                        null));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    private static String first(String a, String b, String otherwise) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : otherwise;
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the server announced PIPELINING (known once connected). */
    boolean pipelining() {
        return pipelining;
    }

    /**
     * Hands one message over: its envelope goes out (with the end of the previous message's data when pipelining) and
     * its data is written once the server is ready for it. {@code done} hears of it now or during a later call.
     * A connection that was open and idle (nothing unanswered) and turns out dead is opened again once and the
     * message tried on the new one: relays close idle connections.
     */
    void send(MimeMessage message, Consumer<SmtpOutcome> done) {
        Envelope envelope;
        try {
            envelope = new Envelope(checked(envelopeFrom(message)), recipients(message));
            for (String recipient : envelope.recipients()) {
                checked(recipient);
            }
        } catch (MessagingException e) {
            done.accept(new SmtpOutcome(SmtpOutcome.Kind.REJECTED, String.valueOf(e.getMessage())));
            return;
        }
        boolean reused = socket != null && unanswered == null;
        try {
            transaction(message, envelope, done);
        } catch (IOException | MessagingException e) {
            // Its data was written (waiting for each reply, its answer was awaited): unknown, never tried again here.
            boolean written = unanswered != null && unanswered.done() == done;
            failAll(e);
            if (written) {
                return;
            }
            if (reused && !(e instanceof Refused) && !(e instanceof MessagingException)) {
                try {
                    transaction(message, envelope, done);
                    return;
                } catch (IOException | MessagingException again) {
                    failAll(again);
                    done.accept(failure(again));
                    return;
                }
            }
            done.accept(failure(e));
        }
    }

    private record Envelope(String from, List<String> recipients) {}

    /** Reads the answer to the message in flight, if any (its callback hears of it). */
    void finish() {
        if (unanswered == null) {
            return;
        }
        try {
            flush();
            answerUnanswered();
        } catch (IOException e) {
            failAll(e);
        }
    }

    private void transaction(MimeMessage message, Envelope envelope, Consumer<SmtpOutcome> done)
            throws IOException, MessagingException {
        String from = envelope.from();
        List<String> recipients = envelope.recipients();
        if (socket == null) {
            open();
        }
        if (!pipelining) {
            finishUnanswered();
        }
        List<String> commands = new ArrayList<>(recipients.size() + 3);
        if (resetPending) {
            commands.add("RSET");
        }
        // RFC 6531: an address beyond ASCII (the sender's or a recipient's) needs SMTPUTF8 on MAIL.
        boolean utf8 = smtpUtf8 && !(ascii(from) && recipients.stream().allMatch(SmtpPipeline::ascii));
        commands.add("MAIL FROM:<" + from + ">" + (utf8 ? " SMTPUTF8" : ""));
        for (String recipient : recipients) {
            commands.add("RCPT TO:<" + recipient + ">");
        }
        commands.add("DATA");
        Reply failed = null;
        boolean recipientFailed = false;
        if (pipelining) {
            for (String command : commands) {
                writeCommand(command);
            }
            flush();
            answerUnanswered();
        }
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            if (!pipelining) {
                writeCommand(command);
                flush();
            }
            Reply reply = readReply();
            if (command.equals("RSET")) {
                resetPending = false;
                continue;
            }
            if (reply.code() == 421) {
                closeQuietly();
                throw new Refused(reply);
            }
            if (command.equals("DATA")) {
                if (reply.code() == 354) {
                    writeData(failed == null ? message : null);
                    unanswered = new InFlight(message, done, failed != null);
                } else {
                    resetPending = true;
                }
                if (failed == null && reply.code() != 354) {
                    failed = reply;
                }
            } else if (failed == null && !reply.positive()) {
                failed = reply;
                recipientFailed = command.startsWith("RCPT");
            }
            if (!pipelining && failed != null && !command.equals("DATA")) {
                resetPending = true;
                break; // waiting for each reply: the rest of the envelope is not sent
            }
        }
        if (failed != null) {
            done.accept(outcome(failed, recipientFailed));
        }
        if (!pipelining) {
            // Without pipelining the end of the data waits for its reply before the next message, as in Jakarta Mail.
            finishUnanswered();
        }
    }

    private void finishUnanswered() throws IOException {
        if (unanswered != null) {
            flush();
            answerUnanswered();
        }
    }

    /** Reads the reply to the end of the previous message's data and tells its callback. */
    private void answerUnanswered() throws IOException {
        InFlight previous = unanswered;
        if (previous == null) {
            return;
        }
        Reply reply = readReply();
        unanswered = null;
        if (!previous.discard()) {
            previous.done().accept(reply.positive() ? SmtpOutcome.accepted() : outcome(reply, false));
        }
        if (reply.code() == 421) {
            closeQuietly();
            throw new Refused(reply); // the server is closing: the message after it is deferred too
        }
    }

    private static SmtpOutcome outcome(Reply reply, boolean recipient) {
        String text = reply.text();
        if (reply.code() >= 500) {
            return new SmtpOutcome(recipient ? SmtpOutcome.Kind.ADDRESS_REJECTED : SmtpOutcome.Kind.REJECTED, text);
        }
        if (reply.code() >= 400) {
            return new SmtpOutcome(SmtpOutcome.Kind.DEFERRED, text);
        }
        return new SmtpOutcome(SmtpOutcome.Kind.REJECTED, "Unexpected reply: " + text);
    }

    private static SmtpOutcome failure(Exception e) {
        if (e instanceof Refused refused) {
            return new SmtpOutcome(SmtpOutcome.Kind.DEFERRED, refused.reply.text());
        }
        if (e instanceof MessagingException m) {
            return new SmtpOutcome(SmtpOutcome.Kind.REJECTED, String.valueOf(m.getMessage()));
        }
        return new SmtpOutcome(SmtpOutcome.Kind.CONNECTION_FAILED, String.valueOf(e.getMessage()));
    }

    /** The connection failed: the message in flight is unknown, the connection is dropped. */
    private void failAll(Exception e) {
        InFlight previous = unanswered;
        unanswered = null;
        resetPending = false;
        closeQuietly();
        if (previous != null && !previous.discard()) {
            previous.done().accept(new SmtpOutcome(SmtpOutcome.Kind.CONNECTION_FAILED, String.valueOf(e.getMessage())));
        }
    }

    private String envelopeFrom(MimeMessage message) throws MessagingException {
        if (message instanceof SMTPMessage smtp
                && smtp.getEnvelopeFrom() != null
                && !smtp.getEnvelopeFrom().isEmpty()) {
            return smtp.getEnvelopeFrom();
        }
        if (settings.envelopeFrom() != null && !settings.envelopeFrom().isEmpty()) {
            return settings.envelopeFrom();
        }
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            return address.getAddress();
        }
        throw new MessagingException("No sender address for the envelope");
    }

    /**
     * The address as it may stand in a command: a line break (or any control character) in it would end the command
     * and start another of the text's choosing (command injection), so such an address is refused.
     */
    private static String checked(String address) throws MessagingException {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < ' ' || c == 0x7F || c == '<' || c == '>') {
                throw new MessagingException("An envelope address with a control character or angle bracket: "
                        + address.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        return address;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] all = message.getAllRecipients();
        List<String> recipients = new ArrayList<>();
        if (all != null) {
            for (Address address : all) {
                if (address instanceof InternetAddress internet) {
                    recipients.add(internet.getAddress());
                }
            }
        }
        if (recipients.isEmpty()) {
            throw new MessagingException("No recipient addresses");
        }
        return recipients;
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(settings.host(), settings.port()), settings.connectTimeoutMillis());
            opened.setSoTimeout(settings.readTimeoutMillis());
            use(settings.tls().onConnect() ? secured(opened) : opened);
            if (settings.writeTimeoutMillis() > 0) {
                watching = WATCH.scheduleWithFixedDelay(this::checkWrite, 1, 1, TimeUnit.SECONDS);
            }
            Reply greeting = readReply();
            if (!greeting.positive()) {
                throw new IOException("Refused at connection: " + greeting.text());
            }
            hello();
            if (settings.tls().startTls() && !settings.tls().onConnect()) {
                startTls();
            }
            authenticate();
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            opened.close();
            throw e;
        }
    }

    private void use(Socket connected) throws IOException {
        socket = connected;
        in = new BufferedInputStream(connected.getInputStream(), 8 * 1024);
        out = new BufferedOutputStream(connected.getOutputStream(), 32 * 1024);
    }

    /** STARTTLS when the server offers it (refused when required and not offered), then EHLO again (RFC 3207). */
    private void startTls() throws IOException {
        if (!extensions.contains("STARTTLS")) {
            if (settings.tls().required()) {
                throw new IOException("The SMTP server does not offer STARTTLS, which the mail session requires");
            }
            return;
        }
        writeCommand("STARTTLS");
        flush();
        Reply ready = readReply();
        if (ready.code() != 220) {
            throw new IOException("STARTTLS refused: " + ready.text());
        }
        use(secured(socket));
        hello();
    }

    /** The connection wrapped in TLS, its handshake done and the server's name checked (unless turned off). */
    private Socket secured(Socket plain) throws IOException {
        SSLSocket secure =
                (SSLSocket) settings.tls().socketFactory().createSocket(plain, settings.host(), settings.port(), true);
        if (settings.tls().checkIdentity()) {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
        }
        secure.setSoTimeout(settings.readTimeoutMillis());
        secure.startHandshake();
        return secure;
    }

    private void hello() throws IOException {
        writeCommand("EHLO " + settings.heloName());
        flush();
        Reply ehlo = readReply();
        extensions = new TreeSet<>();
        if (ehlo.positive()) {
            for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
                extensions.add(line.toUpperCase(Locale.ROOT));
            }
        } else {
            writeCommand("HELO " + settings.heloName());
            flush();
            Reply helo = readReply();
            if (!helo.positive()) {
                throw new IOException("HELO refused: " + helo.text());
            }
        }
        pipelining = extensions.contains("PIPELINING");
        smtpUtf8 = extensions.contains("SMTPUTF8");
        authMechanisms = extensions.stream()
                .filter(e -> e.startsWith("AUTH ") || e.startsWith("AUTH="))
                .map(e -> e.substring(5))
                .findFirst()
                .orElse("");
    }

    private void authenticate() throws IOException {
        if (settings.user() == null) {
            return;
        }
        String password = settings.password() == null ? "" : settings.password();
        List<String> mechanisms = List.of(authMechanisms.split("\\s+"));
        Reply reply;
        if (mechanisms.contains("PLAIN")) {
            byte[] token = ("\0" + settings.user() + "\0" + password).getBytes(StandardCharsets.UTF_8);
            writeCommand("AUTH PLAIN " + Base64.getEncoder().encodeToString(token));
            flush();
            reply = readReply();
        } else if (mechanisms.contains("LOGIN")) {
            writeCommand("AUTH LOGIN");
            flush();
            reply = readReply();
            for (String answer : new String[] {settings.user(), password}) {
                if (reply.code() != 334) {
                    break;
                }
                writeCommand(Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8)));
                flush();
                reply = readReply();
            }
        } else {
            throw new IOException("The SMTP server offers no PLAIN or LOGIN authentication: " + authMechanisms);
        }
        if (!reply.positive()) {
            throw new IOException("Authentication refused: " + reply.text());
        }
    }

    private void writeCommand(String command) throws IOException {
        out.write(command.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    /** The message (or nothing, when its envelope failed but the server still asked for data) and the lone dot. */
    private void writeData(MimeMessage message) throws IOException, MessagingException {
        writingSince = System.nanoTime() | 1; // a large message fills the buffer: writes reach the socket here too
        try {
            if (message != null) {
                data.start(out);
                message.writeTo(data, IGNORED_HEADERS);
                data.end();
            }
            out.write(END_OF_DATA);
        } finally {
            writingSince = 0;
        }
    }

    private void flush() throws IOException {
        writingSince = System.nanoTime() | 1;
        try {
            out.flush();
        } finally {
            writingSince = 0;
        }
    }

    private void checkWrite() {
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(settings.writeTimeoutMillis())) {
            Socket stalled = socket;
            if (stalled != null) {
                try {
                    stalled.close(); // the blocked write fails with a SocketException
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** One reply, all its lines (a multi-line reply is {@code 250-...} up to {@code 250 ...}). */
    private Reply readReply() throws IOException {
        List<String> lines = new ArrayList<>(2);
        int code;
        while (true) {
            String line = readLine();
            if (line.length() < 3) {
                throw new IOException("Not an SMTP reply: " + line);
            }
            try {
                code = Integer.parseInt(line.substring(0, 3));
            } catch (NumberFormatException e) {
                throw new IOException("Not an SMTP reply: " + line, e);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(code, lines);
            }
        }
    }

    private String readLine() throws IOException {
        lineBuffer.reset();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("The SMTP server closed the connection");
            }
            if (b != '\r') {
                lineBuffer.write(b);
            }
        }
        return lineBuffer.toString(StandardCharsets.UTF_8);
    }

    /** Says goodbye (not waiting long for the answer) and closes. */
    @Override
    public void close() {
        if (socket != null) {
            try {
                finish();
                if (socket != null) {
                    socket.setSoTimeout(Math.min(settings.readTimeoutMillis(), 2_000));
                    writeCommand("QUIT");
                    flush();
                    readReply();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (watching != null) {
            watching.cancel(false);
            watching = null;
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    private static ScheduledThreadPoolExecutor watch() {
        ScheduledThreadPoolExecutor watch = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "smtp-write-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.setKeepAliveTime(10, TimeUnit.SECONDS);
        watch.allowCoreThreadTimeOut(true);
        watch.setRemoveOnCancelPolicy(true);
        return watch;
    }

    /** A server reply: its code and the text of each line. */
    record Reply(int code, List<String> lines) {
        boolean positive() {
            return code >= 200 && code < 400;
        }

        String text() {
            return code + " " + String.join(" ", lines);
        }
    }

    /** The server said it is closing (421): the message is deferred and the connection ends. */
    private static final class Refused extends IOException {
        private final transient Reply reply;

        Refused(Reply reply) {
            super(reply.text());
            this.reply = reply;
        }
    }

    /**
     * A message's data as SMTP sends it (RFC 5321 4.5.2): every line ends in CRLF (a lone CR or LF becomes one) and a
     * line that starts with a dot gets a second one. Jakarta Mail's encoders write a byte at a time, so the bytes
     * gather in this stream's own buffer and reach the socket's buffered stream in blocks. Never flushes: the data
     * goes out with the commands that follow it.
     */
    static final class DataOutput extends OutputStream {
        private final byte[] buffer = new byte[8 * 1024];
        private int count;
        private int last = -1;
        private boolean lineStart = true;
        private OutputStream out;

        /** Starts a message's data, written to {@code target}. */
        void start(OutputStream target) {
            out = target;
            count = 0;
            last = -1;
            lineStart = true;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\r' || b == '\n') {
                if (b == '\r' || last != '\r') {
                    put('\r');
                    put('\n');
                }
                lineStart = true;
            } else {
                if (lineStart && b == '.') {
                    put('.');
                }
                lineStart = false;
                put(b);
            }
            last = b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset, end = offset + length; i < end; i++) {
                write(bytes[i] & 0xFF);
            }
        }

        /** Ends the last line if it has no CRLF and writes what is gathered (the lone dot follows). */
        void end() throws IOException {
            if (!lineStart) {
                put('\r');
                put('\n');
                lineStart = true;
            }
            out.write(buffer, 0, count);
            count = 0;
        }

        private void put(int b) throws IOException {
            if (count == buffer.length) {
                out.write(buffer, 0, count);
                count = 0;
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void flush() {
            // the caller flushes once the group of commands is complete
        }
    }
}
