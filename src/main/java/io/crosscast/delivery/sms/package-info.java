/**
 * The text side of SMS deliveries, plain Java.
 *
 * <p>{@link io.crosscast.delivery.sms.SmsEncoding} tells whether a text travels in GSM-7 or UCS-2 and how many
 * parts it takes ({@link io.crosscast.delivery.sms.SmsLength}); {@link io.crosscast.delivery.sms.Gsm7} holds
 * the alphabet of 3GPP TS 23.038; {@link io.crosscast.delivery.sms.SmsSegments} turns texts into SMPP octets
 * (whole, or one {@code short_message} per part behind a concatenation header) and back.
 * {@link io.crosscast.delivery.sms.SmsComposer} compiles a delivery's personalized text once and renders it per
 * recipient ({@link io.crosscast.delivery.sms.SmsContent}), with the caller's tracked link in place of
 * {@code {{link}}}. {@link io.crosscast.delivery.sms.SmppSettings} are the SMPP client's connection settings.
 *
 * <p>No container API and no SMPP library: every class here is unit-testable, and usable by the SMPP client
 * and by the sandbox's SMSC alike.
 */
package io.crosscast.delivery.sms;
