package io.crosscast.webhook;

/** A subscription just created, with its secret: the only time the server shows it. */
public record NewSubscription(WebhookSubscription subscription, String secret) {}
