package io.crosscast.sandbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Properties;

/** Messages built as the application builds them (Jakarta Mail, UTF-8, multipart/alternative). */
final class TestMessages {

    static final String HTML = "<!DOCTYPE html><html><head><title>Offre</title></head><body>"
            + "<p>Bonjour Zoé, votre offre d’été : −20 %</p>"
            + "<a href=\"http://localhost:8080/crosscast/t/c/1\">Voir</a>"
            + "<img src=\"http://localhost:8080/crosscast/t/o/1\" width=\"1\" height=\"1\" alt=\"\"></body></html>";
    static final String TEXT = "Bonjour Zoé,\nvotre offre d’été : −20 %\nhttp://localhost:8080/crosscast/t/c/1\n";
    static final String SUBJECT = "Zoé, votre offre d’été 🎁";

    private TestMessages() {}

    static Session session() {
        return Session.getInstance(new Properties());
    }

    /** A multipart/alternative message (text, then HTML) with a List-Unsubscribe header. */
    static MimeMessage alternative(Session session) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("offres@crosscast.example", "Crosscast Été", "UTF-8"));
        message.setRecipients(MimeMessage.RecipientType.TO, "zoe.leroy@example.com");
        message.setSubject(SUBJECT, "UTF-8");
        message.setHeader("List-Unsubscribe", "<http://localhost:8080/crosscast/u/abc>");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(HTML, "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
