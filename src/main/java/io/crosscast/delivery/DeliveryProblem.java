package io.crosscast.delivery;

import io.crosscast.content.ContentProblem;
import io.crosscast.platform.EnglishTemplate;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reason why a request about a delivery cannot be done: a content problem, a proof address problem, a
 * delivery in the wrong status...
 *
 * <p>{@link #message()} is English, from the English bundle: it is what the REST API and the logs say. Pages word the
 * problem in the viewer's language from its {@link #code()} (key {@link Code#key()}) and {@link #arguments()}, which
 * are data (labels, addresses, counts) and fill the {@code {0}}, {@code {1}}... placeholders of the wording. A
 * personalisation problem ({@link Code#CONTENT}) carries the {@link ContentProblem} instead, which has its own
 * wordings.
 *
 * @param code      what is wrong
 * @param arguments the details its wording names, as documented on each {@link Code}
 * @param content   the personalisation problem when the code is {@link Code#CONTENT}, else null
 */
public record DeliveryProblem(Code code, List<String> arguments, ContentProblem content) implements Serializable {

    /** What can be wrong; its wording is the bundles' (key {@link #key()}). */
    public enum Code {

        /** No arguments. */
        LABEL_REQUIRED,
        /** Arguments: the maximum. */
        LABEL_TOO_LONG,
        /** Arguments: the address as typed. */
        SENDER_ADDRESS_INVALID,
        /** Arguments: the address as typed. */
        REPLY_TO_INVALID,
        /** Arguments: the maximum. */
        SENDER_NAME_TOO_LONG,
        /** Arguments: the maximum. */
        SUBJECT_TOO_LONG,
        /** No arguments. */
        SENDER_ADDRESS_REQUIRED,
        /** No arguments. */
        SUBJECT_REQUIRED,
        /** No arguments. */
        HTML_BODY_REQUIRED,
        /** Arguments: the sender id as typed. */
        SENDER_ID_INVALID,
        /** Arguments: the tag, {@code {{link}}}. */
        SMS_LINK_UNAVAILABLE,
        /** No arguments. */
        SENDER_ID_REQUIRED,
        /** No arguments. */
        TEXT_REQUIRED,
        /** A personalisation problem: see {@link DeliveryProblem#content()}. No arguments. */
        CONTENT,
        /** No arguments. */
        PROOF_NO_ADDRESS,
        /** Arguments: the maximum, the number of addresses given. */
        PROOF_TOO_MANY_ADDRESSES,
        /** Arguments: why the address is not valid (English), the address. */
        PROOF_ADDRESS_INVALID,
        /** Arguments: why each address is not valid (English, joined with "; "), the addresses joined with ", ". */
        PROOF_ADDRESSES_INVALID,
        /**
         * Arguments: how many addresses got the proof, how many were tried, the others with the server's answer
         * ({@code address (reply)}, joined with "; ").
         */
        PROOF_REFUSED,
        /** Arguments: the delivery's label. */
        EMAIL_HAS_NO_SMS_PREVIEW,
        /** Arguments: the delivery's label. */
        SMS_HAS_NO_EMAIL_PREVIEW,
        /** Arguments: the delivery's id. */
        NOT_FOUND,
        /** Arguments: the recipient's id. */
        RECIPIENT_NOT_FOUND,
        /** Arguments: the delivery's label. */
        SENT_CANNOT_CHANGE,
        /** Arguments: the delivery's label. */
        SENDING_CANNOT_BE_DELETED,
        /** Arguments: the delivery's label. */
        ALREADY_SENT,
        /** Arguments: the delivery's label. */
        NOT_SENDING,
        NOT_PAUSED;

        /** The key of the wording in the web bundles. */
        public String key() {
            return "delivery.problem." + name();
        }
    }

    /** Checks that nothing required is null and that a content problem comes with its code; freezes the arguments. */
    public DeliveryProblem {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
        if ((code == Code.CONTENT) != (content != null)) {
            throw new IllegalArgumentException("A content problem, and only it, has code CONTENT");
        }
    }

    /** A problem with its arguments (numbers and other values are written with {@link String#valueOf}). */
    public static DeliveryProblem of(Code code, Object... arguments) {
        return new DeliveryProblem(
                code, Arrays.stream(arguments).map(String::valueOf).toList(), null);
    }

    /** A personalisation problem (subject, bodies, SMS text). */
    public static DeliveryProblem of(ContentProblem content) {
        return new DeliveryProblem(Code.CONTENT, List.of(), content);
    }

    /** Every personalisation problem, as delivery problems. */
    public static List<DeliveryProblem> ofContent(List<ContentProblem> problems) {
        return problems.stream().map(DeliveryProblem::of).toList();
    }

    /** The problem in English. */
    public String message() {
        return content != null
                ? content.message()
                : EnglishTemplate.text(EnglishTemplate.MESSAGES, code.key(), arguments);
    }

    /** The English messages of several problems. */
    public static List<String> messages(List<DeliveryProblem> problems) {
        return problems.stream().map(DeliveryProblem::message).toList();
    }

    @Override
    public String toString() {
        return message();
    }
}
