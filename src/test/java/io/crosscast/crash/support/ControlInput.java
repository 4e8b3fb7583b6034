package io.crosscast.crash.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The command lines a peer process (SMTP sink, SMSC) reads on its standard input while it runs, one a line, in a
 * daemon thread: each line's words go to a handler, whose answer is printed on standard output (where the test
 * waits for it); a line no handler takes is answered "unknown command". Ends quietly with the input.
 */
final class ControlInput {

    private ControlInput() {}

    /** Starts the reading thread; {@code handler} answers a line's words, or null when it does not know them. */
    static void start(String name, Function<String[], String> handler) {
        Thread control = new Thread(() -> read(handler), name);
        control.setDaemon(true);
        control.start();
    }

    private static void read(Function<String[], String> handler) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String answer;
                try {
                    answer = handler.apply(line.strip().split("\\s+"));
                } catch (RuntimeException e) {
                    answer = "bad command: " + line + " (" + e + ")";
                }
                System.out.println(answer == null ? "unknown command: " + line : answer);
                System.out.flush();
            }
        } catch (IOException e) {
            System.out.println("control input ended: " + e);
        }
    }

    /** The milliseconds of a {@code delay MILLIS} command, or -1 when the words are not one. */
    static long delay(String[] words) {
        return words.length == 2 && words[0].equals("delay") ? Long.parseLong(words[1]) : -1;
    }
}
