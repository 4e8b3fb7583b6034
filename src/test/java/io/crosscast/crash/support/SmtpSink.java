package io.crosscast.crash.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server for crash tests, run as its own process ({@link #main}) so that it outlives the application
 * server the test kills. It accepts every message and appends one line per envelope recipient to its record
 * file, {@code recipient TAB Message-ID}, written and flushed before it answers {@code 250} to the end of the
 * data: whatever the sender heard accepted is in the file.
 *
 * <p>With a hold number N, the N-th message is recorded like the others, then the sink writes the hold
 * file and never answers it: the sender is stuck in the worst place, its message stored on the server side but
 * not acknowledged, which is where the test kills it. The held session ends when the sender's connection
 * drops; every other message (before, and after the restart) is answered at once.
 *
 * <p>Usage: {@code java -cp target/test-classes io.crosscast.crash.support.SmtpSink PORT RECORD_FILE [HOLD_AT]};
 * prints {@value #READY} on standard output once it listens on 127.0.0.1:PORT. Pure JDK, no dependency.
 */
public final class SmtpSink {

    /** The line the sink prints once it listens. */
    public static final String READY = "SMTP sink ready";

    private final Path records;
    private final Path holdFile;
    private final long holdAt;
    private long received;
    private OutputStream out;

    private SmtpSink(Path records, long holdAt) {
        this.records = records;
        this.holdFile = holdFileOf(records);
        this.holdAt = holdAt;
    }

    /** The file the sink writes when it holds its answer to the N-th message: that message's record line. */
    public static Path holdFileOf(Path records) {
        return records.resolveSibling(records.getFileName() + ".held");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SmtpSink PORT RECORD_FILE [HOLD_AT]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        SmtpSink sink = new SmtpSink(Path.of(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 0);
        sink.out = Files.newOutputStream(sink.records, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            System.out.println(READY + " on 127.0.0.1:" + port + ", recording to " + sink.records
                    + (sink.holdAt > 0 ? ", holding the answer to message " + sink.holdAt : ""));
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                Thread session = new Thread(() -> sink.serve(socket), "smtp-session");
                session.setDaemon(true);
                session.start();
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream reply = socket.getOutputStream()) {
            answer(reply, "220 crash-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> answer(reply, "250-crash-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> answer(reply, "250 crash-sink");
                    case "MAIL" -> {
                        recipients.clear();
                        answer(reply, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        answer(reply, "250 OK");
                    }
                    case "DATA" -> {
                        answer(reply, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = readData(in);
                        if (messageId == null) {
                            return; // the connection dropped in the middle of the data: nothing was accepted
                        }
                        if (!record(recipients, messageId)) {
                            holdUntilDropped(in);
                            return;
                        }
                        recipients.clear();
                        answer(reply, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        answer(reply, "250 OK");
                    }
                    case "NOOP" -> answer(reply, "250 OK");
                    case "QUIT" -> {
                        answer(reply, "221 Bye");
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
        StringBuilder lines = new StringBuilder();
        for (String recipient : recipients) {
            lines.append(recipient).append('\t').append(messageId).append('\n');
        }
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        received++;
        if (received == holdAt) {
            Files.writeString(holdFile, lines.toString(), StandardCharsets.UTF_8);
            return false;
        }
        return true;
    }

    /** Reads and ignores whatever comes until the sender's connection drops. */
    private static void holdUntilDropped(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // not answering
        }
    }

    /** Reads the message up to the lone dot; returns its Message-ID (null if it has none). */
    private static String readData(InputStream in) throws IOException {
        String messageId = null;
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return messageId == null ? "(none)" : messageId;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if ((line.startsWith(" ") || line.startsWith("\t")) && "".equals(messageId)) {
                    messageId = line.strip(); // a Message-ID header folded after its name
                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messageId = line.substring(11).strip();
                }
            }
        }
        return null;
    }

    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        String address = open >= 0 && close > open ? command.substring(open + 1, close) : command.substring(command.indexOf(':') + 1);
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** One line without its CRLF (ISO-8859-1: headers are ASCII, bodies are only skipped), null at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    private static void answer(OutputStream reply, String text) throws IOException {
        reply.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        reply.flush();
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
