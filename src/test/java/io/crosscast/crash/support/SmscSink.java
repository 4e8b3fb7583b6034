package io.crosscast.crash.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for crash tests, run as its own process ({@link #main}) so that it outlives the application server the
 * test kills; jSMPP's server side. It accepts any bind and answers every submit_sm with a fresh message id, after
 * appending one line to its record file, {@code destination TAB message id TAB text}, written before the answer
 * goes out: whatever the sender heard accepted is in the file. Nothing else is answered (no receipts are sent;
 * the other operations are refused).
 *
 * <p>With a hold number N, the N-th submit_sm is recorded like the others, then the SMSC writes the hold file
 * (that submission's record line) and never answers it, until the sender's connection drops: the sender is stuck
 * in the worst place, its text taken by the SMSC but not acknowledged, which is where the test kills it. The other
 * submissions of the window go on being answered meanwhile, as a real SMSC would.
 *
 * <p>With a response delay of d ms (benchmarks: an SMSC across a network), every submit_sm_resp goes out d ms after
 * the submission was recorded; the submissions of a window wait side by side (each on its own PDU processor, of
 * which there are {@value #PROCESSORS}). A line {@code delay D} on the standard input changes the delay while the
 * SMSC runs; it answers {@value #DELAY_SET} {@code D ms}.
 *
 * <p>Usage: {@code java -cp TEST_CLASSES:JSMPP:SLF4J io.crosscast.crash.support.SmscSink PORT RECORD_FILE
 * [HOLD_AT [DELAY_MS]]}; prints {@value #READY} once it listens on 127.0.0.1:PORT. Texts are read as UCS-2 for
 * {@code data_coding} 8, else byte for byte (the crash tests send plain letters and digits, where GSM-7 unpacked
 * and Latin-1 agree); a long text comes whole in {@code message_payload}.
 */
public final class SmscSink implements ServerMessageReceiverListener {

    /** The line the SMSC prints once it listens. */
    public static final String READY = "SMSC sink ready";

    /** The line the SMSC prints once a {@code delay} command took effect. */
    public static final String DELAY_SET = "SMSC response delay set to";

    /**
     * PDU processors of a session: more than the largest window, so that neither a held submission nor a window
     * of delayed answers keeps the other submissions waiting.
     */
    static final int PROCESSORS = 128;

    /** One recorded submit_sm. */
    public record Submit(String destination, String messageId, String text) {}

    private final long holdAt;
    private final Path holdFile;
    private final OutputStream out;
    /** Message ids: this start's time in milliseconds, then a counter, in hexadecimal. */
    private final long idBase = System.currentTimeMillis() << 20;

    private long received;
    private volatile long delayMillis;

    private SmscSink(Path records, long holdAt, long delayMillis) throws IOException {
        this.holdAt = holdAt;
        this.delayMillis = delayMillis;
        this.holdFile = holdFileOf(records);
        this.out = Files.newOutputStream(records, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The file the SMSC writes when it holds its answer to the N-th submission: that submission's record line. */
    public static Path holdFileOf(Path records) {
        return records.resolveSibling(records.getFileName() + ".held");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SmscSink PORT RECORD_FILE [HOLD_AT [DELAY_MS]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long holdAt = args.length > 2 ? Long.parseLong(args[2]) : 0;
        long delay = args.length > 3 ? Long.parseLong(args[3]) : 0;
        SmscSink sink = new SmscSink(Path.of(args[1]), holdAt, delay);
        SMPPServerSessionListener listener = new SMPPServerSessionListener(port, 0, 50, new Loopback());
        listener.setMessageReceiverListener(sink);
        listener.setPduProcessorDegree(PROCESSORS);
        System.out.println(READY + " on 127.0.0.1:" + port + ", recording to " + args[1]
                + (holdAt > 0 ? ", holding the answer to submission " + holdAt : "")
                + (delay > 0 ? ", answering after " + delay + " ms" : ""));
        System.out.flush();
        ControlInput.start("smsc-control", sink::command);
        while (true) {
            SMPPServerSession session = listener.accept();
            Thread binding = new Thread(() -> bind(session), "smsc-bind-" + session.getSessionId());
            binding.setDaemon(true);
            binding.start();
        }
    }

    /** A command on standard input: {@code delay MILLIS}; answers it (null: unknown). */
    private String command(String[] words) {
        long delay = ControlInput.delay(words);
        if (delay < 0) {
            return null;
        }
        delayMillis = delay;
        return DELAY_SET + " " + delay + " ms";
    }

    private static void bind(SMPPServerSession session) {
        try {
            var request = session.waitForBind(10_000);
            request.accept("crashsmsc", InterfaceVersion.IF_34);
            System.out.println("bound: " + request.getBindType() + " " + request.getSystemId());
        } catch (TimeoutException | PDUStringException | IOException | RuntimeException e) {
            System.out.println("bind failed: " + e);
            session.close();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        String text = text(submit);
        String line;
        boolean hold;
        MessageId id;
        synchronized (this) {
            received++;
            try {
                id = new MessageId(String.format("%016X", idBase + received));
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
            line = submit.getDestAddress() + '\t' + id.getValue() + '\t' + text + '\n';
            hold = received == holdAt;
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (hold) {
                    Files.writeString(holdFile, line, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record", e);
            }
        }
        if (hold) {
            System.out.println("holding the answer to submission " + holdAt + ": " + line.strip());
            while (source.getSessionState().isNotClosed()) {
                sleep(100);
            }
            System.out.println("the held session closed");
            throw new ProcessRequestException("held, never answered", SMPPConstant.STAT_ESME_RSYSERR);
        }
        long delay = delayMillis;
        if (delay > 0) {
            sleep(delay);
        }
        return new SubmitSmResult(id, new OptionalParameter[0]);
    }

    /** The text, with tabs and line breaks as spaces (one record a line). */
    private static String text(SubmitSm submit) {
        byte[] octets = submit.getShortMessage();
        if (octets == null || octets.length == 0) {
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            octets = payload instanceof OptionalParameter.OctetString bytes ? bytes.getValue() : new byte[0];
        }
        String text = new String(
                octets, submit.getDataCoding() == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        return text.replaceAll("[\t\r\n]", " ");
    }

    /** Reads a record file. */
    public static List<Submit> read(Path records) {
        try {
            if (!Files.exists(records)) {
                return List.of();
            }
            List<Submit> submits = new ArrayList<>();
            for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
                submits.add(parse(line));
            }
            return submits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record line. */
    private static Submit parse(String line) {
        String[] fields = line.split("\t", 3);
        return new Submit(fields[0], fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2].strip() : "");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Everything but submit_sm is refused.

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw refused();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw refused();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw refused();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw refused();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw refused();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw refused();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw refused();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw refused();
    }

    private static ProcessRequestException refused() {
        return new ProcessRequestException("only submit_sm", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** Listens on 127.0.0.1 only (jSMPP's own factory listens on every interface). */
    private static final class Loopback implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}
