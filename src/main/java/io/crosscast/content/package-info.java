/**
 * What messages say: personalization, tracked links and the email messages themselves. A concept of its own,
 * below both the deliveries that send it and the tracking that reads its links back.
 *
 * <p>{@link io.crosscast.content.Personalization} checks and compiles the Mustache templates of the
 * subject, the HTML body and the text body (recipient variables only, HTML escaping in the HTML body);
 * {@link io.crosscast.content.LinkRewriter} numbers the HTML body's links for click tracking and
 * adds the open pixel and the unsubscription link; {@link io.crosscast.content.EmailComposer}
 * puts it together once per delivery and builds each recipient's {@code MimeMessage}, with tracking URLs
 * from the caller's {@link io.crosscast.content.TrackingUrls}. The text of SMS deliveries is checked
 * and compiled here too ({@link io.crosscast.content.ContentPart#SMS}), and composed by
 * {@code io.crosscast.delivery.sms}.
 *
 * <p>Plain Java with mustache.java and jsoup; Jakarta Mail in the composer only. No container API, so every
 * class here is unit-testable.
 */
package io.crosscast.content;
