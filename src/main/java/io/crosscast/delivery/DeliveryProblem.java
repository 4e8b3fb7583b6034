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
 * <p>{@link #message()} is English: it is what the REST API and the logs say. Pages word the problem in the
 * viewer's language from its {@link #code()} (key {@link Code#key()}) and {@link #arguments()}, which are
 * data (labels, addresses, counts) and fill the same {@code {0}}, {@code {1}}... placeholders as
 * {@link Code#englishTemplate()}. A personalisation problem ({@link Code#CONTENT}) carries the
 * {@link ContentProblem} instead, which has its own wordings.
 *
 * @param code      what is wrong
 * @param arguments the details its wording names, as documented on each {@link Code}
 * @param content   the personalisation problem when the code is {@link Code#CONTENT}, else null
 */
public record DeliveryProblem(Code code, List<String> arguments, ContentProblem content) implements Serializable {

    /** What can be wrong, with its English wording. */
    public enum Code {

        /** No arguments. */
        LABEL_REQUIRED("The label is required."),
        /** Arguments: the maximum. */
        LABEL_TOO_LONG("The label has at most {0} characters."),
        /** Arguments: the address as typed. */
        SENDER_ADDRESS_INVALID("The sender address '{0}' is not a valid email address."),
        /** Arguments: the address as typed. */
        REPLY_TO_INVALID("The reply-to address '{0}' is not a valid email address."),
        /** Arguments: the maximum. */
        SENDER_NAME_TOO_LONG("The sender name has at most {0} characters."),
        /** Arguments: the maximum. */
        SUBJECT_TOO_LONG("The subject has at most {0} characters."),
        /** No arguments. */
        SENDER_ADDRESS_REQUIRED("A sender address is required to send."),
        /** No arguments. */
        SUBJECT_REQUIRED("A subject is required to send."),
        /** No arguments. */
        HTML_BODY_REQUIRED("An HTML body is required to send (the text version is derived from it when empty)."),
        /** Arguments: the sender id as typed. */
        SENDER_ID_INVALID("The sender id '{0}' must be a phone number or at most 11 letters and digits."),
        /** Arguments: the tag, {@code {{link}}}. */
        SMS_LINK_UNAVAILABLE("Tracked links ({0}) in text messages are not available yet: write the URL itself."),
        /** No arguments. */
        SENDER_ID_REQUIRED("A sender id is required to send."),
        /** No arguments. */
        TEXT_REQUIRED("A text is required to send."),
        /** A personalisation problem: see {@link DeliveryProblem#content()}. No arguments. */
        CONTENT("{0}"),
        /** No arguments. */
        PROOF_NO_ADDRESS("Give at least one address to send the proof to."),
        /** Arguments: the maximum, the number of addresses given. */
        PROOF_TOO_MANY_ADDRESSES("A proof goes to at most {0} addresses; {1} were given."),
        /** Arguments: why the address is not valid (English), the address. */
        PROOF_ADDRESS_INVALID("This address is not valid: {0}"),
        /** Arguments: why each address is not valid (English, joined with "; "), the addresses joined with ", ". */
        PROOF_ADDRESSES_INVALID("These addresses are not valid: {0}"),
        /**
         * Arguments: how many addresses got the proof, how many were tried, the others with the server's answer
         * ({@code address (reply)}, joined with "; ").
         */
        PROOF_REFUSED("The proof went to {0} of {1} addresses; not sent to: {2}"),
        /** Arguments: the delivery's label. */
        EMAIL_HAS_NO_SMS_PREVIEW("Delivery '{0}' is an email delivery: it has no text message preview."),
        /** Arguments: the delivery's label. */
        SMS_HAS_NO_EMAIL_PREVIEW("Delivery '{0}' is a text message: it has no email preview or proof."),
        /** Arguments: the delivery's id. */
        NOT_FOUND("Delivery {0} does not exist."),
        /** Arguments: the recipient's id. */
        RECIPIENT_NOT_FOUND("Recipient {0} does not exist."),
        /** Arguments: the delivery's label. */
        SENT_CANNOT_CHANGE("Delivery '{0}' has been sent: its content can no longer change. Copy it to send a new"
                + " version."),
        /** Arguments: the delivery's label. */
        SENDING_CANNOT_BE_DELETED("Delivery '{0}' is sending: cancel it first."),
        /** Arguments: the delivery's label. */
        ALREADY_SENT("Delivery '{0}' has already been sent."),
        /** Arguments: the delivery's label. */
        NOT_SENDING("Delivery '{0}' is not sending."),
        NOT_PAUSED("Delivery '{0}' is not paused.");

        private final String englishTemplate;

        Code(String englishTemplate) {
            this.englishTemplate = englishTemplate;
        }

        /** The English wording, with placeholders {@code {0}}, {@code {1}}... for the arguments. */
        public String englishTemplate() {
            return englishTemplate;
        }

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
        return new DeliveryProblem(code, Arrays.stream(arguments).map(String::valueOf).toList(), null);
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
        return content != null ? content.message() : EnglishTemplate.format(code.englishTemplate(), arguments);
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
