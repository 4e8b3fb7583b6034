package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.content.ContentProblem;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.DeliveryProblem.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content checks name each problem with a code and its data, and keep their English wording. */
class ContentCheckTest {

    private final ContentCheck check = new ContentCheck();

    @Test
    void anEmailDraftWithProblems() {
        List<DeliveryProblem> problems = check.problems(
                Channel.EMAIL,
                new DeliveryContent(
                        " ",
                        null,
                        "not-an-address",
                        "reply@@example.com",
                        "Hi {{nickname}}",
                        "<p>{{firstName}}</p>",
                        null),
                false);

        assertEquals(
                List.of(Code.LABEL_REQUIRED, Code.SENDER_ADDRESS_INVALID, Code.REPLY_TO_INVALID, Code.CONTENT),
                problems.stream().map(DeliveryProblem::code).toList());
        assertEquals(List.of("not-an-address"), problems.get(1).arguments());
        assertEquals(
                ContentProblem.Reason.UNKNOWN_VARIABLE,
                problems.get(3).content().reason());
        assertEquals(
                List.of(
                        "The label is required.",
                        "The sender address 'not-an-address' is not a valid email address.",
                        "The reply-to address 'reply@@example.com' is not a valid email address.",
                        "Subject, line 1: unknown variable {{nickname}}; the variables are firstName, lastName, email,"
                                + " mobilePhone, status, country, language, birthDate, unsubscribeUrl"),
                DeliveryProblem.messages(problems));
    }

    @Test
    void sendingAnEmailNeedsASenderASubjectAndABody() {
        assertEquals(
                List.of(Code.SENDER_ADDRESS_REQUIRED, Code.SUBJECT_REQUIRED, Code.HTML_BODY_REQUIRED),
                check
                        .problems(Channel.EMAIL, new DeliveryContent("Offer", null, null, null, null, null, null), true)
                        .stream()
                        .map(DeliveryProblem::code)
                        .toList());
        assertEquals(
                List.of(),
                check.problems(Channel.EMAIL, new DeliveryContent("Offer", null, null, null, null, null, null), false),
                "a draft may be half-written");
    }

    @Test
    void aTextMessage() {
        List<DeliveryProblem> problems = check.problems(
                Channel.SMS,
                new DeliveryContent("x".repeat(201), "Far too long a sender", null, null, null, null, "See {{link}}"),
                true);

        assertEquals(
                List.of(Code.LABEL_TOO_LONG, Code.SENDER_ID_INVALID, Code.SMS_LINK_UNAVAILABLE),
                problems.stream().map(DeliveryProblem::code).toList());
        assertEquals(List.of("200"), problems.get(0).arguments());
        assertEquals(
                List.of(
                        "The label has at most 200 characters.",
                        "The sender id 'Far too long a sender' must be a phone number or at most 11 letters and digits.",
                        "Tracked links ({{link}}) in text messages are not available yet: write the URL itself."),
                DeliveryProblem.messages(problems));
        assertEquals(
                List.of(Code.SENDER_ID_REQUIRED, Code.TEXT_REQUIRED),
                check
                        .problems(Channel.SMS, new DeliveryContent("SMS", null, null, null, null, null, null), true)
                        .stream()
                        .map(DeliveryProblem::code)
                        .toList());
    }
}
