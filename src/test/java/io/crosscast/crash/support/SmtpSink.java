package io.crosscast.crash.support;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * An SMTP server for crash tests and sending benchmarks, run as its own process ({@link #main}) so that it
 * outlives the application server a test kills and takes no CPU from the JVM that measures. It accepts every
 * message and appends one line per envelope recipient to its record file, {@code recipient TAB Message-ID},
 * written to the file before it answers {@code 250} to the end of the data: whatever the sender heard accepted
 * is in the file. Each message's lines go out in one {@code write} system call on an unbuffered file stream
 * (under a lock, so the lines keep the order of the messages and the hold below counts them exactly): no
 * user-space buffer ever holds a record that was acknowledged, and a reader of the file sees it at once.
 *
 * <p>With a hold number N, the N-th message is recorded like the others, then the sink writes the hold
 * file and never answers it: the sender is stuck in the worst place, its message stored on the server side but
 * not acknowledged, which is where the test kills it. The held session ends when the sender's connection
 * drops; every other message (before, and after the restart) is answered.
 *
 * <p>The sink announces PIPELINING (RFC 2920) and answers as a pipelining server does: its replies gather until it
 * has read every command that arrived, then go out together. With a reply delay D (milliseconds), each such group
 * of replies after the greeting waits D ms before it is written, as a relay across a network would (the delay of
 * a round trip): a sender that waits for each reply pays D per command (MAIL, RCPT, DATA, end of data: four per
 * message), one that pipelines about once per message. The delay can be changed while the sink runs by writing {@code delay D} to its
 * standard input; it answers {@value #DELAY_SET} and the new value on standard output. {@code stats} on standard
 * input prints how many commands of each kind it answered. One thread per connection; reads go through one
 * reusable buffer per session (no per-byte locking, no string for a body line), replies through a buffered
 * stream flushed once per group of replies.
 *
 * <p>Usage: {@code java -cp target/test-classes io.crosscast.crash.support.SmtpSink PORT RECORD_FILE [HOLD_AT
 * [REPLY_DELAY_MS]]}; prints {@value #READY} on standard output once it listens on 127.0.0.1:PORT. Pure JDK.
 */
public final class SmtpSink {

    /** The line the sink prints once it listens. */
    public static final String READY = "SMTP sink ready";

    /** The start of the line the sink prints when its reply delay changed: {@code reply delay set to D ms}. */
    public static final String DELAY_SET = "reply delay set to";

    private static final byte[] OK = "250 OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Path records;
    private final Path holdFile;
    private final long holdAt;
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private volatile long replyDelayMillis;
    private long received;
    private OutputStream out;

    private SmtpSink(Path records, long holdAt, long replyDelayMillis) {
        this.records = records;
        this.holdFile = holdFileOf(records);
        this.holdAt = holdAt;
        this.replyDelayMillis = replyDelayMillis;
    }

    /** The file the sink writes when it holds its answer to the N-th message: that message's record line. */
    public static Path holdFileOf(Path records) {
        return records.resolveSibling(records.getFileName() + ".held");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SmtpSink PORT RECORD_FILE [HOLD_AT [REPLY_DELAY_MS]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        SmtpSink sink = new SmtpSink(
                Path.of(args[1]),
                args.length > 2 ? Long.parseLong(args[2]) : 0,
                args.length > 3 ? Long.parseLong(args[3]) : 0);
        // Unbuffered on purpose: one write per message, in the file before the 250 (see the class comment).
        sink.out = new FileOutputStream(sink.records.toFile(), true);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            System.out.println(READY + " on 127.0.0.1:" + port + ", recording to " + sink.records
                    + (sink.holdAt > 0 ? ", holding the answer to message " + sink.holdAt : "")
                    + ", reply delay " + sink.replyDelayMillis + " ms");
            System.out.flush();
            ControlInput.start("smtp-sink-control", sink::command);
            while (true) {
                Socket socket = server.accept();
                Thread session = new Thread(() -> sink.serve(socket), "smtp-session");
                session.setDaemon(true);
                session.start();
            }
        }
    }

    /** A command on standard input: {@code delay MILLIS}, {@code stats}; answers it (null: unknown). */
    private String command(String[] words) {
        long delay = ControlInput.delay(words);
        if (delay >= 0) {
            replyDelayMillis = delay;
            return DELAY_SET + " " + delay + " ms";
        }
        if (words[0].equals("stats")) {
            Map<String, Long> counts = new TreeMap<>();
            commands.forEach((command, count) -> counts.put(command, count.sum()));
            return "commands answered: " + counts;
        }
        return null;
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream raw = socket.getInputStream();
                OutputStream reply = new BufferedOutputStream(socket.getOutputStream(), 1024)) {
            socket.setTcpNoDelay(true);
            LineReader in = new LineReader(raw, () -> flushReplies(reply));
            reply.write("220 crash-sink ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            reply.flush();
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4
                        ? line.substring(0, 4).toUpperCase(Locale.ROOT)
                        : line.toUpperCase(Locale.ROOT);
                commands.computeIfAbsent(command, c -> new LongAdder()).increment();
                switch (command) {
                    case "EHLO" -> answer(reply, "250-crash-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SMTPUTF8");
                    case "HELO" -> answer(reply, "250 crash-sink");
                    case "MAIL" -> {
                        recipients.clear();
                        answer(reply, OK);
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        answer(reply, OK);
                    }
                    case "DATA" -> {
                        answer(reply, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = in.readData();
                        if (messageId == null) {
                            return; // the connection dropped in the middle of the data: nothing was accepted
                        }
                        if (!record(recipients, messageId)) {
                            in.skipUntilDropped();
                            return;
                        }
                        recipients.clear();
                        answer(reply, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        answer(reply, OK);
                    }
                    case "NOOP" -> answer(reply, OK);
                    case "QUIT" -> {
                        answer(reply, "221 Bye");
                        flushReplies(reply);
                        return;
                    }
                    default -> answer(reply, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // The sender went away (killed): its session is over, the sink goes on.
        }
    }

    /** Records a message's recipients; false when this is the message to hold (recorded, never answered). */
    private synchronized boolean record(List<String> recipients, String messageId) throws IOException {
        StringBuilder lines = new StringBuilder(recipients.size() * (messageId.length() + 48));
        for (String recipient : recipients) {
            lines.append(recipient).append('\t').append(messageId).append('\n');
        }
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8)); // one write(2): in the file from now on
        received++;
        if (received == holdAt) {
            Files.writeString(holdFile, lines.toString(), StandardCharsets.UTF_8);
            return false;
        }
        return true;
    }

    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        String address = open >= 0 && close > open
                ? command.substring(open + 1, close)
                : command.substring(command.indexOf(':') + 1);
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private void answer(OutputStream reply, String text) throws IOException {
        answer(reply, (text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Adds one reply to those that go out before the sink reads again. */
    private void answer(OutputStream reply, byte[] bytes) throws IOException {
        reply.write(bytes);
        pending.set(Boolean.TRUE);
    }

    private final ThreadLocal<Boolean> pending = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Writes the replies gathered so far after the reply delay (if any), in one flush: the sink is about to read. */
    private void flushReplies(OutputStream reply) throws IOException {
        if (!pending.get()) {
            return;
        }
        pending.set(Boolean.FALSE);
        long delay = replyDelayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        reply.flush();
    }

    /** What the sink does before a read that would wait for the sender. */
    private interface BeforeRead {
        void run() throws IOException;
    }

    /**
     * The lines of one session, read through one buffer of its own: no lock per byte, and body lines are only
     * scanned for the lone dot, never turned into strings.
     */
    private static final class LineReader {

        private final InputStream in;
        private final BeforeRead beforeRead;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private byte[] line = new byte[256];
        private int length;

        LineReader(InputStream in, BeforeRead beforeRead) {
            this.in = in;
            this.beforeRead = beforeRead;
        }

        /** One line without its CRLF (ISO-8859-1: commands and headers are ASCII), null at the end. */
        String readLine() throws IOException {
            return nextLine() ? new String(line, 0, length, StandardCharsets.ISO_8859_1) : null;
        }

        /** Reads the message up to the lone dot; returns its Message-ID ("(none)" without one), null at the end. */
        String readData() throws IOException {
            String messageId = null;
            boolean headers = true;
            while (nextLine()) {
                if (length == 1 && line[0] == '.') {
                    return messageId == null ? "(none)" : messageId;
                }
                if (headers) {
                    if (length == 0) {
                        headers = false;
                    } else if ((line[0] == ' ' || line[0] == '\t') && "".equals(messageId)) {
                        messageId = new String(line, 0, length, StandardCharsets.ISO_8859_1).strip(); // folded
                    } else if (length >= 11
                            && new String(line, 0, 11, StandardCharsets.ISO_8859_1).equalsIgnoreCase("Message-ID:")) {
                        messageId = new String(line, 11, length - 11, StandardCharsets.ISO_8859_1).strip();
                    }
                }
            }
            return null;
        }

        /** Reads and ignores whatever comes until the sender's connection drops. */
        void skipUntilDropped() throws IOException {
            while (in.read(buffer) >= 0) {
                // not answering
            }
        }

        /** Puts the next line (without CRLF) in {@code line[0..length)}; false at the end of the stream. */
        private boolean nextLine() throws IOException {
            length = 0;
            while (true) {
                if (position == limit) {
                    if (in.available() == 0) {
                        beforeRead.run(); // nothing more has arrived: the replies go out
                    }
                    int read = in.read(buffer);
                    if (read < 0) {
                        return false;
                    }
                    position = 0;
                    limit = read;
                }
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                append(position, end - position);
                if (end < limit) {
                    position = end + 1;
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return true;
                }
                position = limit;
            }
        }

        private void append(int from, int count) {
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(buffer, from, line, length, count);
            length += count;
        }
    }

    /** Reads a record file: one entry per line, recipient and Message-ID. */
    public static List<String[]> read(Path records) {
        try {
            if (!Files.exists(records)) {
                return List.of();
            }
            List<String[]> entries = new ArrayList<>();
            for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    entries.add(line.split("\t", 2));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
